package io.muse4j.models.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;
import java.util.Random;

/**
 * A dense layer, leaky ReLU, over inputs that are one-hot codes: each input row is given by the indices of its ones
 * (several codes side by side, so several ones a row). The forward pass sums the ones' rows of the weights and the
 * backward pass adds each row's gradient to the ones' rows, instead of multiplying a mostly-zero matrix: for a few
 * hundred ones among thousands of inputs, a hundred times less work and memory than {@link DenseLayer}.
 *
 * @param name the weights' names are {@code name_w} (in, out) and {@code name_b} (out), as a {@link DenseLayer}'s
 * @param w the weights (in, out)
 * @param b the biases (out)
 */
public record OneHotLayer(String name, INDArray w, INDArray b) {
    /** A layer of {@code in} inputs with weights uniform in +-1/sqrt(in) drawn from {@code random}, zero biases. */
    public static OneHotLayer of(String name, int in, int out, Random random) {
        return new OneHotLayer(name, Initialisers.fanIn(random, in, out, DataType.FLOAT),
                Nd4j.zeros(DataType.FLOAT, out));
    }

    /** The layer's weights by name, live. */
    public void putWeights(Map<String, INDArray> weights) {
        weights.put(name + "_w", w);
        weights.put(name + "_b", b);
    }

    /** A pass: the rows' ones, the output rows (N, out) and each output's slope. */
    public record Pass(int[][] ones, INDArray y, float[][] slope) {
    }

    /** The layer over rows given by their ones' indices. */
    public Pass forward(int[][] ones) {
        float[] weights = w.data().asFloat();
        float[] bias = b.toFloatVector();
        int out = bias.length;
        float[][] y = new float[ones.length][];
        float[][] slope = new float[ones.length][out];
        for (int r = 0; r < ones.length; r++) {
            float[] z = bias.clone();
            for (int input : ones[r]) {
                int from = input * out;
                for (int j = 0; j < out; j++) {
                    z[j] += weights[from + j];
                }
            }
            for (int j = 0; j < out; j++) {
                slope[r][j] = z[j] > 0 ? 1 : (float) DenseLayer.LEAK;
                z[j] *= slope[r][j];
            }
            y[r] = z;
        }
        return new Pass(ones, Nd4j.createFromArray(y), slope);
    }

    /** Back from the gradient at the output rows: the weights' gradients go into {@code gradients}. */
    public void backward(Pass pass, INDArray dy, Map<String, INDArray> gradients) {
        float[][] dz = dy.toFloatMatrix();
        int out = (int) b.length();
        float[] dw = new float[(int) w.length()];
        float[] db = new float[out];
        for (int r = 0; r < dz.length; r++) {
            for (int j = 0; j < out; j++) {
                dz[r][j] *= pass.slope()[r][j];
                db[j] += dz[r][j];
            }
            for (int input : pass.ones()[r]) {
                int from = input * out;
                for (int j = 0; j < out; j++) {
                    dw[from + j] += dz[r][j];
                }
            }
        }
        gradients.merge(name + "_w", Nd4j.create(dw, w.shape(), 'c'), INDArray::add);
        gradients.merge(name + "_b", Nd4j.createFromArray(db), INDArray::add);
    }
}
