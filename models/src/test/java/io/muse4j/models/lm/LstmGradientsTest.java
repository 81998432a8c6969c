package io.muse4j.models.lm;

import io.muse4j.models.nn.FrameHead;
import io.muse4j.models.nn.LstmConfig;
import io.muse4j.models.nn.LstmLayers;
import io.muse4j.corpora.batch.FrameBatches;
import io.muse4j.corpora.batch.TokenBatches;
import io.muse4j.models.training.Trainable;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The written-out backward passes against central differences of the loss, in double precision, at entries drawn
 * from every weight: several layers, dropout, padding, and sequences of one step.
 */
public class LstmGradientsTest {
    private static final double EPSILON = 1e-5;

    /** Checks {@code samples} entries of every weight; returns how many gradients were non-zero. */
    public static int check(Map<String, INDArray> weights, Map<String, INDArray> gradients,
                             ToDoubleFunction<Void> loss, int samples) {
        Random random = new Random(7);
        int nonZero = 0;
        for (Map.Entry<String, INDArray> weight : weights.entrySet()) {
            INDArray w = weight.getValue();
            INDArray g = gradients.get(weight.getKey());
            assertEquals(w.length(), g.length(), weight.getKey() + " gradient size");
            for (int s = 0; s < samples; s++) {
                long i = random.nextInt((int) w.length());
                double original = w.getDouble(i);
                w.putScalar(i, original + EPSILON);
                double up = loss.applyAsDouble(null);
                w.putScalar(i, original - EPSILON);
                double down = loss.applyAsDouble(null);
                w.putScalar(i, original);
                double numeric = (up - down) / (2 * EPSILON);
                double analytic = g.getDouble(i);
                assertEquals(numeric, analytic, 1e-6 + 1e-4 * Math.abs(numeric),
                        weight.getKey() + "[" + i + "]");
                nonZero += analytic != 0 ? 1 : 0;
            }
        }
        return nonZero;
    }

    public static TokenBatches.Batch paddedBatch(int batch, int steps, int vocabulary) {
        TokenBatches.Batch counting = TokenLstmTest.countingBatch(batch, steps, vocabulary);
        Random random = new Random(3);
        for (int[] row : counting.tokens()) {
            for (int t = 0; t < row.length; t++) {
                row[t] = random.nextInt(vocabulary);
            }
        }
        for (int t = steps / 2; t < steps; t++) {
            counting.mask()[batch - 1][t] = 0;
        }
        return counting;
    }

    @Test
    void tokenModelGradientsMatchDifferences() {
        TokenModel model = new TokenModel(new LstmConfig(7, 5, 6, 2, 0.3), 11, DataType.DOUBLE);
        TokenBatches.Batch batch = paddedBatch(3, 5, 7);
        Map<String, INDArray> gradients = model.lossAndGradients(batch, 0).gradients();
        int nonZero = check(model.weights(), gradients, v -> model.lossAndGradients(batch, 0).loss(), 12);
        assertTrue(nonZero > 12 * 8 * 3 / 4, "most sampled gradients are non-zero: " + nonZero);
    }

    @Test
    void oneStepSequencesHaveNoRecurrentGradient() {
        TokenModel model = new TokenModel(new LstmConfig(4, 3, 5, 1), 2, DataType.DOUBLE);
        TokenBatches.Batch batch = paddedBatch(2, 1, 4);
        Map<String, INDArray> gradients = model.lossAndGradients(batch, 0).gradients();
        check(model.weights(), gradients, v -> model.lossAndGradients(batch, 0).loss(), 6);
        assertEquals(0, gradients.get("lstm0_r").norm2Number().doubleValue(), 0);
    }

    @Test
    void pianoRollGradientsMatchDifferences() {
        PianoRollModel model = new PianoRollModel(new LstmConfig(88, 88, 6, 2, 0.2), FrameHead.Spec.SIGMOID, 5,
                DataType.DOUBLE);
        FrameBatches.Batch batch = new FrameBatches(PianoRollLstmTest.chordCycles(3, 6), 2, 4, 1, false).batch(0);
        Map<String, INDArray> gradients = model.lossAndGradients(batch, 0).gradients();
        int nonZero = check(model.weights(), gradients, v -> model.lossAndGradients(batch, 0).loss(), 12);
        assertTrue(nonZero > 12 * 8 / 2, "most sampled gradients are non-zero: " + nonZero);
    }

    @Test
    void pianoRollNadeGradientsMatchDifferences() {
        PianoRollModel model = new PianoRollModel(new LstmConfig(88, 88, 6, 2, 0.2), PianoRollLstmTest.nade(5), 5,
                DataType.DOUBLE);
        FrameBatches.Batch batch = new FrameBatches(PianoRollLstmTest.chordCycles(3, 6), 2, 4, 1, false).batch(0);
        Map<String, INDArray> gradients = model.lossAndGradients(batch, 0).gradients();
        int nonZero = check(model.weights(), gradients, v -> model.lossAndGradients(batch, 0).loss(), 12);
        assertTrue(nonZero > 12 * 12 / 2, "most sampled gradients are non-zero: " + nonZero);
    }

    @Test
    void aBatchsGradientsAreItsHalvesWeightedByTheirTargets() {
        TokenModel model = new TokenModel(new LstmConfig(9, 4, 8, 2), 3, DataType.DOUBLE);
        TokenBatches.Batch batch = paddedBatch(2 * LstmLayers.MIN_SHARD_SEQUENCES, 6, 9);
        TokenBatches.Batch first = batch.rows(0, LstmLayers.MIN_SHARD_SEQUENCES);
        TokenBatches.Batch second = batch.rows(LstmLayers.MIN_SHARD_SEQUENCES, 2 * LstmLayers.MIN_SHARD_SEQUENCES);
        double share = (double) first.tokenCount() / batch.tokenCount();
        Trainable.LossAndGradients whole = model.lossAndGradients(batch, 0);
        Trainable.LossAndGradients a = model.lossAndGradients(first, 0);
        Trainable.LossAndGradients b = model.lossAndGradients(second, 0);
        assertEquals(share * a.loss() + (1 - share) * b.loss(), whole.loss(), 1e-12);
        for (String name : model.weightNames()) {
            INDArray expected = a.gradients().get(name).mul(share).addi(b.gradients().get(name).mul(1 - share));
            assertEquals(0, expected.sub(whole.gradients().get(name)).norm2Number().doubleValue(), 1e-12, name);
        }
    }
}
