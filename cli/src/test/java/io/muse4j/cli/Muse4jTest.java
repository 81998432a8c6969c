package io.muse4j.cli;

import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.SyntheticScores;
import io.muse4j.midi.MidiWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Muse4jTest {
    @TempDir
    Path dir;

    @Test
    void versionAndHelp() {
        CliRun version = CliRun.of("--version");
        assertEquals(0, version.code());
        assertTrue(version.out().matches("muse4j \\d+\\.\\d+\\.\\d+.*\\n"), version.out());
        CliRun help = CliRun.of("--help");
        assertEquals(0, help.code());
        for (String command : new String[] {"inspect", "encode", "decode"}) {
            assertTrue(help.out().contains(command), help.out());
            CliRun commandHelp = CliRun.of(command, "--help");
            assertEquals(0, commandHelp.code());
            assertTrue(commandHelp.out().startsWith("Usage: muse4j " + command), commandHelp.out());
        }
    }

    @Test
    void nonsenseFlagIsAUsageErrorOnOneLine() {
        CliRun run = CliRun.of("inspect", "--frobnicate", "x.mid");
        assertEquals(2, run.code());
        assertEquals(1, run.errLines().length, run.err());
        assertTrue(run.err().contains("--frobnicate"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void unknownEncodingNamesTheValue() {
        CliRun run = CliRun.of("encode", "x.mid", "--encoding", "mp3");
        assertEquals(2, run.code());
        assertEquals(1, run.errLines().length, run.err());
        assertTrue(run.err().contains("mp3"), run.err());
    }

    @Test
    void missingCommandIsAUsageError() {
        CliRun run = CliRun.of();
        assertEquals(2, run.code());
        assertEquals(1, run.errLines().length, run.err());
    }

    @Test
    void badMelodyRangeIsAUsageError() throws Exception {
        Path midi = dir.resolve("a.mid");
        MidiWriter.write(SyntheticScores.melody(1, 10, 50, 70, 4), midi);
        CliRun run = CliRun.of("encode", midi.toString(), "-e", "melody", "--min-pitch", "60", "--max-pitch", "62");
        assertEquals(2, run.code());
        assertEquals("muse4j: --max-pitch 62 must be at least 71 and at most 127\n", run.err());
    }

    @Test
    void stackTracesOnlyWithVerbose() throws Exception {
        Path garbage = dir.resolve("garbage.mid");
        Files.writeString(garbage, "this is not a MIDI file at all");
        CliRun quiet = CliRun.of("encode", garbage.toString(), "-e", "melody");
        assertEquals(1, quiet.code());
        assertEquals(1, quiet.errLines().length, quiet.err());
        assertTrue(quiet.err().startsWith("muse4j: " + garbage), quiet.err());
        CliRun verbose = CliRun.of("encode", garbage.toString(), "-e", "melody", "--verbose");
        assertEquals(1, verbose.code());
        assertTrue(verbose.errLines().length > 2 && verbose.err().contains("\tat "), verbose.err());
    }

    static Path write(Path dir, String name, NoteSequence seq) throws Exception {
        Path file = dir.resolve(name);
        MidiWriter.write(seq, file);
        return file;
    }
}
