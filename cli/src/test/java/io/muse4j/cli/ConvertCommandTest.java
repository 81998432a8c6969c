package io.muse4j.cli;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.testing.SharedCorpora;
import io.muse4j.core.testing.VoicedNotes;
import io.muse4j.midi.MidiReader;
import io.muse4j.midi.ScoreFiles;
import io.muse4j.midi.kern.KernReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 25: convert between formats by extension, read back through the file; bad requests are one line. */
class ConvertCommandTest {
    private static final Path CHORALE = SharedCorpora.resolve("bach-chorales/kern/chor001.krn");

    @TempDir
    Path dir;

    @Test
    void aKernChoraleBecomesMidiWithEveryNoteAndAbcWithItsPitches() throws Exception {
        Path midi = dir.resolve("chorale.mid");
        CliRun run = CliRun.of("convert", CHORALE.toString(), "--out", midi.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals(midi + "\n", run.out());
        assertEquals("", run.err());
        NoteSequence kern = KernReader.read(CHORALE);
        NoteSequence back = MidiReader.read(midi).sequence();
        assertEquals(VoicedNotes.of(kern), VoicedNotes.of(back));
        assertEquals(kern.timeSignatures().get(0).numerator(), back.timeSignatures().get(0).numerator());
        Path abc = dir.resolve("chorale.abc");
        CliRun toAbc = CliRun.of("convert", midi.toString(), "--out", abc.toString());
        assertEquals(0, toAbc.code(), toAbc.err());
        assertEquals("muse4j: " + midi + " has 4 tracks; ABC is written as one voice, their notes as chords\n",
                toAbc.err());
        NoteSequence tune = ScoreFiles.read(abc).get(0);
        assertEquals(kern.notes().stream().map(Note::pitch).distinct().sorted().toList(),
                tune.notes().stream().map(Note::pitch).distinct().sorted().toList());
    }

    @Test
    void badRequestsAndBrokenFilesAreOneLine() throws Exception {
        assertOneLine(2, "muse4j: --out " + dir.resolve("x.krn") + ": give a .mid, .midi or .abc name (muse4j "
                + "writes MIDI and ABC)", "convert", CHORALE.toString(), "--out", dir.resolve("x.krn").toString());
        assertOneLine(2, "muse4j: --tune 2: " + CHORALE + " holds 1 tune", "convert", CHORALE.toString(), "--tune",
                "2", "--out", dir.resolve("x.mid").toString());
        Path broken = Files.writeString(dir.resolve("broken.krn"), "**kern\t**kern\n4c\n*-\t*-\n");
        assertOneLine(1, "muse4j: " + broken + ": line 2: 1 spines where 2 are open", "convert", broken.toString(),
                "--out", dir.resolve("x.mid").toString());
        assertTrue(Files.notExists(dir.resolve("x.mid")));
    }

    private static void assertOneLine(int code, String line, String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(code, run.code(), run.err());
        assertEquals(line + "\n", run.err());
        assertEquals("", run.out());
    }
}
