package io.muse4j.cli;

import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.NoteSequenceBuilder;
import io.muse4j.core.testing.HostileFiles;
import io.muse4j.midi.MidiWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 22 through the command line, in a JVM of 512 MB: small files built to make generate, decode and train run
 * for minutes or name the wrong file. Each is one line naming the file, exit code 1, within seconds.
 */
class HostileCommandsTest {
    private static final Duration QUICK = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void aPrimerOfNotesHoursApartIsRefusedByItsLengthInTokens() throws Exception {
        // the 3 KB primer: 300 notes over 4 hours at 10,000 beats a minute
        long quarters = 4L * 60 * 10_000;
        NoteSequenceBuilder music = NoteSequence.builder(480).tempoBpm(0, 10_000);
        for (int i = 0; i < 300; i++) {
            music.note(60 + i % 12, 90, i * (quarters / 300) * 480, 240);
        }
        Path primer = dir.resolve("sparse.mid");
        MidiWriter.write(music.build(), primer);
        CliRun run = assertTimeoutPreemptively(QUICK, () -> CliRun.of("generate", "--primer", primer.toString(),
                "--out", dir.resolve("x.mid").toString()));
        assertEquals(1, run.code(), run.err());
        assertEquals(1, run.errLines().length, run.err());
        assertTrue(run.err().startsWith("muse4j: " + primer + ": encodes to ")
                && run.err().contains(" tokens, more than the 10,000 a primer may have"), run.err());
    }

    @Test
    void aBinaryTokenOrListFileIsNamed() throws Exception {
        Path binary = Files.write(dir.resolve("tokens.txt"), new byte[] {0x7f, 'E', 'L', 'F', (byte) 0xff, 0, 1});
        CliRun decode = CliRun.of("decode", binary.toString(), "-e", "melody", "--out", dir.resolve("x.mid").toString());
        assertEquals(1, decode.code());
        assertArrayEquals(new String[] {"muse4j: " + binary + ": not UTF-8 text (a binary file?)"}, decode.errLines());
        CliRun train = CliRun.of("train", "lstm", "-e", "melody", "--corpus", binary.toString(), "--out",
                dir.resolve("x.m4j").toString());
        assertEquals(1, train.code());
        assertArrayEquals(new String[] {"muse4j: " + binary + ": not UTF-8 text (a binary file?)"}, train.errLines());
    }

    @Test
    void decodeRefusesWhatIsNotAFile() throws Exception {
        for (Path input : HostileFiles.all(dir.resolve("inputs"), "tokens.txt")) {
            CliRun run = assertTimeoutPreemptively(QUICK, () -> CliRun.of("decode", input.toString(), "-e", "melody",
                    "--out", dir.resolve("x.mid").toString()));
            assertEquals(1, run.code(), run.err());
            assertEquals(1, run.errLines().length, run.err());
            assertTrue(run.err().startsWith("muse4j: " + input + ": not a regular file ("), run.err());
        }
    }

    @Test
    void trainRefusesAFifoOrADeviceAsItsCorpus() throws Exception {
        List<Path> inputs = List.of(HostileFiles.fifo(dir.resolve("corpus.mid")),
                HostileFiles.devZero(dir.resolve("zero.mid")));
        for (Path input : inputs) {
            CliRun run = assertTimeoutPreemptively(QUICK, () -> CliRun.of("train", "lstm", "--encoding", "melody",
                    "--corpus", input.toString(), "--out", dir.resolve("m.m4j").toString(), "--steps", "1"));
            assertEquals(1, run.code(), run.err());
            assertEquals(1, run.errLines().length, run.err());
            assertTrue(run.err().startsWith("muse4j: " + input + ": not a regular file ("), run.err());
        }
    }

    @Test
    void aTimeGapTooLongForMidiNamesTheTokenLineAndTheFile() throws Exception {
        // 280,000 one-second shifts between a note's start and end: more ticks than a MIDI delta holds
        Path tokens = Files.writeString(dir.resolve("gap.txt"), "60 " + "355 ".repeat(280_000) + "188\n");
        Path out = dir.resolve("gap.mid");
        CliRun run = CliRun.of("decode", tokens.toString(), "-e", "performance", "--out", out.toString());
        assertEquals(1, run.code(), run.err());
        assertEquals(1, run.errLines().length, run.err());
        assertTrue(run.err().startsWith("muse4j: " + tokens + ": line 1: " + out + ": time gap of "), run.err());
    }

    @Test
    void anOutputThatCannotBeWrittenIsNamedNotItsTemporaryFile() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("out.mid"));
        CliRun run = CliRun.of("generate", "--steps", "8", "--out", folder.toString());
        assertEquals(1, run.code(), run.err());
        assertArrayEquals(new String[] {"muse4j: " + folder + ": is a folder, not a file"}, run.errLines());
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "no /proc here");
        run = CliRun.of("generate", "--steps", "8", "--out", "/proc/x.mid");
        assertEquals(1, run.code(), run.err());
        assertEquals(1, run.errLines().length, run.err());
        assertTrue(run.err().startsWith("muse4j: /proc/x.mid: "), run.err());
    }

    @Test
    void aModelFileCutBeforeItsCentralDirectoryIsRefused() throws Exception {
        byte[] model;
        try (InputStream in = Models.class.getResourceAsStream("default-melody.m4j")) {
            model = in.readAllBytes();
        }
        int directory = ByteBuffer.wrap(model).order(ByteOrder.LITTLE_ENDIAN).getInt(model.length - 6);
        Path cut = Files.write(dir.resolve("cut.m4j"), Arrays.copyOf(model, directory));
        CliRun run = CliRun.of("generate", "--model", cut.toString(), "--out", dir.resolve("x.mid").toString());
        assertEquals(1, run.code(), run.err());
        assertArrayEquals(new String[] {"muse4j: " + cut + ": not a muse4j model file, or a truncated one: it has no "
                + "zip central directory at its end"}, run.errLines());
    }
}
