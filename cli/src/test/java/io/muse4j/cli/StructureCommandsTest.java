package io.muse4j.cli;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.testing.SharedCorpora;
import io.muse4j.core.token.EncodingSpec;
import io.muse4j.midi.MidiReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 24: generate under an imposed form and key with a C-RBM (the model-file fixture), read back from the file it
 * writes; a bad form or key, and a model that cannot impose them, are refused in one line.
 */
class StructureCommandsTest {
    private static final String CRBM = SharedCorpora.projectRoot().resolve(
            "models/src/test/resources/io/muse4j/models/fixtures/crbm.m4j").toString();

    @TempDir
    Path dir;

    @Test
    void aCrbmPieceKeepsTheFormAndTheKeyThroughTheFile() throws Exception {
        Path out = dir.resolve("form.mid");
        String[] args = {"generate", "--model", CRBM, "--form", "AB.A", "--key", "Em", "--seed", "5", "--out",
                out.toString()};
        CliRun run = CliRun.of(args);
        assertEquals(0, run.code(), run.err());
        assertEquals(out + "\n", run.out());
        NoteSequence piece = MidiReader.read(out).sequence();
        assertTrue(piece.endTick() <= 4L * 4 * piece.resolution(), "four bars, " + piece.endTick() + " ticks");
        for (Note note : piece.notes()) {
            int degree = Math.floorMod(note.pitch() - 4, 12);
            assertTrue(Arrays.asList(0, 2, 3, 5, 7, 8, 9, 10, 11).contains(degree), "pitch " + note.pitch());
        }
        int[][] frames = Arrays.copyOf(new EncodingSpec.PianoRoll(4).codec().encode(piece).frames(), 64);
        for (int t = 0; t < 16; t++) {
            assertArrayEquals(orEmpty(frames[t]), orEmpty(frames[48 + t]), "bar 4 repeats bar 1 at step " + t);
        }
        byte[] once = Files.readAllBytes(out);
        assertEquals(0, CliRun.of(args).code());
        assertArrayEquals(once, Files.readAllBytes(out), "the same seed, the same bytes");
    }

    private static int[] orEmpty(int[] frame) {
        return frame == null ? new int[0] : frame;
    }

    @Test
    void aBadFormOrKeyOrAModelWithoutStructureIsOneLine() {
        String out = dir.resolve("x.mid").toString();
        assertOneLine(2, "muse4j: --form: a form is a letter A to Z a bar, or '.' for a free bar, such as AB..AB, "
                + "not AB1", "generate", "--model", CRBM, "--form", "AB1", "--out", out);
        assertOneLine(2, "muse4j: --key: a key is a tonic and an optional m for minor, such as G, F#m or Bb minor, "
                + "not \"H\"", "generate", "--model", CRBM, "--key", "H", "--out", out);
        assertOneLine(2, "muse4j: bundled model folk-phrases-2026.m4j is a transformer model, which does not "
                + "generate under an imposed form or key (--form, --key); use a crbm model", "generate", "--form",
                "AABA", "--out", out);
        assertOneLine(2, "muse4j: --form ABABA spans 5 bars of 16 steps, longer than --bars 4", "generate",
                "--model", CRBM, "--form", "ABABA", "--bars", "4", "--out", out);
    }

    private static void assertOneLine(int code, String line, String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(code, run.code(), run.err());
        assertEquals(line + "\n", run.err());
        assertEquals("", run.out());
    }
}
