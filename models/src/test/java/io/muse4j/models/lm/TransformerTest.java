package io.muse4j.models.lm;

import io.muse4j.models.ModelKinds;
import io.muse4j.corpora.batch.FrameBatches;
import io.muse4j.corpora.batch.TokenBatches;
import io.muse4j.models.file.ModelFile;
import io.muse4j.models.kind.SavedModel;
import io.muse4j.models.nn.FrameHead;
import io.muse4j.models.nn.NaiveRelativeAttention;
import io.muse4j.models.nn.RelativeAttention;
import io.muse4j.models.nn.Softmax;
import io.muse4j.models.nn.TransformerConfig;
import io.muse4j.models.sampling.TokenStepper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Music Transformer's layers: relative attention against the direct formula, gradients, causality, training. */
class TransformerTest {
    @TempDir
    Path dir;

    private static TransformerConfig config(int vocabulary, int width, int heads, int layers, int maxRelative,
                                            boolean shared, double dropout) {
        return new TransformerConfig(vocabulary, width, heads, layers, 2 * width, maxRelative, shared, dropout);
    }

    private static INDArray random(Random random, long... shape) {
        double[] values = new double[(int) java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian();
        }
        return Nd4j.create(values, shape, 'c').castTo(DataType.FLOAT);
    }

    /** The skewed relative scores equal q_i . E[i - j] computed pair by pair (zero beyond maxRelative). */
    @Test
    void relativeScoresEqualTheDirectFormula() {
        for (boolean shared : new boolean[] {false, true}) {
            int heads = 3;
            int batch = 2;
            int steps = 9;
            int d = 4;
            int span = 6; // shorter than the sequence: far pairs have no embedding
            TransformerConfig config = config(5, heads * d, heads, 1, span, shared, 0);
            RelativeAttention attention = new RelativeAttention(config);
            Random random = new Random(3);
            INDArray q = random(random, (long) heads * batch, steps, d);
            INDArray relative = random(random, (long) attention.embeddingHeads() * span, d);
            INDArray scores = attention.relativeScores(q, relative, batch, steps);
            for (int m = 0; m < heads * batch; m++) {
                int head = shared ? 0 : m / batch;
                for (int i = 0; i < steps; i++) {
                    for (int j = 0; j <= i; j++) {
                        double expected = 0;
                        if (i - j < span) {
                            for (int k = 0; k < d; k++) {
                                expected += q.getDouble(m, i, k) * relative.getDouble(head * span + i - j, k);
                            }
                        }
                        assertEquals(expected, scores.getDouble(m, i, j), 1e-5,
                                "shared=" + shared + " m=" + m + " i=" + i + " j=" + j);
                    }
                }
            }
        }
    }

    /** The whole attention layer against naive relative attention over a (T, T, d) tensor of per-pair embeddings. */
    @Test
    void attentionEqualsNaiveRelativeAttention() {
        int heads = 2;
        int batch = 2;
        int steps = 7;
        int d = 3;
        TransformerConfig config = config(5, heads * d, heads, 1, 5, false, 0);
        RelativeAttention attention = new RelativeAttention(config);
        Random random = new Random(5);
        INDArray qkv = random(random, (long) batch * steps, 3L * heads * d);
        INDArray relative = random(random, (long) heads * 5, d);
        INDArray out = attention.forward(qkv, relative, batch, steps).rows();
        INDArray naive = NaiveRelativeAttention.forward(qkv, relative, batch, steps, heads, 5);
        assertEquals(0, out.sub(naive).amaxNumber().doubleValue(), 1e-5);
    }

    @Tag("slow")
    @Test
    void tokenModelGradientsMatchDifferencesAndReachEveryWeight() {
        for (boolean shared : new boolean[] {false, true}) {
            TokenModel model = new TokenModel(config(7, 6, 2, 2, 4, shared, 0.2), 11, DataType.DOUBLE);
            TokenBatches.Batch batch = LstmGradientsTest.paddedBatch(3, 6, 7);
            Map<String, INDArray> gradients = model.lossAndGradients(batch, 0).gradients();
            LstmGradientsTest.check(model.weights(), gradients, v -> model.lossAndGradients(batch, 0).loss(), 4);
            for (Map.Entry<String, INDArray> weight : model.weights().entrySet()) {
                assertTrue(gradients.get(weight.getKey()).norm2Number().doubleValue() > 0,
                        "gradient reaches " + weight.getKey());
            }
        }
    }

    @Tag("slow")
    @Test
    void pianoRollModelGradientsMatchDifferences() {
        PianoRollModel model = new PianoRollModel(config(88, 8, 2, 1, 3, false, 0.1), FrameHead.Spec.SIGMOID, 5,
                DataType.DOUBLE);
        FrameBatches.Batch batch = new FrameBatches(PianoRollLstmTest.chordCycles(3, 6), 2, 4, 1, false).batch(0);
        Map<String, INDArray> gradients = model.lossAndGradients(batch, 0).gradients();
        LstmGradientsTest.check(model.weights(), gradients, v -> model.lossAndGradients(batch, 0).loss(), 4);
        assertTrue(gradients.get("input_w").norm2Number().doubleValue() > 0);
    }

    /** A Transformer-NADE: its gradients, and frames continued over a window of its longest relative distance. */
    @Test
    void transformerNadeGradientsMatchDifferencesAndItContinues() {
        PianoRollModel model = new PianoRollModel(config(88, 8, 2, 1, 3, false, 0.1), PianoRollLstmTest.nade(4), 5,
                DataType.DOUBLE);
        FrameBatches.Batch batch = new FrameBatches(PianoRollLstmTest.chordCycles(3, 6), 2, 4, 1, false).batch(0);
        Map<String, INDArray> gradients = model.lossAndGradients(batch, 0).gradients();
        LstmGradientsTest.check(model.weights(), gradients, v -> model.lossAndGradients(batch, 0).loss(), 3);
        float[][] drawn = model.continuation(new float[5][88], 6, new java.util.Random(1));
        assertEquals(6, drawn.length);
        for (float[] frame : drawn) {
            for (float key : frame) {
                assertTrue(key == 0 || key == 1, "keys are 0 or 1: " + key);
            }
        }
    }

    /** Changing a later token changes nothing before it. */
    @Test
    void theCausalMaskHolds() {
        TokenModel model = new TokenModel(config(10, 8, 2, 2, 16, false, 0), 3);
        int[][] tokens = {{1, 2, 3, 4, 5, 6, 7, 8}};
        INDArray before = model.logits(tokens);
        tokens[0][5] = 9;
        INDArray after = model.logits(tokens);
        for (int t = 0; t < 8; t++) {
            double change = before.getRow(t).sub(after.getRow(t)).amaxNumber().doubleValue();
            if (t < 5) {
                assertEquals(0, change, 0, "position " + t);
            } else {
                assertTrue(change > 1e-4, "position " + t + " sees the change");
            }
        }
    }

    @Tag("slow")
    @Test
    void overfitsOneBatch() throws Exception {
        TokenModel model = new TokenModel(config(12, 32, 4, 2, 16, false, 0), 1);
        TokenBatches.Batch batch = TokenLstmTest.countingBatch(4, 16, 12);
        double first = model.loss(batch);
        TokenLstmTest.overfit(model, batch, 150, 0.01, dir);
        assertTrue(first > 2.0, "an untrained model should be near ln(12) = 2.48, was " + first);
        assertTrue(model.loss(batch) < 0.1, "after 150 steps the loss should be below 0.1 nats, was "
                + model.loss(batch));
    }

    /** Next-token distributions from the key/value cache equal those of whole forward passes, over 200 steps. */
    @Test
    void cachedStepsEqualWholePasses() {
        TokenModel model = new TokenModel(config(20, 16, 4, 2, 256, false, 0), 9);
        TokenStepper stepper = model.stepper(1);
        Random random = new Random(1);
        int[] tokens = new int[200];
        for (int t = 0; t < tokens.length; t++) {
            tokens[t] = random.nextInt(20);
        }
        INDArray whole = model.logits(new int[][] {tokens});
        for (int t = 0; t < tokens.length; t++) {
            float[] cached = stepper.step(new int[] {tokens[t]})[0];
            double[] p = softmax(cached);
            double[] q = softmax(whole.getRow(t).toFloatVector());
            for (int k = 0; k < p.length; k++) {
                assertEquals(q[k], p[k], 1e-4, "step " + t + " token " + k);
            }
        }
    }

    /**
     * Past the window the oldest positions drop out, so generation goes on at a constant cost. In one block the keys
     * and values depend on their own token only, so two histories that end in the same window agree exactly.
     */
    @Test
    void stepsBeyondTheWindowSlide() {
        TokenModel model = new TokenModel(config(6, 8, 2, 1, 8, false, 0), 2);
        TokenStepper a = model.stepper(1);
        TokenStepper b = model.stepper(1);
        float[] last = null;
        float[] other = null;
        for (int t = 0; t < 20; t++) {
            last = a.step(new int[] {t < 12 ? 1 : t % 6})[0];
            other = b.step(new int[] {t < 12 ? 4 : t % 6})[0];
        }
        for (int k = 0; k < last.length; k++) {
            assertTrue(Float.isFinite(last[k]));
            assertEquals(last[k], other[k], 1e-6, "token " + k);
        }
        float[] early = model.stepper(1).step(new int[] {1})[0];
        assertNotEquals(early[0], model.stepper(1).step(new int[] {4})[0][0], "different tokens differ");
    }

    @Test
    void reorderMovesCachesBetweenRows() {
        TokenModel model = new TokenModel(config(9, 8, 2, 2, 32, true, 0), 4);
        TokenStepper two = model.stepper(2);
        two.step(new int[] {1, 2});
        two.step(new int[] {3, 4});
        two.reorder(new int[] {1, 1});
        float[][] next = two.step(new int[] {5, 5});
        TokenStepper single = model.stepper(1);
        single.step(new int[] {2});
        single.step(new int[] {4});
        float[] expected = single.step(new int[] {5})[0];
        for (float[] row : next) {
            for (int k = 0; k < row.length; k++) {
                assertEquals(expected[k], row[k], 1e-5);
            }
        }
    }

    @Test
    void aSavedModelLoadsWithTheSameLogits() throws Exception {
        TokenModel model = new TokenModel(config(5, 8, 2, 2, 6, false, 0.1), 7);
        Path file = dir.resolve("transformer.m4j");
        ModelFile.save(file, model, Map.of("encoding", "melody"), java.util.List.of("a", "b", "c", "d", "e"), Map.of());
        SavedModel loaded = ModelKinds.load(file);
        assertEquals("token-transformer", loaded.model().kind());
        assertEquals(model.config(), ((SequenceModel) loaded.model()).config());
        int[][] tokens = {{0, 1, 2, 3, 4, 3, 2, 1}};
        assertEquals(0, model.logits(tokens).sub(loaded.as(TokenModel.class, "a token model").logits(tokens)).amaxNumber().doubleValue(), 0);
        PianoRollModel roll = new PianoRollModel(PianoRollModel.config(config(2, 8, 2, 1, 6, true, 0)), 3);
        ModelFile.save(file, roll, Map.of("encoding", "pianoroll"), java.util.Collections.nCopies(88, "k"), Map.of());
        assertEquals("pianoroll-transformer", ModelKinds.load(file).model().kind());
    }

    @Test
    void theConfigValidates() {
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new TransformerConfig(10, 30, 4, 2, 64, 16, false, 0));
        assertTrue(e.getMessage().contains("does not split into 4 heads"), e.getMessage());
    }

    private static double[] softmax(float[] logits) {
        double[] z = new double[logits.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = logits[i];
        }
        return Softmax.probabilities(z);
    }
}
