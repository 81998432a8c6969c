package io.muse4j.models.nn;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Softmax against the copies it replaced (TokenGenerator's, Sampler's, TokenModel's), bit for bit. */
class SoftmaxTest {
    private static final SplittableRandom RANDOM = new SplittableRandom(7);

    @Test
    void logSoftmaxIsTokenGeneratorsOld() {
        for (int trial = 0; trial < 200; trial++) {
            float[] logits = logits();
            assertArrayEquals(oldLogSoftmax(logits), Softmax.logSoftmax(logits));
        }
    }

    @Test
    void probabilitiesAreSamplersOld() {
        for (int trial = 0; trial < 200; trial++) {
            float[] logits = logits();
            double temperature = RANDOM.nextDouble(0.05, 3);
            int[] order = descending(logits);
            double[] scaled = new double[order.length];
            for (int i = 0; i < order.length; i++) {
                scaled[i] = logits[order[i]] / temperature;
            }
            assertArrayEquals(oldSamplerSoftmax(logits, order, temperature), Softmax.probabilities(scaled));
        }
    }

    @Test
    void logProbabilityAndGradientAreTokenModelsOld() {
        for (int trial = 0; trial < 200; trial++) {
            float[] logits = logits();
            double[] z = new double[logits.length + 3];
            for (int i = 0; i < logits.length; i++) {
                z[i + 3] = logits[i];
            }
            int target = RANDOM.nextInt(logits.length);
            float mask = RANDOM.nextBoolean() ? 1f : 0.5f;
            double scale = RANDOM.nextDouble();
            double[] expected = new double[z.length];
            double logSum = Softmax.logSumExp(z, 3, logits.length);
            double weight = mask * scale;
            for (int k = 0; k < logits.length; k++) {
                expected[3 + k] = weight * Math.exp(z[3 + k] - logSum);
            }
            expected[3 + target] -= weight;
            double[] actual = new double[z.length];
            double logProb = Softmax.logProbability(z, 3, logits.length, target, mask * scale, actual);
            assertEquals(mask * (z[3 + target] - logSum), mask * logProb);
            assertEquals(z[3 + target] - logSum, Softmax.logProbability(z, 3, logits.length, target));
            assertArrayEquals(expected, actual);
        }
    }

    private static float[] logits() {
        float[] logits = new float[1 + RANDOM.nextInt(40)];
        for (int i = 0; i < logits.length; i++) {
            logits[i] = (float) (RANDOM.nextGaussian() * 8);
        }
        return logits;
    }

    private static int[] descending(float[] logits) {
        return java.util.stream.IntStream.range(0, logits.length).boxed()
                .sorted((a, b) -> logits[a] != logits[b] ? Float.compare(logits[b], logits[a]) : Integer.compare(a, b))
                .mapToInt(Integer::intValue).toArray();
    }

    private static double[] oldLogSoftmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        double sum = 0;
        for (float l : logits) {
            sum += Math.exp(l - max);
        }
        double log = max + Math.log(sum);
        double[] out = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            out[i] = logits[i] - log;
        }
        return out;
    }

    private static double[] oldSamplerSoftmax(float[] logits, int[] order, double temperature) {
        double max = logits[order[0]] / temperature;
        double[] probs = new double[order.length];
        double sum = 0;
        for (int i = 0; i < order.length; i++) {
            probs[i] = Math.exp(logits[order[i]] / temperature - max);
            sum += probs[i];
        }
        for (int i = 0; i < probs.length; i++) {
            probs[i] /= sum;
        }
        return probs;
    }
}
