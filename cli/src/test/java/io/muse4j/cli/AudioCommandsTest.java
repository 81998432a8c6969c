package io.muse4j.cli;

import io.muse4j.core.score.NoteSequence;
import io.muse4j.midi.MidiReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AudioCommandsTest {
    @TempDir
    Path dir;

    private Path midi() throws Exception {
        return Muse4jTest.write(dir, "tune.mid", NoteSequence.builder(480).note(60, 100, 0, 480)
                .note(64, 100, 480, 480).note(67, 100, 960, 960).build()); // 2.0 s at 120 bpm
    }

    private static AudioFormat format(Path wav) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            assertEquals(3.0, in.getFrameLength() / in.getFormat().getFrameRate(), 0.01, "2 s and the release");
            return in.getFormat();
        }
    }

    @Test
    void renderWritesAWavAndPrintsItsName() throws Exception {
        Path wav = dir.resolve("tune.wav");
        CliRun run = CliRun.of("render", midi().toString(), "--out", wav.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals(wav + "\n", run.out());
        assertTrue(run.err().matches("muse4j: .*tune.wav: 3.0 s of audio in .* real time\\) with .*\\n"), run.err());
        AudioFormat format = format(wav);
        assertEquals(44_100f, format.getSampleRate());
        assertEquals(16, format.getSampleSizeInBits());
        assertEquals(2, format.getChannels());
    }

    @Test
    void renderErrorsAreOneLineNamingTheFile() throws Exception {
        Path wav = dir.resolve("out.wav");
        Path corrupt = Files.writeString(dir.resolve("corrupt.mid"), "MThd this is not a MIDI file");
        assertOneLineError(CliRun.of("render", corrupt.toString(), "--out", wav.toString()), 1, corrupt + ": byte ");
        Path missing = dir.resolve("missing.mid");
        assertOneLineError(CliRun.of("render", missing.toString(), "--out", wav.toString()), 1,
                missing + ": no such file");
        Path badFont = Files.writeString(dir.resolve("bad.sf2"), "not a sound font");
        assertOneLineError(CliRun.of("render", midi().toString(), "--out", wav.toString(), "--soundfont",
                badFont.toString()), 1, badFont + ": not a usable SoundFont: ");
        Path noFont = dir.resolve("none.sf2");
        assertOneLineError(CliRun.of("render", midi().toString(), "--out", wav.toString(), "--soundfont",
                noFont.toString()), 1, noFont + ": no such file");
        assertOneLineError(CliRun.of("render", midi().toString()), 2, "Missing required option: '--out=OUT.wav'");
        assertFalse(Files.exists(wav));
    }

    @Test
    void generateAlsoRendersWithWav() throws Exception {
        Path mid = dir.resolve("g.mid");
        Path wav = dir.resolve("g.wav");
        CliRun run = CliRun.of("generate", "--steps", "32", "--out", mid.toString(), "--wav", wav.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals(mid + "\n" + wav + "\n", run.out());
        double seconds = MidiReader.read(mid).sequence().durationSeconds();
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            assertEquals(seconds + 1.0, in.getFrameLength() / in.getFormat().getFrameRate(), 0.01);
        }
        Path badFont = Files.writeString(dir.resolve("bad.sf2"), "x");
        assertOneLineError(CliRun.of("generate", "--out", mid.toString(), "--wav", wav.toString(), "--soundfont",
                badFont.toString()), 1, badFont + ": not a usable SoundFont: ");
        assertOneLineError(CliRun.of("generate", "--out", mid.toString(), "--soundfont", badFont.toString()), 2,
                "--soundfont is for rendering: give --wav too");
    }

    @Test
    void plotDrawsPianoRollsAndLossCurves() throws Exception {
        Path roll = dir.resolve("roll.png");
        CliRun run = CliRun.of("plot", midi().toString(), "--out", roll.toString(), "--time", "seconds",
                "--width", "640", "--height", "320");
        assertEquals(0, run.code(), run.err());
        assertEquals(roll + "\n", run.out());
        BufferedImage image = ImageIO.read(roll.toFile());
        assertEquals(640, image.getWidth());
        assertEquals(320, image.getHeight());

        Path log = Files.writeString(dir.resolve("m.log.csv"), "step,loss,learning_rate,targets,validation_loss\n"
                + "1,3.5,0.003,2048,\n2,3.1,0.003,2048,3.3\n3,2.9,0.003,2048,\n");
        Path loss = dir.resolve("loss.png");
        run = CliRun.of("plot", log.toString(), "--out", loss.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals(1200, ImageIO.read(loss.toFile()).getWidth());
    }

    @Test
    void plotErrorsAreOneLine() throws Exception {
        Path png = dir.resolve("x.png");
        Path badLog = Files.writeString(dir.resolve("bad.csv"), "step,loss,learning_rate,targets,validation_loss\n"
                + "1,oops,0.003,2048,\n");
        assertOneLineError(CliRun.of("plot", badLog.toString(), "--out", png.toString()), 1,
                badLog + ": line 2: loss 'oops' is not a number");
        Path corrupt = Files.writeString(dir.resolve("corrupt.mid"), "");
        assertOneLineError(CliRun.of("plot", corrupt.toString(), "--out", png.toString()), 1,
                corrupt + ": byte 0: empty file");
        assertOneLineError(CliRun.of("plot", midi().toString(), "--out", png.toString(), "--width", "10"), 2,
                "--width must be between 64 and 16384 pixels, not 10");
        assertOneLineError(CliRun.of("plot", midi().toString(), "--out", png.toString(), "--time", "beats"), 2,
                "beats");
        assertFalse(Files.exists(png));
    }

    private static void assertOneLineError(CliRun run, int code, String expected) {
        assertEquals(code, run.code(), run.err());
        assertEquals(1, run.errLines().length, run.err());
        assertTrue(run.err().startsWith("muse4j: ") && run.err().contains(expected), run.err());
        assertEquals("", run.out());
    }
}
