package io.muse4j.models.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Layer normalisation of rows (Ba et al. 2016): each row shifted to mean 0 and scaled to variance 1, then scaled by
 * a gain and shifted by a bias per column. The forward pass keeps what the backward pass reads.
 */
public final class LayerNorm {
    public static final double EPSILON = 1e-5;

    /** The normalised rows (before gain and bias) and each row's 1 / standard deviation. */
    record Saved(INDArray normalised, INDArray inverseDeviation) {
    }

    /** The output rows and what the backward pass needs. */
    record Output(INDArray rows, Saved saved) {
    }

    private LayerNorm() {
    }

    /** {@code x} (N, D) normalised per row, times {@code gain} plus {@code bias} (each D). */
    static Output forward(INDArray x, INDArray gain, INDArray bias) {
        INDArray centred = x.subColumnVector(LstmLayers.rowMeans(x));
        INDArray variance = LstmLayers.rowMeans(centred.mul(centred));
        INDArray inverse = Transforms.pow(variance.addi(EPSILON), -0.5, false);
        INDArray normalised = centred.muliColumnVector(inverse);
        return new Output(normalised.mulRowVector(gain).addiRowVector(bias), new Saved(normalised, inverse));
    }

    /**
     * The gradient at the input rows from {@code dy}, the gradient at the output rows; puts the gain's and bias's
     * gradients into {@code gradients} under the given names.
     */
    static INDArray backward(Saved saved, INDArray dy, INDArray gain, java.util.Map<String, INDArray> gradients,
                             String gainName, String biasName) {
        INDArray xhat = saved.normalised();
        gradients.put(gainName, LstmLayers.columnSums(dy.mul(xhat)));
        gradients.put(biasName, LstmLayers.columnSums(dy));
        INDArray dxhat = dy.mulRowVector(gain);
        INDArray meanD = LstmLayers.rowMeans(dxhat);
        INDArray meanDX = LstmLayers.rowMeans(dxhat.mul(xhat));
        return dxhat.subiColumnVector(meanD).subi(xhat.mulColumnVector(meanDX)).muliColumnVector(saved.inverseDeviation());
    }
}
