package io.muse4j.models.nn;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The RBM frame head on frames of 4 keys, against its distribution worked out over all 16 frames. */
class ConditionalRbmTest {
    private static final int KEYS = 4;
    private static final int HIDDEN = 3;
    private static final int CONTEXT = 2;

    /** An RBM head whose weights are spread out, so that keys depend on each other strongly. */
    private static ConditionalRbm rbm() {
        ConditionalRbm rbm = new ConditionalRbm(CONTEXT, KEYS, HIDDEN, 1, new Random(3), DataType.DOUBLE);
        Nd4j.getRandom().setSeed(11);
        for (INDArray w : rbm.weights().values()) {
            w.assign(Nd4j.rand(DataType.DOUBLE, w.shape()).subi(0.5).muli(3));
        }
        return rbm;
    }

    private static double[] frame(int pattern) {
        double[] v = new double[KEYS];
        for (int k = 0; k < KEYS; k++) {
            v[k] = (pattern >> k) & 1;
        }
        return v;
    }

    /** -F(v) for one context row: v.bv + sum_j softplus((v W)_j + bh_j), worked out on plain arrays. */
    private static double negativeFreeEnergy(ConditionalRbm rbm, INDArray context, double[] v) {
        double[][] w = rbm.weights().get("rbm_w").toDoubleMatrix();
        double[] bv = context.mmul(rbm.weights().get("rbm_context_visible")).addRowVector(
                rbm.weights().get("rbm_visible_b")).toDoubleVector();
        double[] bh = context.mmul(rbm.weights().get("rbm_context_hidden")).addRowVector(
                rbm.weights().get("rbm_hidden_b")).toDoubleVector();
        double total = 0;
        for (int k = 0; k < KEYS; k++) {
            total += v[k] * bv[k];
        }
        for (int j = 0; j < HIDDEN; j++) {
            double pre = bh[j];
            for (int k = 0; k < KEYS; k++) {
                pre += v[k] * w[k][j];
            }
            total += Math.max(pre, 0) + Math.log1p(Math.exp(-Math.abs(pre)));
        }
        return total;
    }

    private static double logPartition(ConditionalRbm rbm, INDArray context) {
        double sum = 0;
        for (int pattern = 0; pattern < 1 << KEYS; pattern++) {
            sum += Math.exp(negativeFreeEnergy(rbm, context, frame(pattern)));
        }
        return Math.log(sum);
    }

    @Test
    void annealingAgreesWithTheExactNllOfEachFrame() {
        ConditionalRbm rbm = rbm();
        INDArray contexts = Nd4j.createFromArray(new double[][] {{0.5, -1}, {-2, 0.3}, {1.5, 1.5}});
        INDArray frames = Nd4j.createFromArray(new double[][] {frame(5), frame(0), frame(15)});
        double[] nll = rbm.nll(contexts, frames);
        for (int row = 0; row < 3; row++) {
            INDArray context = contexts.getRow(row).reshape(1, CONTEXT);
            double exact = logPartition(rbm, context) - negativeFreeEnergy(rbm, context, frames.getRow(row)
                    .toDoubleVector());
            assertEquals(exact, nll[row], 0.05, "frame " + row);
        }
    }

    @Test
    void thePseudoNllIsEachKeysConditionalSummed() {
        ConditionalRbm rbm = rbm();
        INDArray context = Nd4j.createFromArray(new double[][] {{0.7, -0.4}});
        for (int pattern : new int[] {0, 6, 15}) {
            double[] v = frame(pattern);
            double expected = 0;
            for (int k = 0; k < KEYS; k++) {
                double[] flipped = v.clone();
                flipped[k] = 1 - flipped[k];
                double own = negativeFreeEnergy(rbm, context, v);
                double other = negativeFreeEnergy(rbm, context, flipped);
                expected -= own - Math.log(Math.exp(own) + Math.exp(other));
            }
            double[] losses = rbm.losses(context, Nd4j.createFromArray(new double[][] {v}));
            assertEquals(expected, losses[0], 1e-9, "frame " + pattern);
        }
    }

    @Test
    void drawnFramesFollowTheDistribution() {
        ConditionalRbm rbm = rbm();
        INDArray context = Nd4j.createFromArray(new double[][] {{0.2, 0.9}});
        double logZ = logPartition(rbm, context);
        INDArray drawn = rbm.draw(Nd4j.tile(context, 20_000, 1), new Random(4));
        DrawnFrames.assertFollow(drawn, KEYS,
                pattern -> Math.exp(negativeFreeEnergy(rbm, context, frame(pattern)) - logZ));
    }
}
