package io.muse4j.midi;

import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.testing.SharedCorpora;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One entry point for score files, choosing MIDI or ABC by extension. */
class ScoreFilesTest {
    private static NoteSequence tune() {
        return NoteSequence.builder(480).timeSignature(0, 3, 4).keySignature(0, 1, false).tempoBpm(0, 120)
                .tag("abc.tune", "1").chord(0, "G").note(67, 90, 0, 480).note(71, 90, 480, 480)
                .note(74, 90, 960, 480).note(79, 90, 1440, 1440).build();
    }

    @Test
    void writesAndReadsAbcByExtension(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tune.ABC");
        ScoreFiles.write(tune(), file);
        assertTrue(Files.readString(file).startsWith("X:1\nM:3/4\n"));
        assertEquals(List.of(tune()), ScoreFiles.read(file));
    }

    @Test
    void writesAndReadsMidiThroughTheMidiReaderUnchanged(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tune.mid");
        ScoreFiles.write(tune(), file);
        assertEquals(List.of(MidiReader.read(file).sequence()), ScoreFiles.read(file));
        assertEquals(tune().notes(), ScoreFiles.read(file).get(0).notes());
    }

    @Test
    void readsEveryTuneOfAnAbcFile() throws Exception {
        assertEquals(46, ScoreFiles.read(SharedCorpora.resolve("nottingham/ABC_cleaned/ashover.abc")).size());
    }

    @Test
    void anUnknownExtensionIsRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScoreFiles.read(Path.of("song.xml")));
        assertEquals("score file song.xml has extension '.xml'; expected one of .mid, .midi, .abc, .krn", e.getMessage());
        assertFalse(ScoreFiles.isScoreFile(Path.of("notes")));
        assertTrue(ScoreFiles.isScoreFile(Path.of("a.MIDI")));
    }
}
