package io.muse4j.models.vae;

import io.muse4j.models.ModelKinds;
import io.muse4j.models.kind.SavedModel;
import io.muse4j.corpora.batch.MelodyWindows;
import io.muse4j.models.file.ModelFileException;
import io.muse4j.models.training.Trainer;
import io.muse4j.models.training.TrainerConfig;
import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.SyntheticScores;
import io.muse4j.core.token.GridConfig;
import io.muse4j.core.token.MelodyTokenizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A tiny MusicVAE learns a handful of 2-bar melodies; its file, latent paths, attribute vectors and bad inputs. */
@Tag("slow") // trains its shared VAE once for the class: ~10 s
class MusicVaeTest {
    static final MelodyTokenizer TOKENIZER = new MelodyTokenizer();
    static final MelodyWindows TWO_BARS = new MelodyWindows(TOKENIZER, 2, 16);
    /** Eighth notes keep the test's windows short (16 tokens), so that it trains in seconds. */
    static final MelodyTokenizer EIGHTHS = new MelodyTokenizer(48, 84, new GridConfig(2, 480, 500_000, 100));
    static List<int[]> melodies;
    static MusicVae overfitted;

    /** A handful of 2-bar windows (eighth-note grid) of seeded random melodies. */
    static List<int[]> handful(int count) {
        List<NoteSequence> scores = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            scores.add(SyntheticScores.melody(100 + i, 24, 60, 72, 2));
        }
        List<int[]> windows = new ArrayList<>();
        for (int[] w : new MelodyWindows(EIGHTHS, 2, 8).extract(scores).windows()) {
            if (windows.size() < count && windows.stream().noneMatch(o -> java.util.Arrays.equals(o, w))) {
                windows.add(w);
            }
        }
        return windows;
    }

    static MusicVae train(VaeConfig.Decoder decoder, VaeObjective objective, List<int[]> windows, int steps) {
        MusicVae model = new MusicVae(new VaeConfig(39, 16, 64, 1, 16, 2, 8, decoder), objective, 3);
        int[][] batch = windows.toArray(int[][]::new);
        TrainerConfig config = new TrainerConfig(steps, 0.01, 0, 1, 5, steps, steps, 0);
        try {
            new Trainer<>(config, model, i -> batch, List.of(), Path.of(System.getProperty("java.io.tmpdir"))
                    .resolve("vae-test-" + ProcessHandle.current().pid() + ".ckpt"), List.of()).train(false);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return model;
    }

    @BeforeAll
    static void overfitAHandfulAtBetaZero() {
        melodies = handful(4);
        assertEquals(4, melodies.size());
        overfitted = train(VaeConfig.Decoder.HIERARCHICAL, VaeObjective.of(0), melodies, 400);
    }

    @Test
    void aTinyVaeReconstructsTheMelodiesItOverfits() {
        MusicVae.Reconstruction r = overfitted.reconstruction(melodies.toArray(int[][]::new));
        assertTrue(r.teacherForced() >= 0.98 * r.tokens(), "teacher-forced " + r.teacherForced() + " of " + r.tokens());
        assertTrue(r.sampled() >= 0.95 * r.tokens(), "sampled " + r.sampled() + " of " + r.tokens());
    }

    @Test
    void theKlTermFallsWhenBetaRises() {
        int[][] batch = melodies.toArray(int[][]::new);
        double free = overfitted.terms(batch).klPerWindow();
        MusicVae weighted = train(VaeConfig.Decoder.HIERARCHICAL, VaeObjective.of(1), melodies, 100);
        double kl = weighted.terms(batch).klPerWindow();
        assertTrue(kl < 0.5 * free, "KL " + kl + " at beta 1 against " + free + " at beta 0");
    }

    @Test
    void saveThenLoadEncodesTheSameMu(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("vae.m4j");
        Map<MelodyAttribute, double[]> attributes = LatentSpace.attributeVectors(overfitted, melodies, EIGHTHS);
        VaeFile.save(file, overfitted, Map.of("encoding", "melody"), TOKENIZER.vocabulary().names(),
                Map.of("beta", "0"), attributes);
        SavedVae saved = VaeFile.load(file);
        int[][] batch = melodies.toArray(int[][]::new);
        double[][] before = overfitted.encode(batch);
        double[][] after = saved.model().encode(batch);
        for (int b = 0; b < batch.length; b++) {
            assertArrayEquals(before[b], after[b], 0);
        }
        assertEquals(4, saved.attributes().size());
        assertArrayEquals(attributes.get(MelodyAttribute.PITCH_MEAN), saved.attributes().get(MelodyAttribute.PITCH_MEAN),
                1e-6);
        SavedModel loaded = ModelKinds.load(file);
        assertEquals("vae", loaded.kind().name());
        ModelFileException notAToken = assertThrows(ModelFileException.class, () -> loaded.kind().generate(loaded, null));
        assertTrue(notAToken.getMessage().contains("is a MusicVAE (vae-hierarchical)"), notAToken.getMessage());
    }

    @Test
    void interpolatingAMelodyWithItselfReturnsIt() {
        int[][] one = {melodies.get(2)};
        double[] mu = overfitted.encode(one)[0];
        for (boolean slerp : new boolean[] {false, true}) {
            double[][] path = LatentSpace.interpolate(mu, mu, 5, slerp);
            int[][] decoded = overfitted.decode(path, 0, 1);
            for (int[] point : decoded) {
                assertArrayEquals(one[0], point);
            }
        }
    }

    @Test
    void slerpKeepsEndpointsAndLinesUpWithLerpOnALine() {
        double[][] lerp = LatentSpace.interpolate(new double[] {1, 0}, new double[] {0, 1}, 3, false);
        double[][] slerp = LatentSpace.interpolate(new double[] {1, 0}, new double[] {0, 1}, 3, true);
        assertArrayEquals(new double[] {0.5, 0.5}, lerp[1], 1e-12);
        assertArrayEquals(new double[] {Math.sqrt(0.5), Math.sqrt(0.5)}, slerp[1], 1e-12);
        assertArrayEquals(new double[] {0, 1}, slerp[2], 1e-12);
        assertEquals(1.0, LatentSpace.spearman(new double[] {1, 2, 3, 5}, new double[] {0, 0.1, 4, 9}), 1e-12);
        assertEquals(-1.0, LatentSpace.spearman(new double[] {1, 2, 3}, new double[] {3, 2, 1}), 1e-12);
    }

    @Test
    void attributesMeasureWhatTheySay() {
        NoteSequence line = NoteSequence.of(480, List.of(Note.of(60, 90, 0, 480), Note.of(64, 90, 480, 240),
                Note.of(67, 90, 840, 120)));
        long bar = 4 * 480;
        assertEquals(3.0, MelodyAttribute.NOTE_DENSITY.measure(line, bar), 1e-12);
        assertEquals(191 / 3.0, MelodyAttribute.PITCH_MEAN.measure(line, bar), 1e-12);
        assertEquals(7.0, MelodyAttribute.PITCH_RANGE.measure(line, bar), 1e-12);
        assertEquals(1.0 / 3, MelodyAttribute.RHYTHMIC_COMPLEXITY.measure(line, bar), 1e-12);
        assertEquals(MelodyAttribute.PITCH_RANGE, MelodyAttribute.of("pitch-range"));
        assertThrows(IllegalArgumentException.class, () -> MelodyAttribute.of("loudness"));
    }

    @Test
    void badInputsAreClearErrors() {
        NoteSequence shortLine = NoteSequence.of(480, List.of(Note.of(60, 90, 0, 480)));
        IllegalArgumentException tooShort = assertThrows(IllegalArgumentException.class,
                () -> TWO_BARS.first(shortLine, "short.mid"));
        assertEquals("short.mid: its melody lasts 5 sixteenths (0.3 bars), shorter than the model's window of 2 bars",
                tooShort.getMessage());
        NoteSequence chords = NoteSequence.of(480, List.of(Note.of(60, 90, 0, 960), Note.of(64, 90, 0, 960),
                Note.of(67, 90, 960, 960)));
        assertEquals(1, MelodyWindows.droppedByExtraction(chords));
        assertEquals(0, MelodyWindows.droppedByExtraction(shortLine));
        IllegalArgumentException wrongLength = assertThrows(IllegalArgumentException.class,
                () -> overfitted.encode(new int[][] {{2, 0, 1}}));
        assertTrue(wrongLength.getMessage().startsWith("a window of 3 tokens for a model of 16"),
                wrongLength.getMessage());
    }

    @Test
    void mostlySilentWindowsAndOtherMetersAreSkippedAndCounted() {
        assertTrue(MelodyWindows.mostlySilent(new int[] {2, 1, 0, 0, 0, 0}));
        assertTrue(!MelodyWindows.mostlySilent(new int[] {2, 0, 0, 1, 0, 0}));
        NoteSequence sparse = NoteSequence.of(480, List.of(Note.of(60, 90, 0, 120), Note.of(62, 90, 8 * 480, 120)));
        NoteSequence jig = SyntheticScores.melody(5, 30, 60, 72, 4).toBuilder().timeSignature(0, 6, 8).build();
        MelodyWindows.Extraction e = TWO_BARS.extract(List.of(sparse, jig));
        assertEquals(0, e.windows().size());
        assertEquals(1, e.otherMeters());
        assertEquals(1, e.silentWindows());
    }
}
