package io.muse4j.models.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * The frame head of the classic piano-roll models: one sigmoid per key, each key independent of the others given
 * the past ({@code sigmoid_w}, {@code sigmoid_b}).
 */
final class IndependentKeys extends KeyLogits {
    private final INDArray w;
    private final INDArray b;

    IndependentKeys(int inputSize, int keys, Random random, DataType type) {
        w = Initialisers.fanIn(random, inputSize, keys, type);
        // a key sounds in about 4 of 88 places: start the output there rather than at one half
        b = Nd4j.valueArrayOf(new long[] {keys}, -3.0, type);
    }

    @Override
    public Map<String, INDArray> weights() {
        Map<String, INDArray> weights = new LinkedHashMap<>();
        weights.put("sigmoid_w", w);
        weights.put("sigmoid_b", b);
        return weights;
    }

    @Override
    public Map<String, Number> configValues() {
        return Map.of();
    }

    @Override
    public INDArray logits(INDArray top, INDArray frames) {
        return top.mmul(w).addiRowVector(b);
    }

    @Override
    INDArray backward(INDArray top, INDArray frames, INDArray dLogits, Map<String, INDArray> gradients) {
        gradients.put("sigmoid_w", Nd4j.gemm(top, dLogits, true, false));
        gradients.put("sigmoid_b", LstmLayers.columnSums(dLogits));
        return Nd4j.gemm(dLogits, w, false, true);
    }

    @Override
    public INDArray draw(INDArray top, Random random) {
        double[][] p = Transforms.sigmoid(logits(top, null), false).castTo(DataType.DOUBLE).toDoubleMatrix();
        double[][] frames = new double[p.length][];
        for (int row = 0; row < p.length; row++) {
            frames[row] = new double[p[row].length];
            for (int key = 0; key < p[row].length; key++) {
                frames[row][key] = (random == null ? 0.5 : random.nextDouble()) < p[row][key] ? 1 : 0;
            }
        }
        return Nd4j.create(frames).castTo(w.dataType());
    }
}
