package io.muse4j.models.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The models' one softmax, log-softmax and log-sum-exp, each subtracting the largest logit before {@code exp} so
 * that no logit overflows. The scalar ones compute in double precision, whatever the logits were stored as; {@link
 * #rows} computes in the array's own type.
 */
public final class Softmax {
    private Softmax() {
    }

    /** log sum exp of {@code count} values of {@code z} from {@code from}. */
    public static double logSumExp(double[] z, int from, int count) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = from; k < from + count; k++) {
            max = Math.max(max, z[k]);
        }
        double sum = 0;
        for (int k = from; k < from + count; k++) {
            sum += Math.exp(z[k] - max);
        }
        return max + Math.log(sum);
    }

    /** log softmax of the logits, in double precision. */
    public static double[] logSoftmax(float[] logits) {
        double[] z = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            z[i] = logits[i];
        }
        double log = logSumExp(z, 0, z.length);
        double[] out = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            out[i] = z[i] - log;
        }
        return out;
    }

    /** softmax of {@code x}: exp(x - max x), divided by its sum. */
    public static double[] probabilities(double[] x) {
        double max = Double.NEGATIVE_INFINITY;
        for (double value : x) {
            max = Math.max(max, value);
        }
        double[] probs = new double[x.length];
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            probs[i] = Math.exp(x[i] - max);
            sum += probs[i];
        }
        for (int i = 0; i < probs.length; i++) {
            probs[i] /= sum;
        }
        return probs;
    }

    /** log softmax at {@code target} of the {@code count} logits of {@code z} from {@code from}. */
    public static double logProbability(double[] z, int from, int count, int target) {
        return z[from + target] - logSumExp(z, from, count);
    }

    /**
     * log softmax at {@code target} of the {@code count} logits of {@code z} from {@code from}; unless {@code
     * dLogits} is null, the gradient at those logits of -{@code weight} times it (weight * (softmax - one-hot))
     * goes into the same places of {@code dLogits}.
     */
    public static double logProbability(double[] z, int from, int count, int target, double weight,
                                        double[] dLogits) {
        double logSum = logSumExp(z, from, count);
        if (dLogits != null) {
            for (int k = 0; k < count; k++) {
                dLogits[from + k] = weight * Math.exp(z[from + k] - logSum);
            }
            dLogits[from + target] -= weight;
        }
        return z[from + target] - logSum;
    }

    /** Row-wise softmax of (rows, columns) logits, in the array's type. */
    public static INDArray rows(INDArray logits) {
        INDArray e = Transforms.exp(logits.subColumnVector(logits.max(true, 1)), false);
        return e.diviColumnVector(e.sum(true, 1));
    }
}
