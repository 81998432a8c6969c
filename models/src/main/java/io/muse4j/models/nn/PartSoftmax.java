package io.muse4j.models.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Logits laid out part by part, each part a block of {@code steps * n_part} columns (step-major, its symbols
 * within), read as a softmax over each part's symbols at each step: the chorale models' output layer (mini-bach's
 * lower parts, DeepHear's four parts).
 */
public final class PartSoftmax {
    private PartSoftmax() {
    }

    /** Each part's symbol probabilities, (B * steps, n_part), row b * steps + s for step s of row b. */
    public static INDArray[] probabilities(INDArray logits, int steps, int[] symbols) {
        INDArray[] p = new INDArray[symbols.length];
        long from = 0;
        for (int part = 0; part < symbols.length; part++) {
            int n = symbols[part];
            INDArray block = logits.get(NDArrayIndex.all(), NDArrayIndex.interval(from, from + (long) steps * n));
            p[part] = Softmax.rows(block.dup('c').reshape('c', logits.rows() * (long) steps, n));
            from += (long) steps * n;
        }
        return p;
    }

    /**
     * The mean cross-entropy of the targets ([part][b * steps + s]) over every part step; when {@code dLogits}
     * (B, columns) is given, the loss's gradient with respect to the logits (p - one-hot, divided by the count) goes
     * there.
     */
    public static double crossEntropy(INDArray[] p, int[][] targets, int steps, INDArray dLogits) {
        long count = (long) p.length * p[0].rows();
        double loss = 0;
        long from = 0;
        for (int part = 0; part < p.length; part++) {
            float[][] probabilities = p[part].toFloatMatrix(); // (B * steps, n)
            int n = probabilities[0].length;
            for (int row = 0; row < probabilities.length; row++) {
                int target = targets[part][row];
                loss -= Math.log(Math.max(probabilities[row][target], 1e-30));
                probabilities[row][target] -= 1;
            }
            if (dLogits != null) {
                dLogits.get(NDArrayIndex.all(), NDArrayIndex.interval(from, from + (long) steps * n))
                        .assign(Nd4j.createFromArray(probabilities).divi(count)
                                .reshape('c', dLogits.rows(), (long) steps * n));
            }
            from += (long) steps * n;
        }
        return loss / count;
    }
}
