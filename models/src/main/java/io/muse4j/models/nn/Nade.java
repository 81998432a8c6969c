package io.muse4j.models.nn;

import io.muse4j.core.score.Check;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * A neural autoregressive distribution estimator (Larochelle &amp; Murray 2011) over a frame's keys, as the frame
 * head of a piano-roll stack: the RNN-NADE of Boulanger-Lewandowski et al. (2012) over an LSTM, or over a
 * transformer. Key {@code i} sounds with probability
 * {@code sigmoid(bv_i + V_i . sigmoid(bh + sum_{j<i} v_j W_j))}, so a frame's likelihood is exact and its keys are
 * modelled jointly. The stack's top row gives both biases: {@code bv = top Cv + b} and {@code bh = top Ch + c};
 * {@code W}, {@code V} are shared by every frame.
 *
 * <p>The biases and their gradients are matrix products over all frames at once; the keys of each frame are walked
 * one by one on plain arrays ({@link NadeRows}, which says why).
 */
final class Nade extends KeyLogits {
    /** The config value naming the hidden units; its presence in a model file's header means a NADE head. */
    static final String CONFIG_HIDDEN = "nadeHidden";

    private final int keys;
    private final int hidden;
    private final INDArray w;
    private final INDArray v;
    private final INDArray b;
    private final INDArray c;
    private final INDArray contextVisible;
    private final INDArray contextHidden;

    Nade(int inputSize, int keys, int hidden, Random random, DataType type) {
        Check.range("NADE hidden units", hidden, 1, 1 << 14);
        this.keys = keys;
        this.hidden = hidden;
        contextVisible = Initialisers.fanIn(random, inputSize, keys, type);
        contextHidden = Initialisers.fanIn(random, inputSize, hidden, type);
        w = Initialisers.fanIn(random, keys, hidden, type);
        v = Initialisers.fanIn(random, hidden, keys, type).transpose().dup('c');
        // a key sounds in about 4 of 88 places: start the output there rather than at one half
        b = Nd4j.valueArrayOf(new long[] {keys}, -3.0, type);
        c = Nd4j.zeros(type, hidden);
    }

    @Override
    public Map<String, INDArray> weights() {
        Map<String, INDArray> weights = new LinkedHashMap<>();
        weights.put("nade_context_visible", contextVisible);
        weights.put("nade_context_hidden", contextHidden);
        weights.put("nade_w", w);
        weights.put("nade_v", v);
        weights.put("nade_visible_b", b);
        weights.put("nade_hidden_b", c);
        return weights;
    }

    @Override
    public Map<String, Number> configValues() {
        return Map.of(CONFIG_HIDDEN, hidden);
    }

    @Override
    public INDArray logits(INDArray top, INDArray frames) {
        double[][] visibleBiases = matrix(visibleBiases(top));
        double[][] hiddenBiases = matrix(hiddenBiases(top));
        double[][] keyRows = matrix(frames);
        NadeRows rows = rows();
        double[][] logits = new double[keyRows.length][keys];
        for (int n = 0; n < keyRows.length; n++) {
            rows.logits(visibleBiases[n], hiddenBiases[n], keyRows[n], logits[n]);
        }
        return created(logits, top.dataType());
    }

    @Override
    INDArray backward(INDArray top, INDArray frames, INDArray dLogits, Map<String, INDArray> gradients) {
        double[][] visibleBiases = matrix(visibleBiases(top));
        double[][] hiddenBiases = matrix(hiddenBiases(top));
        double[][] keyRows = matrix(frames);
        double[][] dLogitRows = matrix(dLogits);
        NadeRows rows = rows();
        double[] dW = new double[keys * hidden];
        double[] dV = new double[keys * hidden];
        double[][] dHiddenBiases = new double[keyRows.length][hidden];
        for (int n = 0; n < keyRows.length; n++) {
            if (Arrays.stream(dLogitRows[n]).anyMatch(g -> g != 0)) {
                rows.backward(visibleBiases[n], hiddenBiases[n], keyRows[n], dLogitRows[n], dW, dV,
                        dHiddenBiases[n]);
            }
        }
        DataType type = top.dataType();
        INDArray dBh = created(dHiddenBiases, type);
        gradients.put("nade_context_visible", Nd4j.gemm(top, dLogits, true, false));
        gradients.put("nade_context_hidden", Nd4j.gemm(top, dBh, true, false));
        gradients.put("nade_w", Nd4j.create(dW, new long[] {keys, hidden}, 'c').castTo(type));
        gradients.put("nade_v", Nd4j.create(dV, new long[] {keys, hidden}, 'c').castTo(type));
        gradients.put("nade_visible_b", LstmLayers.columnSums(dLogits));
        gradients.put("nade_hidden_b", LstmLayers.columnSums(dBh));
        INDArray dTop = Nd4j.gemm(dLogits, contextVisible, false, true);
        return Nd4j.gemm(dBh, contextHidden, dTop, false, true, 1, 1);
    }

    @Override
    public INDArray draw(INDArray top, Random random) {
        double[][] visibleBiases = matrix(visibleBiases(top));
        double[][] hiddenBiases = matrix(hiddenBiases(top));
        NadeRows rows = rows();
        double[][] frames = new double[visibleBiases.length][keys];
        for (int n = 0; n < frames.length; n++) {
            rows.draw(visibleBiases[n], hiddenBiases[n], random == null ? () -> 0.5 : random::nextDouble, frames[n]);
        }
        return created(frames, top.dataType());
    }

    private NadeRows rows() {
        return new NadeRows(keys, hidden, w.castTo(DataType.DOUBLE).data().asDouble(),
                v.castTo(DataType.DOUBLE).data().asDouble());
    }

    /** A matrix's rows as plain arrays (ND4J's toDoubleMatrix reads element by element, far slower). */
    private static double[][] matrix(INDArray a) {
        double[] flat = a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        int columns = (int) a.columns();
        double[][] rows = new double[(int) a.rows()][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = Arrays.copyOfRange(flat, r * columns, (r + 1) * columns);
        }
        return rows;
    }

    private static INDArray created(double[][] rows, DataType type) {
        int columns = rows.length == 0 ? 0 : rows[0].length;
        double[] flat = new double[rows.length * columns];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, flat, r * columns, columns);
        }
        return Nd4j.create(flat, new long[] {rows.length, columns}, 'c').castTo(type);
    }

    private INDArray visibleBiases(INDArray top) {
        return top.mmul(contextVisible).addiRowVector(b);
    }

    private INDArray hiddenBiases(INDArray top) {
        return top.mmul(contextHidden).addiRowVector(c);
    }
}
