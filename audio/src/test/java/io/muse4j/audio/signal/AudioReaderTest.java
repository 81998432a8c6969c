package io.muse4j.audio.signal;

import io.muse4j.core.io.InputFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AudioReaderTest {
    private static final int RATE = 8_000;
    private static final float[] TONE = AudioFiles.sine(440, 0.5, 800, RATE);

    @TempDir
    Path dir;

    @Test
    void integerAndFloatPcmOfEverySizeReadsBackTheSamples() throws Exception {
        Object[][] formats = {
                {new AudioFormat(AudioFormat.Encoding.PCM_UNSIGNED, RATE, 8, 1, 1, RATE, false), 1 / 127.0},
                {new AudioFormat(RATE, 8, 1, true, false), 1 / 127.0},
                {new AudioFormat(RATE, 16, 1, true, false), 1 / 32767.0},
                {new AudioFormat(RATE, 24, 1, true, false), 1e-6},
                {new AudioFormat(RATE, 32, 1, true, false), 1e-6},
                {new AudioFormat(AudioFormat.Encoding.PCM_FLOAT, RATE, 32, 1, 4, RATE, false), 1e-7}};
        for (Object[] f : formats) {
            AudioFormat format = (AudioFormat) f[0];
            Path wav = AudioFiles.write(dir.resolve("f.wav"), AudioFileFormat.Type.WAVE, format, TONE);
            MonoAudio audio = AudioReader.read(wav);
            assertEquals(RATE, audio.sampleRate(), format.toString());
            assertEquals(TONE.length, audio.length(), format.toString());
            for (int i = 0; i < TONE.length; i++) {
                assertEquals(TONE[i], audio.sample(i), (double) f[1], format + " sample " + i);
            }
        }
    }

    @Test
    void aiffIsReadBigEndian() throws Exception {
        AudioFormat format = new AudioFormat(RATE, 16, 1, true, true);
        MonoAudio audio = AudioReader.read(AudioFiles.write(dir.resolve("t.aiff"), AudioFileFormat.Type.AIFF,
                format, TONE));
        assertEquals(TONE.length, audio.length());
        assertEquals(TONE[20], audio.sample(20), 1e-4);
    }

    @Test
    void stereoIsMixedToTheMeanOfItsChannels() throws Exception {
        float[] silence = new float[TONE.length];
        float[] inverted = TONE.clone();
        for (int i = 0; i < inverted.length; i++) {
            inverted[i] = -inverted[i];
        }
        AudioFormat stereo = new AudioFormat(RATE, 16, 2, true, false);
        MonoAudio half = AudioReader.read(AudioFiles.write(dir.resolve("l.wav"), AudioFileFormat.Type.WAVE, stereo,
                TONE, silence));
        assertEquals(0.5 * rms(TONE), half.rms(), 1e-4, "one channel of two: half the level");
        MonoAudio cancelled = AudioReader.read(AudioFiles.write(dir.resolve("c.wav"), AudioFileFormat.Type.WAVE,
                stereo, TONE, inverted));
        assertEquals(0, cancelled.rms(), 1e-4, "opposite channels cancel");
        MonoAudio both = AudioReader.read(AudioFiles.write(dir.resolve("b.wav"), AudioFileFormat.Type.WAVE, stereo,
                TONE, TONE));
        assertEquals(rms(TONE), both.rms(), 1e-4);
    }

    @Test
    void muLawIsDecoded() throws Exception {
        AudioFormat linear = new AudioFormat(RATE, 16, 1, true, false);
        Path pcm = AudioFiles.write(dir.resolve("pcm.wav"), AudioFileFormat.Type.WAVE, linear, TONE);
        AudioFormat ulaw = new AudioFormat(AudioFormat.Encoding.ULAW, RATE, 8, 1, 1, RATE, false);
        try (AudioInputStream in = AudioSystem.getAudioInputStream(ulaw, AudioSystem.getAudioInputStream(pcm.toFile()))) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, dir.resolve("ulaw.wav").toFile());
        }
        MonoAudio audio = AudioReader.read(dir.resolve("ulaw.wav"));
        assertEquals(TONE.length, audio.length());
        assertEquals(rms(TONE), audio.rms(), 0.01 * rms(TONE), "mu-law keeps the level within 1%");
    }

    @Test
    void badFilesFailNamingTheFileAndTheProblem() throws Exception {
        Path wav = AudioFiles.write(dir.resolve("good.wav"), AudioFileFormat.Type.WAVE,
                new AudioFormat(RATE, 16, 1, true, false), TONE);
        byte[] good = Files.readAllBytes(wav);

        assertFails(Files.write(dir.resolve("empty.wav"), new byte[0]), "empty file (0 bytes), not audio");
        assertFails(Files.writeString(dir.resolve("notes.wav"), "these are not samples"),
                "not a WAV or AIFF file (it starts with 'these ar')");
        assertFails(Files.write(dir.resolve("half.wav"), Arrays.copyOf(good, good.length / 2)),
                "truncated: the header promises 800 frames (0.10 s), the file holds 389 (0.05 s)");
        assertFails(Files.write(dir.resolve("head.wav"), Arrays.copyOf(good, 16)),
                "truncated WAV: the file ends before its format chunk");
        assertFails(Files.write(dir.resolve("head.wav"), Arrays.copyOf(good, 30)),
                "truncated WAV: the file ends inside its format chunk");
        assertFails(Files.write(dir.resolve("head.wav"), Arrays.copyOf(good, 40)),
                "truncated WAV: the file ends before its data chunk");
        assertFails(Files.write(dir.resolve("adpcm.wav"), adpcmHeader()),
                "compressed WAV (format 0x0002, Microsoft ADPCM) is not supported; convert it to PCM");
        byte[] none = Arrays.copyOf(good, 44); // a correct header over no samples at all
        ByteBuffer.wrap(none).order(ByteOrder.LITTLE_ENDIAN).putInt(40, 0).putInt(4, 36);
        assertFails(Files.write(dir.resolve("none.wav"), none), "no audio: the file holds 0 samples");
        assertThrows(NoSuchFileException.class, () -> AudioReader.read(dir.resolve("missing.wav")));
        assertEquals(dir + ": not a regular file (a folder)",
                assertThrows(InputFileException.class, () -> AudioReader.read(dir)).getMessage());
    }

    @Test
    void formatsJavaxCannotDecodeAreNamed() throws Exception {
        AudioFormat twelveBit = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, RATE, 12, 1, 2, RATE, false);
        assertEquals("unsupported audio format (12-bit PCM_SIGNED, 1 channel, 8000 Hz); convert it to 16-bit PCM WAV",
                assertThrows(AudioFormatException.class, () -> readStream(twelveBit)).getMessage()
                        .replaceFirst("^[^:]*: ", ""));
    }

    /** A WAV whose format chunk says Microsoft ADPCM (format tag 2). */
    private static byte[] adpcmHeader() {
        ByteBuffer b = ByteBuffer.allocate(60).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(52).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(20).putShort((short) 2).putShort((short) 1).putInt(RATE).putInt(4_000)
                .putShort((short) 256).putShort((short) 4).putShort((short) 2).putShort((short) 505);
        b.put("data".getBytes()).putInt(12).put(new byte[12]);
        return b.array();
    }

    /** Reads an in-memory stream of an odd format through the reader's decoder checks, via a file javax writes. */
    private MonoAudio readStream(AudioFormat format) throws Exception {
        Path file = dir.resolve("odd.wav");
        byte[] data = new byte[2 * TONE.length];
        AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(data), format, TONE.length);
        AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        return AudioReader.read(file);
    }

    private static void assertFails(Path file, String reason) {
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> AudioReader.read(file));
        assertEquals(file + ": " + reason, e.getMessage());
    }

    private static double rms(float[] x) {
        return new MonoAudio(x, RATE).rms();
    }

    @Test
    void monoAudioIsImmutableAndComparable() {
        float[] x = {0.1f, 0.2f};
        MonoAudio a = new MonoAudio(x, RATE);
        x[0] = 9;
        assertEquals(0.1f, a.sample(0));
        a.samples()[1] = 9;
        assertEquals(0.2f, a.sample(1));
        assertEquals(new MonoAudio(new float[] {0.1f, 0.2f}, RATE), a);
        assertArrayEquals(new float[] {0.2f}, a.slice(1, 2).samples());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new MonoAudio(x, 10)).getMessage()
                .contains("sample rate 10 Hz outside 1000..768000"));
    }
}
