package io.muse4j.models.lm;

import io.muse4j.models.nn.LstmCells;
import io.muse4j.models.nn.LstmConfig;
import io.muse4j.models.nn.RowProducts;
import io.muse4j.models.sampling.TokenStepper;
import io.muse4j.core.score.Check;

/**
 * An LSTM {@link TokenModel} run one token at a time over {@code rows} sequences at once, carrying each layer's states
 * from step to step: constant work per token, whatever the length so far. Sampling and beam search use it.
 * <p>
 * One step is a few matrix-vector products, too small for a graph engine's per-op overhead (a SameDiff step of a
 * 3x512 LSTM took ~7 ms), so it runs on plain float arrays ({@link LstmCells}, {@link RowProducts}).
 */
public final class LstmStepper implements TokenStepper {

    private final LstmConfig config;
    private final int rows;
    private final float[] embedding;
    private final LstmCells cells;
    private final float[][] outputWeights;
    private final float[] outputBias;

    /** A stepper over the weights of {@code model} (copied), for {@code rows} sequences. */
    LstmStepper(TokenModel model, int rows) {
        Check.atLeast("rows", rows, 1);
        this.config = (LstmConfig) model.config();
        this.rows = rows;
        embedding = RowProducts.floats(model.weight("embedding"));
        cells = new LstmCells(model.weights(), config.layers(), config.hidden(), rows);
        outputWeights = RowProducts.rows(model.weight("softmax_w"));
        outputBias = RowProducts.floats(model.weight("softmax_b"));
    }

    private LstmStepper(LstmStepper from, int rows) {
        this.config = from.config;
        this.rows = rows;
        embedding = from.embedding;
        cells = from.cells.widened(rows);
        outputWeights = from.outputWeights;
        outputBias = from.outputBias;
    }

    @Override
    public TokenStepper widened(int rows) {
        return new LstmStepper(this, rows);
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public void reset() {
        cells.reset();
    }

    @Override
    public float[][] step(int[] tokens) {
        TokenStepper.checkTokens(config, rows, tokens);
        int e = config.embedding();
        float[][] logits = new float[rows][];
        for (int row = 0; row < rows; row++) {
            float[] x = new float[e];
            System.arraycopy(embedding, tokens[row] * e, x, 0, e);
            logits[row] = logits(cells.step(row, x), outputWeights, outputBias);
        }
        return logits;
    }

    /** The logits {@code top W + b} of a top layer's output. */
    public static float[] logits(float[] top, float[][] outputWeights, float[] outputBias) {
        float[] out = outputBias.clone();
        RowProducts.inHalves(out.length, (from, to) -> RowProducts.addProduct(top, outputWeights, out, from, to));
        return out;
    }

    @Override
    public void reorder(int[] from) {
        TokenStepper.checkOrder(rows, from);
        cells.reorder(from);
    }
}
