package io.muse4j.cli;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.SyntheticScores;
import io.muse4j.core.testing.SharedCorpora;
import io.muse4j.midi.MidiReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 24: generate, sample and interpolate with a DeepHear (the model-file fixture: a window of 8 grid steps), read
 * back from the files they write; a model without a latent space is refused in one line.
 */
class LatentCommandsTest {
    private static final Path FIXTURES = SharedCorpora.projectRoot().resolve(
            "models/src/test/resources/io/muse4j/models/fixtures");
    private static final String DEEPHEAR = FIXTURES.resolve("deephear.m4j").toString();
    /** A window of the fixture: 8 sixteenths, in ticks at 480 per quarter. */
    private static final long WINDOW_TICKS = 8 * 120;

    @TempDir
    Path dir;

    @Test
    void generateAndSampleWriteFourPartWindowsReproducibly() throws Exception {
        for (String command : new String[] {"generate", "sample"}) {
            Path out = dir.resolve(command + ".mid");
            CliRun run = CliRun.of(command, "--model", DEEPHEAR, "--count", "2", "--seed", "3", "--out",
                    out.toString());
            assertEquals(0, run.code(), run.err());
            Path first = dir.resolve(command + "-1.mid");
            assertEquals(first + "\n" + dir.resolve(command + "-2.mid") + "\n", run.out());
            NoteSequence piece = MidiReader.read(first).sequence();
            assertTrue(piece.endTick() <= WINDOW_TICKS, command + ": one window, " + piece.endTick() + " ticks");
            assertTrue(piece.notes().stream().mapToInt(Note::track).distinct().count() >= 3, command + ": parts");
            byte[] once = Files.readAllBytes(first);
            assertEquals(0, CliRun.of(command, "--model", DEEPHEAR, "--count", "2", "--seed", "3", "--out",
                    out.toString()).code());
            assertArrayEquals(once, Files.readAllBytes(first), command + " with the same seed");
        }
    }

    @Test
    void interpolateWritesTheWindowsOfThePathOneAfterAnother() throws Exception {
        Path a = Muse4jTest.write(dir, "a.mid", SyntheticScores.fourParts(1, 12));
        Path b = Muse4jTest.write(dir, "b.mid", SyntheticScores.fourParts(2, 12));
        Path out = dir.resolve("path.mid");
        CliRun run = CliRun.of("interpolate", "--model", DEEPHEAR, a.toString(), b.toString(), "--steps", "3",
                "--out", out.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals(out + "\n", run.out());
        NoteSequence path = MidiReader.read(out).sequence();
        assertTrue(path.endTick() > 2 * WINDOW_TICKS && path.endTick() <= 3 * WINDOW_TICKS,
                "three windows: " + path.endTick());
        CliRun split = CliRun.of("interpolate", "--model", DEEPHEAR, a.toString(), b.toString(), "--steps", "3",
                "--split", "--out", out.toString());
        assertEquals(3, split.out().lines().count(), split.out());
        Path ode = SharedCorpora.projectRoot().resolve("examples/ode-to-joy.mid");
        CliRun twoTracks = CliRun.of("interpolate", "--model", DEEPHEAR, ode.toString(), a.toString(), "--out",
                out.toString());
        assertEquals(0, twoTracks.code(), twoTracks.err());
        assertEquals("muse4j: " + ode + " has 2 tracks: read by number as soprano, alto, the other parts resting\n",
                twoTracks.err());
    }

    @Test
    void whatAModelCannotReadOrDoIsOneLine() throws Exception {
        Path melody = Muse4jTest.write(dir, "tune.mid", SyntheticScores.melody(1, 30, 60, 72, 4));
        Path a = Muse4jTest.write(dir, "a.mid", SyntheticScores.fourParts(1, 12));
        CliRun oneTrack = CliRun.of("interpolate", "--model", DEEPHEAR, melody.toString(), a.toString(), "--out",
                dir.resolve("x.mid").toString());
        assertEquals(1, oneTrack.code());
        assertEquals("muse4j: " + melody + ": a deephear model reads four-part pieces, one track per part (soprano, "
                + "alto, tenor, bass), but this piece has 1 tracks\n", oneTrack.err());
        String lstm = FIXTURES.resolve("token-lstm.m4j").toString();
        CliRun noLatent = CliRun.of("sample", "--model", lstm, "--out", dir.resolve("y.mid").toString());
        assertEquals(1, noLatent.errLines().length, noLatent.err());
        assertTrue(noLatent.code() != 0 && noLatent.err().contains("has no latent space to sample or interpolate; "
                + "use a vae or deephear model"), noLatent.err());
        CliRun tooLong = CliRun.of("generate", "--model", DEEPHEAR, "--steps", "9", "--out",
                dir.resolve("z.mid").toString());
        assertTrue(tooLong.code() != 0, tooLong.err());
        assertEquals(1, tooLong.errLines().length, tooLong.err());
        assertEquals("muse4j: --steps 9 must be between 1 and 8 (the model's window)\n", tooLong.err());
    }
}
