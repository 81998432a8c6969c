package io.muse4j.cli;

import io.muse4j.audio.signal.SyntheticAudio;
import io.muse4j.audio.signal.WavWriter;
import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.midi.MidiReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AudioAnalysisCommandsTest {
    private static final int[] PITCHES = {67, 69, 71, 72, 74, 72, 71, 69};

    @TempDir
    Path dir;

    /** Two seconds of a plucked melody, 0.25 s a note after 0.1 s of silence, at 44.1 kHz. */
    private Path melody() throws Exception {
        double[] amplitudes = new double[PITCHES.length];
        java.util.Arrays.fill(amplitudes, 0.5);
        Path wav = dir.resolve("melody.wav");
        WavWriter.write(SyntheticAudio.melody(PITCHES, amplitudes, 0.25, 0.1, 44_100), wav);
        return wav;
    }

    @Test
    void spectrogramWritesNpyOfFramesByBins() throws Exception {
        Path wav = melody();
        double seconds = 2.2;
        int samples = (int) Math.round(seconds * 22_050); // after resampling from 44.1 kHz
        Object[][] cases = {{"stft", List.of("--window", "1024", "--hop", "256"), 1 + samples / 256, 513},
                {"mel", List.of("--bins", "64"), 1 + samples / 512, 64},
                {"cqt", List.of("--bins", "24", "--hop", "1024"), 1 + samples / 1024, 168}};
        for (Object[] c : cases) {
            Path npy = dir.resolve(c[0] + ".npy");
            List<String> args = new java.util.ArrayList<>(List.of("spectrogram", wav.toString(), "--type",
                    (String) c[0], "--out", npy.toString()));
            @SuppressWarnings("unchecked")
            List<String> more = (List<String>) c[1];
            args.addAll(more);
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertEquals(0, run.code(), run.err());
            assertEquals(npy + "\n", run.out());
            assertTrue(run.err().matches("muse4j: .*" + c[0] + ".npy: " + c[2] + " frames x " + c[3]
                    + " bins of .* from 2.2 s of audio\\n"), run.err());
            byte[] bytes = Files.readAllBytes(npy);
            int header = Short.toUnsignedInt(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getShort(8));
            String dict = new String(bytes, 10, header, StandardCharsets.US_ASCII);
            assertTrue(dict.contains("'descr': '<f4', 'fortran_order': False, 'shape': (" + c[2] + ", " + c[3] + ")"),
                    dict);
            assertEquals(10 + header + 4L * (int) c[2] * (int) c[3], bytes.length);
        }
    }

    @Test
    void spectrogramAndPlotDrawPictures() throws Exception {
        Path wav = melody();
        Path png = dir.resolve("cqt.png");
        CliRun run = CliRun.of("spectrogram", wav.toString(), "--type", "cqt", "--out", png.toString(), "--width",
                "640", "--height", "360");
        assertEquals(0, run.code(), run.err());
        assertEquals(png + "\n", run.out());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(640, image.getWidth());
        assertEquals(360, image.getHeight());

        Path plotted = dir.resolve("plot.png");
        run = CliRun.of("plot", wav.toString(), "--out", plotted.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals(plotted + "\n", run.out());
        assertEquals(1200, ImageIO.read(plotted.toFile()).getWidth());
    }

    @Test
    void spectrogramOptionsAreCheckedAsUsage() throws Exception {
        Path wav = melody();
        Path out = dir.resolve("x.npy");
        assertUsage(CliRun.of("spectrogram", wav.toString(), "--out", dir.resolve("x.txt").toString()),
                "--out must end in .png or .npy, not 'x.txt'");
        assertUsage(CliRun.of("spectrogram", wav.toString(), "--out", out.toString(), "--window", "1000"),
                "window 1000 must be a power of two in 32..65536");
        assertUsage(CliRun.of("spectrogram", wav.toString(), "--out", out.toString(), "--type", "stft", "--bins", "40"),
                "--bins, --min-hz and --max-hz are for mel and cqt");
        assertUsage(CliRun.of("spectrogram", wav.toString(), "--out", out.toString(), "--type", "cqt", "--window",
                "1024"), "--window is for stft and mel");
        assertUsage(CliRun.of("spectrogram", wav.toString(), "--out", out.toString(), "--type", "mel", "--max-hz",
                "20000"), "mel range 0.0..20000.0 Hz must rise within 0..11025.0 Hz");
        assertUsage(CliRun.of("spectrogram", wav.toString(), "--out", out.toString(), "--type", "wavelet"), "wavelet");
        assertUsage(CliRun.of("spectrogram", wav.toString(), "--out", dir.resolve("x.png").toString(), "--width",
                "100"), "--width must be between 204 and 16384 pixels, not 100");
        assertFalse(Files.exists(out));
    }

    @Test
    void transcribeWritesTheMelodyAsMidi() throws Exception {
        Path mid = dir.resolve("melody.mid");
        for (String tracker : new String[] {"yin", "fft_yin"}) {
            CliRun run = CliRun.of("transcribe", melody().toString(), "--out", mid.toString(), "--pitch-tracker",
                    tracker);
            assertEquals(0, run.code(), run.err());
            assertEquals(mid + "\n", run.out());
            assertTrue(run.err().matches("muse4j: .*melody.mid: 8 notes from 2.2 s of audio in .* real time\\)\\n"),
                    run.err());
            NoteSequence seq = MidiReader.read(mid).sequence();
            assertEquals(List.of(67, 69, 71, 72, 74, 72, 71, 69), seq.notes().stream().map(Note::pitch).toList());
            assertEquals(0.1, seq.tempoMap().seconds(seq.notes().get(0).startTick()), 0.015);
        }
        CliRun run = CliRun.of("transcribe", melody().toString(), "--out", mid.toString(), "--min-note-ms", "300");
        assertEquals(0, run.code(), run.err());
        assertEquals(0, MidiReader.read(mid).sequence().notes().size(), "every note is shorter than 300 ms");
        assertUsage(CliRun.of("transcribe", melody().toString(), "--out", mid.toString(), "--min-note-ms", "5"),
                "--min-note-ms 5.0 outside 10..2000");
        assertUsage(CliRun.of("transcribe", melody().toString(), "--out", mid.toString(), "--pitch-tracker", "mpm"),
                "mpm");
    }

    @Test
    void badAudioIsOneLineNamingTheFile() throws Exception {
        Path good = melody();
        byte[] bytes = Files.readAllBytes(good);
        Path text = Files.writeString(dir.resolve("notes.wav"), "these are not samples");
        Path truncated = Files.write(dir.resolve("cut.wav"), java.util.Arrays.copyOf(bytes, bytes.length / 3));
        Path compressed = Files.write(dir.resolve("adpcm.wav"), adpcm());
        Path empty = Files.write(dir.resolve("empty.aiff"), new byte[0]);
        Path missing = dir.resolve("missing.wav");
        Object[][] cases = {{text, "not a WAV or AIFF file (it starts with 'these ar')"},
                {truncated, "truncated: the header promises 97020 frames (2.20 s), the file holds 32325 (0.73 s)"},
                {compressed, "compressed WAV (format 0x0002, Microsoft ADPCM) is not supported; convert it to PCM"},
                {empty, "empty file (0 bytes), not audio"},
                {missing, "no such file"}};
        for (Object[] c : cases) {
            Path file = (Path) c[0];
            String expected = "muse4j: " + file + ": " + c[1] + "\n";
            Path out = dir.resolve("out");
            for (CliRun run : List.of(
                    CliRun.of("spectrogram", file.toString(), "--out", out + ".npy"),
                    CliRun.of("transcribe", file.toString(), "--out", out + ".mid"),
                    CliRun.of("plot", file.toString(), "--out", out + ".png"))) {
                assertEquals(1, run.code(), run.err());
                assertEquals(expected, run.err());
                assertEquals("", run.out());
            }
            try (var files = Files.list(dir)) {
                assertFalse(files.anyMatch(p -> p.getFileName().toString().startsWith("out")), "nothing written");
            }
        }
        CliRun verbose = CliRun.of("transcribe", compressed.toString(), "--out", dir.resolve("v.mid").toString(),
                "--verbose");
        assertEquals(1, verbose.code());
        assertTrue(verbose.errLines().length > 2 && verbose.err().contains("\tat "), verbose.err());
    }

    /** A WAV whose format chunk says Microsoft ADPCM (format tag 2), which javax.sound.sampled cannot decode. */
    private static byte[] adpcm() {
        ByteBuffer b = ByteBuffer.allocate(60).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(52).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(20).putShort((short) 2).putShort((short) 1)
                .putInt(8_000).putInt(4_000).putShort((short) 256).putShort((short) 4).putShort((short) 2)
                .putShort((short) 505);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(12).put(new byte[12]);
        return b.array();
    }

    private static void assertUsage(CliRun run, String expected) {
        assertEquals(2, run.code(), run.err());
        assertEquals(1, run.errLines().length, run.err());
        assertTrue(run.err().startsWith("muse4j: ") && run.err().contains(expected), run.err());
        assertEquals("", run.out());
    }

}
