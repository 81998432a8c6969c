package io.muse4j.models.nn;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The NADE frame head on a tiny frame: a distribution, exact gradients, draws that follow it. */
class NadeTest {
    private static final int KEYS = 4;
    private static final int CONTEXT = 3;
    private static final double EPSILON = 1e-6;

    /** A NADE of 4 keys and 5 hidden units, its weights spread out so that keys depend on each other strongly. */
    private static Nade nade() {
        Random random = new Random(2);
        Nade nade = new Nade(CONTEXT, KEYS, 5, random, DataType.DOUBLE);
        for (INDArray w : nade.weights().values()) {
            w.assign(Nd4j.rand(DataType.DOUBLE, w.shape()).subi(0.5).muli(4));
        }
        return nade;
    }

    /** All 2^4 frames, one per row. */
    private static INDArray allFrames() {
        double[][] frames = new double[1 << KEYS][KEYS];
        for (int pattern = 0; pattern < frames.length; pattern++) {
            for (int k = 0; k < KEYS; k++) {
                frames[pattern][k] = (pattern >> k) & 1;
            }
        }
        return Nd4j.create(frames);
    }

    /** log p(frame) from the logits: the sum over keys of each key's Bernoulli log-likelihood. */
    private static double[] logProbabilities(INDArray logits, INDArray frames) {
        double[] z = logits.data().asDouble();
        double[] v = frames.data().asDouble();
        double[] log = new double[(int) logits.rows()];
        for (int i = 0; i < z.length; i++) {
            log[i / KEYS] += v[i] * z[i] - Math.max(z[i], 0) - Math.log1p(Math.exp(-Math.abs(z[i])));
        }
        return log;
    }

    private static INDArray sameContext(INDArray context, long rows) {
        return Nd4j.tile(context, (int) rows, 1);
    }

    @Test
    void probabilitiesOfAllFramesSumToOne() {
        Nade nade = nade();
        INDArray frames = allFrames();
        for (int trial = 0; trial < 3; trial++) {
            INDArray context = sameContext(Nd4j.rand(DataType.DOUBLE, 1, CONTEXT).muli(3), frames.rows());
            double total = 0;
            for (double log : logProbabilities(nade.logits(context, frames), frames)) {
                total += Math.exp(log);
            }
            assertEquals(1, total, 1e-12, "context " + trial);
        }
    }

    @Test
    void gradientsEqualCentralDifferences() {
        Nade nade = nade();
        Random random = new Random(5);
        INDArray frames = allFrames();
        INDArray top = Nd4j.rand(DataType.DOUBLE, frames.rows(), CONTEXT).subi(0.5);
        INDArray weightsOfLogits = Nd4j.rand(DataType.DOUBLE, frames.rows(), KEYS).subi(0.5);
        // the loss: a weighted sum of the logits, so dLoss/dLogits is the weights
        Map<String, INDArray> gradients = new HashMap<>();
        INDArray dTop = nade.backward(top, frames, weightsOfLogits, gradients);
        Map<String, INDArray> all = new LinkedHashMap<>(nade.weights());
        all.put("top", top);
        gradients.put("top", dTop);
        for (Map.Entry<String, INDArray> entry : all.entrySet()) {
            INDArray w = entry.getValue();
            for (int s = 0; s < 8; s++) {
                long i = random.nextInt((int) w.length());
                double original = w.getDouble(i);
                w.putScalar(i, original + EPSILON);
                double up = nade.logits(top, frames).mul(weightsOfLogits).sumNumber().doubleValue();
                w.putScalar(i, original - EPSILON);
                double down = nade.logits(top, frames).mul(weightsOfLogits).sumNumber().doubleValue();
                w.putScalar(i, original);
                double numeric = (up - down) / (2 * EPSILON);
                assertEquals(numeric, gradients.get(entry.getKey()).getDouble(i), 1e-7 + 1e-6 * Math.abs(numeric),
                        entry.getKey() + "[" + i + "]");
            }
        }
    }

    @Test
    void drawsFollowTheDistributionAndTheModeIsLikeliest() {
        Nade nade = nade();
        INDArray frames = allFrames();
        INDArray context = Nd4j.rand(DataType.DOUBLE, 1, CONTEXT);
        double[] log = logProbabilities(nade.logits(sameContext(context, frames.rows()), frames), frames);
        INDArray drawn = nade.draw(sameContext(context, 40_000), new Random(9));
        DrawnFrames.assertFollow(drawn, KEYS, pattern -> Math.exp(log[pattern]));
        // greedy: each key sounds where its probability given the keys chosen below it is above one half
        INDArray greedy = nade.draw(context, null);
        INDArray logits = nade.logits(context, greedy);
        for (int k = 0; k < KEYS; k++) {
            assertEquals(logits.getDouble(0, k) > 0 ? 1.0 : 0.0, greedy.getDouble(0, k), "key " + k);
        }
    }
}
