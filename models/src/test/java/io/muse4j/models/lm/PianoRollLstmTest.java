package io.muse4j.models.lm;

import io.muse4j.models.ModelKinds;
import io.muse4j.corpora.batch.FrameBatches;
import io.muse4j.models.file.ModelFile;
import io.muse4j.models.nn.FrameHead;
import io.muse4j.models.nn.LstmConfig;
import io.muse4j.models.training.Trainer;
import io.muse4j.models.training.TrainerConfig;
import io.muse4j.core.token.PianoRoll;
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

public class PianoRollLstmTest {
    @TempDir
    Path dir;

    /** Rolls cycling through four chords, each roll starting at another one. */
    public static List<PianoRoll> chordCycles(int count, int length) {
        int[][] chords = {{60, 64, 67}, {62, 65, 69}, {64, 67, 71}, {59, 62, 67}};
        List<PianoRoll> rolls = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            int[][] frames = new int[length][];
            for (int f = 0; f < length; f++) {
                frames[f] = chords[(r + f) % chords.length];
            }
            rolls.add(new PianoRoll(frames));
        }
        return rolls;
    }

    /** Rolls whose every frame is one of two chords, drawn at random: the keys of a frame go together. */
    static List<PianoRoll> randomChords(int count, int length) {
        int[][] chords = {{60, 64, 67}, {62, 65, 69}};
        java.util.Random random = new java.util.Random(4);
        List<PianoRoll> rolls = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            int[][] frames = new int[length][];
            for (int f = 0; f < length; f++) {
                frames[f] = chords[random.nextInt(2)];
            }
            rolls.add(new PianoRoll(frames));
        }
        return rolls;
    }

    static FrameHead.Spec nade(int hidden) {
        return new FrameHead.Spec(FrameHead.Kind.NADE, hidden, 0);
    }

    private static double train(PianoRollModel model, FrameBatches batches, int steps, Path dir) throws Exception {
        TrainerConfig config = new TrainerConfig(steps, 0.02, 10, 0.1, 5.0, steps, steps, 0);
        return new Trainer<>(config, model, batches::batch, List.of(), dir.resolve("roll.ckpt"), List.of())
                .train(false).lastLoss();
    }

    @Tag("slow")
    @Test
    void learnsChordCyclesFarBelowTheFrameIndependentFloor() throws Exception {
        FrameBatches batches = new FrameBatches(chordCycles(8, 16), 4, 16, 3, false);
        PianoRollModel model = new PianoRollModel(new LstmConfig(88, 88, 32, 1, 0), 1);
        double before = model.loss(batches.batch(0));
        train(model, batches, 200, dir);
        double after = model.loss(batches.batch(0));
        assertTrue(before > 10, "an untrained model should cost many nats per frame, was " + before);
        assertTrue(after < 0.5, "after training the cycles should cost under 0.5 nats per frame, was " + after);
        PianoRollModel.Evaluation eval = model.evaluate(batches.batch(0));
        assertEquals(after, eval.nllPerFrame(), 1e-3, "the evaluation and the graph's loss agree");
        assertEquals(1.0, eval.accuracy(), 1e-9, "every key of every frame is predicted");
    }

    /**
     * Frames of two chords at random: keys on their own cannot do better than 6 ln 2 (six keys, each sounding half
     * the time), a NADE head learns that the keys of a chord go together and nears ln 2.
     */
    @Tag("slow")
    @Test
    void aNadeHeadLearnsChordsThatIndependentKeysCannot() throws Exception {
        FrameBatches batches = new FrameBatches(randomChords(16, 16), 8, 16, 3, false);
        PianoRollModel independent = new PianoRollModel(new LstmConfig(88, 88, 16, 1, 0), 1);
        PianoRollModel nade = new PianoRollModel(new LstmConfig(88, 88, 16, 1, 0), nade(16), 1);
        train(independent, batches, 300, dir.resolve("independent"));
        train(nade, batches, 300, dir.resolve("nade"));
        double floor = 6 * Math.log(2);
        double independentLoss = independent.evaluate(batches.batch(0)).nllPerFrame();
        PianoRollModel.Evaluation joint = nade.evaluate(batches.batch(0));
        assertTrue(independentLoss > floor - 0.3, "independent keys stay near 6 ln 2: " + independentLoss);
        assertTrue(joint.nllPerFrame() < 1.2, "the NADE head nears ln 2: " + joint.nllPerFrame());
        assertEquals(joint.nllPerFrame(), nade.loss(batches.batch(0)), 1e-3, "evaluation and loss agree");
    }

    /**
     * The same chords under an RBM head (the RNN-RBM): contrastive divergence learns that the keys go together, so
     * its NLL, estimated by annealing, falls far below what independent keys can reach, and its frames are chords.
     */
    @Tag("slow")
    @Test
    void anRbmHeadLearnsChordsThatIndependentKeysCannot() throws Exception {
        FrameBatches batches = new FrameBatches(randomChords(16, 16), 8, 16, 3, false);
        PianoRollModel rbm = new PianoRollModel(new LstmConfig(88, 88, 16, 1, 0),
                new FrameHead.Spec(FrameHead.Kind.RBM, 32, 10), 1);
        train(rbm, batches, 500, dir.resolve("rbm"));
        PianoRollModel.Evaluation joint = rbm.evaluate(batches.batch(0));
        assertTrue(joint.nllPerFrame() < 6 * Math.log(2) - 2, "the RBM head's NLL: " + joint.nllPerFrame());
        float[][] drawn = rbm.continuation(new float[0][], 20, new java.util.Random(2));
        int chords = 0;
        for (float[] frame : drawn) {
            int[] keys = java.util.stream.IntStream.range(0, 88).filter(k -> frame[k] > 0).map(k -> k + 21).toArray();
            chords += java.util.Arrays.equals(keys, new int[] {60, 64, 67})
                    || java.util.Arrays.equals(keys, new int[] {62, 65, 69}) ? 1 : 0;
        }
        assertTrue(chords >= 16, "most drawn frames are one of the two chords: " + chords + " of 20");
    }

    /** A NADE head trained on the chord cycles continues a primer's cycle, and a seed gives the same frames. */
    @Tag("slow")
    @Test
    void aTrainedNadeModelContinuesTheCycle() throws Exception {
        List<PianoRoll> cycles = chordCycles(8, 16);
        PianoRollModel model = new PianoRollModel(new LstmConfig(88, 88, 32, 1, 0), nade(24), 1);
        train(model, new FrameBatches(cycles, 4, 16, 3, false), 300, dir);
        float[][] primer = new float[3][88];
        for (int f = 0; f < primer.length; f++) {
            for (int pitch : cycles.get(0).frame(f)) {
                primer[f][pitch - 21] = 1;
            }
        }
        float[][] drawn = model.continuation(primer, 8, new java.util.Random(5));
        for (int f = 0; f < drawn.length; f++) {
            float[] expected = new float[88];
            for (int pitch : cycles.get(0).frame(3 + f)) {
                expected[pitch - 21] = 1;
            }
            assertArrayEquals(expected, drawn[f], "frame " + (3 + f));
        }
        float[][] again = model.continuation(primer, 8, new java.util.Random(5));
        for (int f = 0; f < drawn.length; f++) {
            assertArrayEquals(drawn[f], again[f], "a seed draws the same frames");
        }
    }

    @Tag("slow")
    @Test
    void dropoutTrainsAndLeavesInferenceDeterministic() throws Exception {
        FrameBatches batches = new FrameBatches(chordCycles(8, 16), 4, 16, 3, true);
        PianoRollModel model = new PianoRollModel(new LstmConfig(88, 88, 32, 2, 0.3), 1);
        double before = model.loss(batches.batch(0));
        train(model, batches, 150, dir);
        double after = model.loss(batches.batch(0));
        assertTrue(after < before / 3, "loss should fall to under a third with dropout: " + before + " -> " + after);
        assertEquals(after, model.loss(batches.batch(0)), 0, "no dropout outside training");
        double[] g1 = model.lossAndGradients(batches.batch(1), 1).gradients().get("sigmoid_b").toDoubleVector();
        double[] g2 = model.lossAndGradients(batches.batch(1), 1).gradients().get("sigmoid_b").toDoubleVector();
        assertArrayEquals(g1, g2, 0, "the same batch draws the same dropout masks (exact resume)");
    }

    @Test
    void savesAndLoadsWithIdenticalOutputs() throws Exception {
        FrameBatches batches = new FrameBatches(chordCycles(4, 8), 2, 8, 3, true);
        PianoRollModel model = new PianoRollModel(new LstmConfig(88, 88, 16, 2, 0.1), 1);
        train(model, batches, 20, dir);
        Path file = dir.resolve("roll.m4j");
        List<String> keys = new ArrayList<>();
        for (int k = 0; k < 88; k++) {
            keys.add("KEY_" + (21 + k));
        }
        ModelFile.save(file, model, Map.of("encoding", "pianoroll"), keys, Map.of());
        SequenceModel loaded = (SequenceModel) ModelKinds.load(file).model();
        assertEquals(model.config(), loaded.config());
        assertEquals(model.logits(batches.batch(0)), ((PianoRollModel) loaded).logits(batches.batch(0)));
    }

    @Test
    void firstFrameIsScoredOnlyWhenAsked() {
        List<PianoRoll> rolls = chordCycles(1, 5);
        assertEquals(5, new FrameBatches(rolls, 1, 8, 0, true).batch(0).frames());
        FrameBatches.Batch benchmark = new FrameBatches(rolls, 1, 8, 0, false).batch(0);
        assertEquals(4, benchmark.frames());
        assertEquals(0, benchmark.mask()[0]);
        assertEquals(1, benchmark.targets()[60 - 21], "the first target is the first frame");
        assertEquals(1, benchmark.inputs()[88 + 60 - 21], "which is the second input");
        assertThrows(IllegalArgumentException.class,
                () -> new FrameBatches(List.of(new PianoRoll(new int[][] {{12}})), 1, 4, 0, true));
    }
}
