package io.muse4j.cli;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.SyntheticScores;
import io.muse4j.midi.MidiReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** train --model vae, eval, sample, interpolate, reconstruct and attribute end to end, with their errors. */
class VaeCommandsTest {
    @TempDir
    static Path dir;
    static Path model;
    static Path corpus;

    @BeforeAll
    static void trainATinyVae() throws Exception {
        corpus = Files.createDirectories(dir.resolve("corpus"));
        for (int i = 0; i < 6; i++) {
            Muse4jTest.write(corpus, "tune" + i + ".mid", SyntheticScores.melody(i, 40, 55, 79, 4));
        }
        model = dir.resolve("tiny-vae.m4j");
        CliRun run = CliRun.of("train", "--model", "vae", "--decoder", "flat", "--encoding", "melody", "--corpus",
                corpus.toString(), "--out", model.toString(), "--hidden", "16", "--layers", "1", "--embedding", "8",
                "--latent", "8", "--batch", "8", "--steps", "12", "--val-every", "6", "--checkpoint-every", "6",
                "--valid-fraction", "0.2", "--beta", "0.5", "--beta-warmup", "6", "--free-bits", "0.1",
                "--scheduled-sampling", "0.3");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().startsWith(model + ": 12 steps, training loss "), run.out());
        assertTrue(Files.exists(dir.resolve("tiny-vae.m4j.ckpt")));
    }

    @Test
    void sampleWritesReproducibleMelodies() throws Exception {
        Path a = dir.resolve("a.mid");
        CliRun first = CliRun.of("sample", "--model", model.toString(), "--count", "2", "--seed", "4", "--out", a.toString());
        assertEquals(0, first.code(), first.err());
        assertEquals(dir.resolve("a-1.mid") + "\n" + dir.resolve("a-2.mid") + "\n", first.out());
        byte[] once = Files.readAllBytes(dir.resolve("a-1.mid"));
        CliRun again = CliRun.of("sample", "--model", model.toString(), "--count", "2", "--seed", "4", "--out", a.toString());
        assertEquals(0, again.code(), again.err());
        assertArrayEquals(once, Files.readAllBytes(dir.resolve("a-1.mid")));
        assertTrue(MidiReader.read(dir.resolve("a-2.mid")).sequence().endTick() <= 2 * 4 * 480 + 480);
    }

    @Test
    void interpolateReconstructAttributeAndEval() throws Exception {
        Path tuneA = corpus.resolve("tune0.mid");
        Path tuneB = corpus.resolve("tune1.mid");
        Path path = dir.resolve("path.mid");
        CliRun one = CliRun.of("interpolate", "--model", model.toString(), tuneA.toString(), tuneB.toString(),
                "--steps", "3", "--slerp", "--out", path.toString());
        assertEquals(0, one.code(), one.err());
        assertEquals(path + "\n", one.out());
        CliRun split = CliRun.of("interpolate", "--model", model.toString(), tuneA.toString(), tuneB.toString(),
                "--steps", "3", "--split", "--out", path.toString());
        assertEquals(3, split.out().lines().count(), split.out());
        assertTrue(MidiReader.read(path).sequence().endTick() > 4 * 4 * 480, "three windows one after another");
        CliRun reconstruct = CliRun.of("reconstruct", "--model", model.toString(), tuneA.toString(), "--out",
                dir.resolve("r.mid").toString());
        assertEquals(0, reconstruct.code(), reconstruct.err());
        CliRun attribute = CliRun.of("attribute", "--model", model.toString(), tuneA.toString(), "--attribute",
                "note-density", "--amount", "1.5", "--out", dir.resolve("dense.mid").toString());
        assertEquals(0, attribute.code(), attribute.err());
        assertEquals(dir.resolve("dense.mid") + "\n", attribute.out());
        CliRun eval = CliRun.of("eval", "--model", model.toString(), "--corpus", corpus.toString(), "--split", "valid",
                "--json");
        assertEquals(0, eval.code(), eval.err());
        assertTrue(eval.out().contains("\"teacherForcedAccuracy\":"), eval.out());
    }

    @Test
    void badInputsAreOneLine() throws Exception {
        Path shortFile = dir.resolve("short.mid");
        Muse4jTest.write(dir, "short.mid", NoteSequence.of(480, List.of(Note.of(60, 90, 0, 480))));
        CliRun tooShort = CliRun.of("reconstruct", "--model", model.toString(), shortFile.toString(), "--out",
                dir.resolve("x.mid").toString());
        assertEquals(1, tooShort.code());
        assertEquals("muse4j: " + shortFile + ": its melody lasts 5 sixteenths (0.3 bars), shorter than the model's "
                + "window of 2 bars\n", tooShort.err());
        Path chords = dir.resolve("chords.mid");
        Muse4jTest.write(dir, "chords.mid", SyntheticScores.melody(3, 40, 55, 79, 4).withNotes(withChords()));
        CliRun polyphonic = CliRun.of("reconstruct", "--model", model.toString(), chords.toString(), "--out",
                dir.resolve("y.mid").toString());
        assertEquals(0, polyphonic.code(), polyphonic.err());
        assertTrue(polyphonic.err().startsWith("muse4j: " + chords + " is not monophonic: melody extraction kept its "
                + "highest voice, dropping 16 of 48 notes"), polyphonic.err());
        CliRun notAVae = CliRun.of("sample", "--model", corpus.resolve("tune0.mid").toString(), "--out",
                dir.resolve("z.mid").toString());
        assertEquals(1, notAVae.code());
        assertEquals(1, notAVae.errLines().length, notAVae.err());
        CliRun badAttribute = CliRun.of("attribute", "--model", model.toString(), corpus.resolve("tune0.mid").toString(),
                "--attribute", "loudness", "--amount", "1", "--out", dir.resolve("z.mid").toString());
        assertEquals(2, badAttribute.code());
        assertTrue(badAttribute.err().contains("attribute 'loudness' is not one of note-density"), badAttribute.err());
        CliRun lstmWithBeta = CliRun.of("train", "--encoding", "melody", "--corpus", corpus.toString(), "--out",
                dir.resolve("x.m4j").toString(), "--beta", "2");
        assertEquals(2, lstmWithBeta.code());
        assertEquals("muse4j: --beta is not an option of 'muse4j train lstm'"
                + "; it is for train vae (see 'muse4j train lstm --help')\n", lstmWithBeta.err());
        CliRun badBars = CliRun.of("train", "--model", "vae", "--encoding", "melody", "--corpus", corpus.toString(),
                "--out", dir.resolve("x.m4j").toString(), "--bars", "4");
        assertEquals(2, badBars.code());
        assertEquals("muse4j: --bars 4 must be 2 or 16\n", badBars.err());
        CliRun vaeInGenerate = CliRun.of("generate", "--model", model.toString(), "--out", dir.resolve("g.mid").toString());
        assertEquals(1, vaeInGenerate.code());
        assertTrue(vaeInGenerate.err().contains("is a MusicVAE (vae-flat)"), vaeInGenerate.err());
    }

    /** The first 16 notes of a melody doubled a third below, sounding with them. */
    private static List<Note> withChords() {
        List<Note> notes = new java.util.ArrayList<>(SyntheticScores.melody(3, 32, 55, 79, 4).notes());
        for (Note note : List.copyOf(notes.subList(0, 16))) {
            notes.add(note.withPitch(note.pitch() - 4));
        }
        return notes;
    }
}
