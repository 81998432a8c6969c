package io.muse4j.models.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;
import java.util.Random;

/**
 * A dense layer on rows, {@code y = f(x W + b)} with {@code f} leaky ReLU (slope {@link #LEAK} below zero) or the
 * identity, with its backward pass. A convolution whose kernel spans its whole input along one axis is one on the
 * rows that hold that axis; MidiNet's layers are all of that kind ({@link io.muse4j.models.gan.midinet.MidiNet}).
 *
 * @param name the weights' names are {@code name_w} (in, out) and {@code name_b} (out)
 * @param w the weights (in, out)
 * @param b the biases (out)
 * @param leaky whether the output goes through leaky ReLU
 */
public record DenseLayer(String name, INDArray w, INDArray b, boolean leaky) {
    /** Leaky ReLU's slope below zero. */
    public static final double LEAK = 0.2;

    /** A layer with weights uniform in +-1/sqrt(in) drawn from {@code random} and zero biases. */
    public static DenseLayer of(String name, int in, int out, boolean leaky, Random random, DataType type) {
        return new DenseLayer(name, Initialisers.fanIn(random, in, out, type), Nd4j.zeros(type, out), leaky);
    }

    /** The layer's weights by name, live. */
    public void putWeights(Map<String, INDArray> weights) {
        weights.put(name + "_w", w);
        weights.put(name + "_b", b);
    }

    /** A pass: the input rows, the output rows and, for leaky ReLU, each output's slope. */
    public record Pass(INDArray x, INDArray y, INDArray slope) {
    }

    /** The layer over input rows (N, in). */
    public Pass forward(INDArray x) {
        INDArray z = x.mmul(w).addiRowVector(b);
        if (!leaky) {
            return new Pass(x, z, null);
        }
        INDArray slope = z.gt(0).castTo(z.dataType()).muli(1 - LEAK).addi(LEAK);
        return new Pass(x, z.mul(slope), slope);
    }

    /**
     * Back from the gradient at the output rows: the weights' gradients go into {@code gradients}; returns the
     * gradient at the input rows.
     */
    public INDArray backward(Pass pass, INDArray dy, Map<String, INDArray> gradients) {
        INDArray dz = pass.slope() == null ? dy : dy.mul(pass.slope());
        gradients.merge(name + "_w", Nd4j.gemm(pass.x(), dz, true, false), INDArray::add);
        gradients.merge(name + "_b", LstmLayers.columnSums(dz), INDArray::add);
        return Nd4j.gemm(dz, w, false, true);
    }
}
