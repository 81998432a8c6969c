package io.muse4j.models.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;
import java.util.Random;

/**
 * A head that gives each key a logit of sounding, given the top row and, for a joint head, the keys below it in the
 * frame; the frame's log-likelihood is then the sum over its keys of each key's Bernoulli log-likelihood, exactly,
 * so training minimises the binary cross-entropy summed over the keys.
 */
public abstract class KeyLogits implements FrameHead {
    /** Each key's logit (N, K), given the top rows (N, C) and the frames (N, K) whose keys below each key it reads. */
    public abstract INDArray logits(INDArray top, INDArray frames);

    /**
     * Back from {@code dLogits}, the loss's gradient at {@link #logits}: puts the gradient of each of the head's
     * arrays into {@code gradients} and returns the gradient at the top rows.
     */
    abstract INDArray backward(INDArray top, INDArray frames, INDArray dLogits, Map<String, INDArray> gradients);

    @Override
    public Step train(INDArray top, INDArray frames, double[] rowWeights, Random random,
                      Map<String, INDArray> gradients) {
        INDArray logits = logits(top, frames);
        double[] z = logits.castTo(DataType.DOUBLE).data().asDouble();
        double[] y = frames.castTo(DataType.DOUBLE).data().asDouble();
        int keys = (int) logits.columns();
        double[] dLogits = new double[z.length];
        double loss = 0;
        for (int row = 0; row < rowWeights.length; row++) {
            double weight = rowWeights[row];
            if (weight == 0) {
                continue;
            }
            for (int k = row * keys; k < (row + 1) * keys; k++) {
                loss += weight * crossEntropy(z[k], y[k]);
                dLogits[k] = weight * (1 / (1 + Math.exp(-z[k])) - y[k]);
            }
        }
        INDArray dz = Nd4j.create(dLogits, logits.shape(), 'c').castTo(logits.dataType());
        return new Step(loss, backward(top, frames, dz, gradients));
    }

    @Override
    public double[] losses(INDArray top, INDArray frames) {
        INDArray logits = logits(top, frames);
        double[] z = logits.castTo(DataType.DOUBLE).data().asDouble();
        double[] y = frames.castTo(DataType.DOUBLE).data().asDouble();
        int keys = (int) logits.columns();
        double[] losses = new double[(int) logits.rows()];
        for (int k = 0; k < z.length; k++) {
            losses[k / keys] += crossEntropy(z[k], y[k]);
        }
        return losses;
    }

    /** -log p(y | logit z), stable for any z: max(z, 0) - z*y + log(1 + exp(-|z|)). */
    private static double crossEntropy(double z, double y) {
        return Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z)));
    }
}
