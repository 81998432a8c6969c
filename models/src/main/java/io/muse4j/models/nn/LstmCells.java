package io.muse4j.models.nn;

import io.muse4j.core.score.Check;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;

/**
 * The layers of an {@link LstmLayers} stack stepped one input row at a time for {@code rows} sequences, carrying each
 * layer's states from step to step, on plain float arrays ({@link RowProducts}). {@link io.muse4j.models.lm.LstmStepper} and
 * {@link io.muse4j.models.vae.VaeSampling} step with it, one {@link LstmCell} step per layer. The gates follow ND4J's lstmLayer: z = xW + hR + b split as input, forget,
 * cell, output.
 */
public final class LstmCells {
    private final int layers;
    private final int hidden;
    private final int rows;
    private final float[][][] inputWeights;
    private final float[][][] recurrentWeights;
    private final float[][] biases;
    private final float[] gates;
    private float[][][] h;
    private float[][][] c;

    /** Cells over copies of the named weights ({@link LstmLayers#weightNames}) of {@code layers} layers. */
    public LstmCells(Map<String, INDArray> weights, int layers, int hidden, int rows) {
        Check.atLeast("rows", rows, 1);
        this.layers = layers;
        this.hidden = hidden;
        this.rows = rows;
        inputWeights = new float[layers][][];
        recurrentWeights = new float[layers][][];
        biases = new float[layers][];
        for (int layer = 0; layer < layers; layer++) {
            inputWeights[layer] = RowProducts.rows(weights.get("lstm" + layer + "_w"));
            recurrentWeights[layer] = RowProducts.rows(weights.get("lstm" + layer + "_r"));
            biases[layer] = RowProducts.floats(weights.get("lstm" + layer + "_b"));
        }
        gates = new float[4 * hidden];
        reset();
    }

    /** Cells of {@code rows} rows over the same weights, each row's states copies of row 0's states in {@code from}. */
    private LstmCells(LstmCells from, int rows) {
        Check.atLeast("rows", rows, 1);
        this.layers = from.layers;
        this.hidden = from.hidden;
        this.rows = rows;
        inputWeights = from.inputWeights;
        recurrentWeights = from.recurrentWeights;
        biases = from.biases;
        gates = new float[4 * hidden];
        h = new float[layers][rows][];
        c = new float[layers][rows][];
        for (int layer = 0; layer < layers; layer++) {
            for (int row = 0; row < rows; row++) {
                h[layer][row] = from.h[layer][0].clone();
                c[layer][row] = from.c[layer][0].clone();
            }
        }
    }

    /** Cells of {@code rows} rows, each in the states row 0 is in now; the weights are shared, not copied. */
    public LstmCells widened(int rows) {
        return new LstmCells(this, rows);
    }

    /** The number of sequences stepped. */
    public int rows() {
        return rows;
    }

    /** Zero states for every row. */
    public void reset() {
        h = new float[layers][rows][hidden];
        c = new float[layers][rows][hidden];
    }

    /** Sets one row's states in layer {@code layer}: the cells step on the arrays given. */
    public void start(int row, int layer, float[] hiddenState, float[] cellState) {
        h[layer][row] = hiddenState;
        c[layer][row] = cellState;
    }

    /** Advances every layer of one row on input {@code x}; returns the top layer's output (live: copy to keep). */
    public float[] step(int row, float[] x) {
        float[] in = x;
        for (int layer = 0; layer < layers; layer++) {
            cell(layer, row, in);
            in = h[layer][row];
        }
        return in;
    }

    /** Advances one layer of one row on input {@code x}. */
    private void cell(int layer, int row, float[] x) {
        LstmCell.step(x, inputWeights[layer], recurrentWeights[layer], biases[layer], h[layer][row], c[layer][row],
                gates);
    }

    /** A copy of every row's states in every layer, [hidden or cell][layer][row], to go back to ({@link #restore}). */
    public float[][][][] saved() {
        float[][][][] saved = new float[2][layers][rows][];
        for (int layer = 0; layer < layers; layer++) {
            for (int row = 0; row < rows; row++) {
                saved[0][layer][row] = h[layer][row].clone();
                saved[1][layer][row] = c[layer][row].clone();
            }
        }
        return saved;
    }

    /** Puts back the states {@link #saved} copied (copying them again, so they can be restored once more). */
    public void restore(float[][][][] saved) {
        for (int layer = 0; layer < layers; layer++) {
            for (int row = 0; row < rows; row++) {
                h[layer][row] = saved[0][layer][row].clone();
                c[layer][row] = saved[1][layer][row].clone();
            }
        }
    }

    /** Row {@code i} takes the states row {@code from[i]} had. */
    public void reorder(int[] from) {
        for (int layer = 0; layer < layers; layer++) {
            float[][] newH = new float[rows][];
            float[][] newC = new float[rows][];
            for (int row = 0; row < rows; row++) {
                newH[row] = h[layer][from[row]].clone();
                newC[row] = c[layer][from[row]].clone();
            }
            h[layer] = newH;
            c[layer] = newC;
        }
    }
}
