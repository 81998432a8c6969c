package io.muse4j.models;

import io.muse4j.core.score.Check;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A {@link TokenLstm} run one token at a time over {@code rows} sequences at once, carrying each layer's states
 * from step to step: constant work per token, whatever the length so far. Sampling and beam search use it.
 */
public final class TokenStepper {
    private static final String TOKENS = "tokens";
    private static final String LOGITS = "logits";

    private final LstmConfig config;
    private final int rows;
    private final SameDiff sd = SameDiff.create();
    private final List<String> outputs = new ArrayList<>();
    private INDArray[] h;
    private INDArray[] c;

    /** A stepper over the weights of {@code model} (copied), for {@code rows} sequences. */
    public TokenStepper(TokenLstm model, int rows) {
        Check.atLeast("rows", rows, 1);
        this.config = model.config();
        this.rows = rows;
        int v = config.vocabularySize();
        Random unused = new Random(0);
        SDVariable tokens = sd.placeHolder(TOKENS, DataType.FLOAT, rows, v);
        SDVariable embedding = sd.var("embedding", LstmStack.init(unused, 0, v, config.embedding()));
        SDVariable x = sd.reshape(tokens.mmul(embedding), 1, rows, config.embedding());
        SDVariable hidden = new LstmStack(sd, config, rows, 1).step(x, config.embedding(), unused);
        hidden.mmul(sd.var("softmax_w", LstmStack.init(unused, 0, config.hidden(), v)))
                .add(LOGITS, sd.var("softmax_b", Nd4j.zeros(DataType.FLOAT, v)));
        model.weights().forEach((name, w) -> sd.getVariable(name).getArr().assign(w));
        outputs.add(LOGITS);
        for (int layer = 0; layer < config.layers(); layer++) {
            outputs.add(LstmStack.hOut(layer));
            outputs.add(LstmStack.cOut(layer));
        }
        reset();
    }

    /** The number of sequences stepped together. */
    public int rows() {
        return rows;
    }

    /** Forgets everything seen: every row starts again from zero states. */
    public void reset() {
        h = new INDArray[config.layers()];
        c = new INDArray[config.layers()];
        for (int layer = 0; layer < config.layers(); layer++) {
            h[layer] = Nd4j.zeros(DataType.FLOAT, rows, config.hidden());
            c[layer] = Nd4j.zeros(DataType.FLOAT, rows, config.hidden());
        }
    }

    /** Feeds one token to each row and returns each row's next-token logits (rows, V). */
    public float[][] step(int[] tokens) {
        if (tokens.length != rows) {
            throw new IllegalArgumentException(tokens.length + " tokens for a stepper of " + rows + " rows");
        }
        INDArray oneHot = Nd4j.zeros(DataType.FLOAT, rows, config.vocabularySize());
        for (int row = 0; row < rows; row++) {
            config.checkId(tokens[row]);
            oneHot.putScalar(row, tokens[row], 1f);
        }
        Map<String, INDArray> feeds = new HashMap<>();
        feeds.put(TOKENS, oneHot);
        for (int layer = 0; layer < config.layers(); layer++) {
            feeds.put(LstmStack.hIn(layer), h[layer]);
            feeds.put(LstmStack.cIn(layer), c[layer]);
        }
        Map<String, INDArray> out = sd.output(feeds, outputs.toArray(String[]::new));
        for (int layer = 0; layer < config.layers(); layer++) {
            h[layer] = out.get(LstmStack.hOut(layer)).dup();
            c[layer] = out.get(LstmStack.cOut(layer)).dup();
        }
        return out.get(LOGITS).toFloatMatrix();
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
            h[layer] = Nd4j.pullRows(h[layer], 1, from);
            c[layer] = Nd4j.pullRows(c[layer], 1, from);
        }
    }
}
