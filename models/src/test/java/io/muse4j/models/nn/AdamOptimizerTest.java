package io.muse4j.models.nn;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link AdamOptimizer} against Adam worked by hand (Kingma and Ba 2015, Algorithm 1) with the optimizer's own
 * conventions, as of commit 086cd3b: beta1 0.9, beta2 0.999, epsilon 1e-8 added to the bias-corrected
 * sqrt(v-hat) (not to sqrt(v)); the bias corrections 1 - beta^t with t counted from 1; no weight decay; the gradients
 * first scaled by clipNorm / norm when their global L2 norm over all weights exceeds clipNorm (0: never), and
 * {@code step} returning the norm before clipping. Double-precision weights, so the comparison is tight.
 */
class AdamOptimizerTest {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;
    private static final double TIGHT = 1e-12;

    @Test
    void theFirstStepMovesEachWeightByTheLearningRateAgainstItsGradient() {
        Map<String, INDArray> weights = weights(new double[] {1.0, -2.0, 0.5}, new double[] {3.0, 0.0});
        AdamOptimizer adam = new AdamOptimizer(weights);
        adam.step(gradients(new double[] {0.5, -0.25, 2.0}, new double[] {-1e-3, 4.0}), 0.1, 0);
        // t = 1: m = 0.1 g, v = 0.001 g^2, m-hat = g, v-hat = g^2, so the step is lr * g / (|g| + eps)
        assertArrayEquals(new double[] {1.0 - 0.1 * 0.5 / (0.5 + EPSILON), -2.0 + 0.1 * 0.25 / (0.25 + EPSILON),
            0.5 - 0.1 * 2.0 / (2.0 + EPSILON)}, values(weights.get("a")), TIGHT);
        assertArrayEquals(new double[] {3.0 + 0.1 * 1e-3 / (1e-3 + EPSILON), 0.0 - 0.1 * 4.0 / (4.0 + EPSILON)},
                values(weights.get("b")), TIGHT);
        assertEquals(1, adam.steps());
    }

    @Test
    void threeStepsFollowTheMomentsAndBiasCorrectionsWorkedByHand() {
        Map<String, INDArray> weights = weights(new double[] {1.0, -2.0, 0.5}, new double[] {3.0, 0.0});
        AdamOptimizer adam = new AdamOptimizer(weights);
        double lr = 0.05;
        double[][] ga = {{0.5, -0.25, 2.0}, {-0.25, 0.75, 1.0}, {0.125, 0.0, -3.0}};
        double[][] gb = {{-1e-3, 4.0}, {2e-3, -1.0}, {0.5, 0.5}};
        double[] wa = {1.0, -2.0, 0.5};
        double[] wb = {3.0, 0.0};
        double[] ma = new double[3];
        double[] va = new double[3];
        double[] mb = new double[2];
        double[] vb = new double[2];
        for (int t = 1; t <= 3; t++) {
            Map<String, INDArray> g = gradients(ga[t - 1], gb[t - 1]);
            double norm = adam.step(g, lr, 0);
            assertEquals(Math.sqrt(sumOfSquares(ga[t - 1]) + sumOfSquares(gb[t - 1])), norm, TIGHT, "norm");
            handStep(wa, ma, va, ga[t - 1], 1.0, t, lr);
            handStep(wb, mb, vb, gb[t - 1], 1.0, t, lr);
            assertArrayEquals(wa, values(weights.get("a")), TIGHT, "a after step " + t);
            assertArrayEquals(wb, values(weights.get("b")), TIGHT, "b after step " + t);
            assertArrayEquals(ga[t - 1], values(g.get("a")), 0, "the caller's gradients are left as they were");
        }
        Map<String, INDArray> state = adam.state();
        assertArrayEquals(ma, values(state.get("m/a")), TIGHT);
        assertArrayEquals(va, values(state.get("v/a")), TIGHT);
        assertArrayEquals(mb, values(state.get("m/b")), TIGHT);
        assertArrayEquals(vb, values(state.get("v/b")), TIGHT);
        assertEquals(3, adam.steps());
    }

    @Test
    void theSecondStepWorkedOutInFull() {
        Map<String, INDArray> weights = weights(new double[] {1.0}, new double[] {0.0});
        AdamOptimizer adam = new AdamOptimizer(weights);
        adam.step(gradients(new double[] {0.5}, new double[] {0.0}), 0.1, 0);
        adam.step(gradients(new double[] {-0.25}, new double[] {0.0}), 0.1, 0);
        double m1 = 0.1 * 0.5;                                  // 0.05
        double v1 = 0.001 * 0.25;                               // 0.00025
        double w1 = 1.0 - 0.1 * (m1 / 0.1) / (Math.sqrt(v1 / 0.001) + EPSILON);
        double m2 = 0.9 * m1 + 0.1 * -0.25;                     // 0.02
        double v2 = 0.999 * v1 + 0.001 * 0.0625;                // 0.00031225
        double mHat = m2 / (1 - 0.9 * 0.9);                     // 0.02 / 0.19
        double vHat = v2 / (1 - 0.999 * 0.999);                 // 0.00031225 / 0.001999
        double w2 = w1 - 0.1 * mHat / (Math.sqrt(vHat) + EPSILON);
        assertEquals(0.02, m2, 1e-15);
        assertEquals(0.00031225, v2, 1e-15);
        assertEquals(w2, values(weights.get("a"))[0], TIGHT);
        assertEquals(0.0, values(weights.get("b"))[0], 0, "a zero gradient from zero moments leaves a weight alone");
    }

    @Test
    void gradientsAboveTheClipNormAreScaledToItAndTheNormBeforeIsReturned() {
        Map<String, INDArray> weights = weights(new double[] {1.0, -2.0, 0.5}, new double[] {3.0, 0.0});
        AdamOptimizer adam = new AdamOptimizer(weights);
        double lr = 0.01;
        double clip = 1.0;
        double[][] ga = {{3.0, 0.0, 0.0}, {0.1, -0.2, 0.3}, {-6.0, 8.0, 0.0}};
        double[][] gb = {{0.0, 4.0}, {0.0, 0.1}, {0.0, 0.0}};
        double[] wa = {1.0, -2.0, 0.5};
        double[] wb = {3.0, 0.0};
        double[] ma = new double[3];
        double[] va = new double[3];
        double[] mb = new double[2];
        double[] vb = new double[2];
        double[] norms = {5.0, Math.sqrt(0.01 + 0.04 + 0.09 + 0.01), 10.0};
        for (int t = 1; t <= 3; t++) {
            double norm = adam.step(gradients(ga[t - 1], gb[t - 1]), lr, clip);
            assertEquals(norms[t - 1], norm, TIGHT, "norm before clipping at step " + t);
            double scale = norms[t - 1] > clip ? clip / norms[t - 1] : 1.0; // 0.2, 1 (under the clip norm), 0.1
            handStep(wa, ma, va, ga[t - 1], scale, t, lr);
            handStep(wb, mb, vb, gb[t - 1], scale, t, lr);
            assertArrayEquals(wa, values(weights.get("a")), TIGHT, "a after step " + t);
            assertArrayEquals(wb, values(weights.get("b")), TIGHT, "b after step " + t);
        }
        assertArrayEquals(va, values(adam.state().get("v/a")), TIGHT, "v holds the clipped gradients' squares");
    }

    @Test
    void aRestoredStateAndStepCountContinueTheBiasCorrectionExactly() {
        Map<String, INDArray> whole = weights(new double[] {1.0, -2.0, 0.5}, new double[] {3.0, 0.0});
        AdamOptimizer first = new AdamOptimizer(whole);
        first.step(gradients(new double[] {0.5, -0.25, 2.0}, new double[] {-1e-3, 4.0}), 0.05, 0);
        first.step(gradients(new double[] {-0.25, 0.75, 1.0}, new double[] {2e-3, -1.0}), 0.05, 0);
        Map<String, INDArray> copy = new LinkedHashMap<>();
        whole.forEach((name, w) -> copy.put(name, w.dup()));
        AdamOptimizer resumed = new AdamOptimizer(copy);
        first.state().forEach((name, moment) -> resumed.state().get(name).assign(moment));
        resumed.restoreSteps(first.steps());
        Map<String, INDArray> third = gradients(new double[] {0.125, 0.0, -3.0}, new double[] {0.5, 0.5});
        first.step(third, 0.05, 0);
        resumed.step(third, 0.05, 0);
        assertEquals(3, resumed.steps());
        for (String name : whole.keySet()) {
            assertArrayEquals(values(whole.get(name)), values(copy.get(name)), 0, name);
        }
    }

    /** One Adam step of Kingma and Ba's Algorithm 1 on plain doubles, the gradient first multiplied by scale. */
    private static void handStep(double[] w, double[] m, double[] v, double[] gradient, double scale, int t,
                                 double learningRate) {
        for (int i = 0; i < w.length; i++) {
            double g = gradient[i] * scale;
            m[i] = BETA1 * m[i] + (1 - BETA1) * g;               // biased first moment
            v[i] = BETA2 * v[i] + (1 - BETA2) * g * g;           // biased second raw moment
            double mHat = m[i] / (1 - Math.pow(BETA1, t));       // bias-corrected
            double vHat = v[i] / (1 - Math.pow(BETA2, t));
            w[i] -= learningRate * mHat / (Math.sqrt(vHat) + EPSILON);
        }
    }

    private static double sumOfSquares(double[] values) {
        double sum = 0;
        for (double x : values) {
            sum += x * x;
        }
        return sum;
    }

    /** Weights "a" and "b" in double precision, in that order. */
    @Test
    void aWeightWithoutAGradientStaysWhereItIsMomentumAndAll() {
        Map<String, INDArray> weights = weights(new double[] {1.0, -2.0}, new double[] {3.0});
        AdamOptimizer adam = new AdamOptimizer(weights);
        adam.step(gradients(new double[] {0.5, -0.25}, new double[] {1.0}), 0.1, 0);
        double[] b = values(weights.get("b"));
        Map<String, INDArray> onlyA = new LinkedHashMap<>(gradients(new double[] {0.5, -0.25}, new double[] {0}));
        onlyA.remove("b");
        adam.step(onlyA, 0.1, 0);
        assertArrayEquals(b, values(weights.get("b")), 0, "a frozen weight does not drift on its momentum");
        assertEquals(1.0, values(adam.state().get("m/b"))[0] / 0.1, TIGHT, "its first moment is as it was");
    }

    private static Map<String, INDArray> weights(double[] a, double[] b) {
        Map<String, INDArray> weights = new LinkedHashMap<>();
        weights.put("a", Nd4j.create(a, new long[] {a.length}, DataType.DOUBLE));
        weights.put("b", Nd4j.create(b, new long[] {b.length}, DataType.DOUBLE));
        return weights;
    }

    private static Map<String, INDArray> gradients(double[] a, double[] b) {
        return weights(a, b);
    }

    private static double[] values(INDArray array) {
        return array.dup().data().asDouble();
    }
}
