package io.muse4j.models;

import io.muse4j.core.score.Check;

/**
 * An LSTM {@link TokenModel} run one token at a time over {@code rows} sequences at once, carrying each layer's states
 * from step to step: constant work per token, whatever the length so far. Sampling and beam search use it.
 * <p>
 * One step is a few matrix-vector products, too small for a graph engine's per-op overhead (a SameDiff step of a
 * 3x512 LSTM took ~7 ms), so it runs on plain float arrays ({@link RowProducts}). The gates follow ND4J's
 * lstmLayer: z = xW + hR + b split as input, forget, cell, output.
 */
public final class LstmStepper implements TokenStepper {

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
    LstmStepper(TokenModel model, int rows) {
        Check.atLeast("rows", rows, 1);
        this.config = (LstmConfig) model.config();
        this.rows = rows;
        int layers = config.layers();
        embedding = RowProducts.floats(model.weight("embedding"));
        inputWeights = new float[layers][][];
        recurrentWeights = new float[layers][][];
        biases = new float[layers][];
        for (int layer = 0; layer < layers; layer++) {
            inputWeights[layer] = RowProducts.rows(model.weight("lstm" + layer + "_w"));
            recurrentWeights[layer] = RowProducts.rows(model.weight("lstm" + layer + "_r"));
            biases[layer] = RowProducts.floats(model.weight("lstm" + layer + "_b"));
        }
        outputWeights = RowProducts.rows(model.weight("softmax_w"));
        outputBias = RowProducts.floats(model.weight("softmax_b"));
        gates = new float[4 * config.hidden()];
        reset();
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public void reset() {
        h = new float[config.layers()][rows][config.hidden()];
        c = new float[config.layers()][rows][config.hidden()];
    }

    @Override
    public float[][] step(int[] tokens) {
        TokenStepper.checkTokens(config, rows, tokens);
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
            RowProducts.inHalves(out.length, (from, to) -> RowProducts.addProduct(last, outputWeights, out, from, to));
            logits[row] = out;
        }
        return logits;
    }

    /** Advances one layer of one row on input {@code x}. */
    private void cell(int layer, int row, float[] x) {
        LstmCell.step(x, inputWeights[layer], recurrentWeights[layer], biases[layer], h[layer][row], c[layer][row],
                gates);
    }

    @Override
    public void reorder(int[] from) {
        TokenStepper.checkOrder(rows, from);
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
