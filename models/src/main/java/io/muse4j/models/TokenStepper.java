package io.muse4j.models;

import io.muse4j.core.score.Check;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A {@link TokenLstm} run one token at a time over {@code rows} sequences at once, carrying each layer's states
 * from step to step: constant work per token, whatever the length so far. Sampling and beam search use it.
 * <p>
 * One step is a few matrix-vector products, too small for a graph engine's per-op overhead (a SameDiff step of a
 * 3x512 LSTM took ~7 ms), so it runs on plain float arrays: each product is a sum of scaled weight rows, a loop
 * the JIT vectorises. The gates follow ND4J's lstmLayer: z = xW + hR + b split as input, forget, cell, output.
 * A step reads every weight once, so one core is bound by memory bandwidth; on two or more threads
 * ({@link CpuThreads}) a second one, which spins between products ({@link SpinningHelper}), computes half of each
 * product's columns.
 */
public final class TokenStepper {
    /** Products narrower than this stay on one thread: the hand-over would cost more than it saves. */
    private static final int MIN_SPLIT_COLUMNS = 512;
    private static SpinningHelper helper;

    private final LstmConfig config;
    private final int rows;
    private final float[] embedding;
    private final float[][][] inputWeights;
    private final float[][][] recurrentWeights;
    private final float[][] biases;
    private final float[][] outputWeights;
    private final float[] outputBias;
    private final float[] gates;
    private float[][][] h;
    private float[][][] c;

    /** A stepper over the weights of {@code model} (copied), for {@code rows} sequences. */
    public TokenStepper(TokenLstm model, int rows) {
        Check.atLeast("rows", rows, 1);
        this.config = model.config();
        this.rows = rows;
        int layers = config.layers();
        embedding = floats(model.weight("embedding"));
        inputWeights = new float[layers][][];
        recurrentWeights = new float[layers][][];
        biases = new float[layers][];
        for (int layer = 0; layer < layers; layer++) {
            inputWeights[layer] = rows(model.weight("lstm" + layer + "_w"));
            recurrentWeights[layer] = rows(model.weight("lstm" + layer + "_r"));
            biases[layer] = floats(model.weight("lstm" + layer + "_b"));
        }
        outputWeights = rows(model.weight("softmax_w"));
        outputBias = floats(model.weight("softmax_b"));
        gates = new float[4 * config.hidden()];
        reset();
    }

    private static float[] floats(INDArray array) {
        return array.dup('c').data().asFloat();
    }

    /**
     * A matrix as an array per row. The JIT vectorises a product over separate row arrays four times faster than
     * over one flat array, where it cannot rule out that a row and the output overlap.
     */
    private static float[][] rows(INDArray matrix) {
        float[] flat = floats(matrix);
        int columns = (int) matrix.columns();
        float[][] rows = new float[(int) matrix.rows()][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = java.util.Arrays.copyOfRange(flat, r * columns, (r + 1) * columns);
        }
        return rows;
    }

    /** The number of sequences stepped together. */
    public int rows() {
        return rows;
    }

    /** Forgets everything seen: every row starts again from zero states. */
    public void reset() {
        h = new float[config.layers()][rows][config.hidden()];
        c = new float[config.layers()][rows][config.hidden()];
    }

    /** Feeds one token to each row and returns each row's next-token logits (rows, V). */
    public float[][] step(int[] tokens) {
        if (tokens.length != rows) {
            throw new IllegalArgumentException(tokens.length + " tokens for a stepper of " + rows + " rows");
        }
        for (int token : tokens) {
            config.checkId(token);
        }
        int e = config.embedding();
        float[][] logits = new float[rows][];
        for (int row = 0; row < rows; row++) {
            float[] x = new float[e];
            System.arraycopy(embedding, tokens[row] * e, x, 0, e);
            for (int layer = 0; layer < config.layers(); layer++) {
                cell(layer, row, x);
                x = h[layer][row];
            }
            float[] out = outputBias.clone();
            float[] last = x;
            inHalves(out.length, (from, to) -> addProduct(last, outputWeights, out, from, to));
            logits[row] = out;
        }
        return logits;
    }

    /** Advances one layer of one row on input {@code x}. */
    private void cell(int layer, int row, float[] x) {
        int n = config.hidden();
        System.arraycopy(biases[layer], 0, gates, 0, gates.length);
        float[] hidden = h[layer][row];
        float[] cellState = c[layer][row];
        inHalves(gates.length, (from, to) -> {
            addProduct(x, inputWeights[layer], gates, from, to);
            addProduct(hidden, recurrentWeights[layer], gates, from, to);
        });
        for (int j = 0; j < n; j++) {
            float input = sigmoid(gates[j]);
            float forget = sigmoid(gates[n + j]);
            float candidate = tanh(gates[2 * n + j]);
            float output = sigmoid(gates[3 * n + j]);
            cellState[j] = forget * cellState[j] + input * candidate;
            hidden[j] = output * tanh(cellState[j]);
        }
    }

    /** Work on the output columns {@code from} (inclusive) to {@code to} (exclusive). */
    private interface Columns {
        void run(int from, int to);
    }

    /** Runs the work over {@code columns} columns, half of them on the helper thread when there are two threads. */
    private static void inHalves(int columns, Columns work) {
        SpinningHelper helper = helper();
        if (helper == null || columns < MIN_SPLIT_COLUMNS) {
            work.run(0, columns);
            return;
        }
        int half = columns / 2 / 16 * 16; // whole vector lengths on each side
        helper.runBoth(() -> work.run(0, half), () -> work.run(half, columns));
    }

    private static synchronized SpinningHelper helper() {
        if (helper == null && CpuThreads.count() >= 2) {
            helper = new SpinningHelper();
        }
        return helper;
    }

    /**
     * {@code out[from..to) += (v M)[from..to)} for a matrix M of {@code v.length} rows, four rows at a time so that
     * {@code out} is loaded and stored a quarter as often as M's rows are read.
     */
    private static void addProduct(float[] v, float[][] matrix, float[] out, int from, int to) {
        int i = 0;
        for (; i + 4 <= v.length; i += 4) {
            float v0 = v[i];
            float v1 = v[i + 1];
            float v2 = v[i + 2];
            float v3 = v[i + 3];
            float[] m0 = matrix[i];
            float[] m1 = matrix[i + 1];
            float[] m2 = matrix[i + 2];
            float[] m3 = matrix[i + 3];
            for (int j = from; j < to; j++) {
                out[j] += v0 * m0[j] + v1 * m1[j] + v2 * m2[j] + v3 * m3[j];
            }
        }
        for (; i < v.length; i++) {
            float vi = v[i];
            float[] m = matrix[i];
            for (int j = from; j < to; j++) {
                out[j] += vi * m[j];
            }
        }
    }

    private static float sigmoid(float z) {
        return (float) (1 / (1 + Math.exp(-z)));
    }

    /** tanh through the exponential, which the JIT makes an intrinsic: twice as fast as Math.tanh here. */
    private static float tanh(float z) {
        return (float) (1 - 2 / (Math.exp(2.0 * z) + 1));
    }

    /** Reorders the rows' states: row {@code i} takes the state row {@code from[i]} had (for beam search). */
    public void reorder(int[] from) {
        if (from.length != rows) {
            throw new IllegalArgumentException(from.length + " rows given for a stepper of " + rows);
        }
        for (int row : from) {
            Check.range("row", row, 0, rows - 1);
        }
        for (int layer = 0; layer < config.layers(); layer++) {
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
