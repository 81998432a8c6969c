package io.muse4j.models.sampling;

import io.muse4j.models.nn.StackConfig;
import io.muse4j.core.score.Check;

/**
 * A {@link io.muse4j.models.lm.TokenModel} run one token at a time over {@code rows()} sequences at once, carrying what it has seen
 * from step to step (an LSTM's states, a transformer's keys and values), so that a step costs no more however long
 * the sequence so far. Sampling and beam search use it.
 */
public interface TokenStepper {
    /** The number of sequences stepped together. */
    int rows();

    /** Forgets everything seen: every row starts again from the beginning. */
    void reset();

    /** Feeds one token to each row and returns each row's next-token logits (rows, V). */
    float[][] step(int[] tokens);

    /** Reorders the rows' states: row {@code i} takes the state row {@code from[i]} had (for beam search). */
    void reorder(int[] from);

    /**
     * A stepper of {@code rows} rows over the same weights, each row in the state this one's row 0 is in now: a
     * sequence fed once, then continued in several ways (as a tune's last bar is drawn again). This one is unchanged.
     */
    TokenStepper widened(int rows);

    /** Fails unless {@code tokens} holds one token id of the vocabulary per row. */
    static void checkTokens(StackConfig config, int rows, int[] tokens) {
        if (tokens.length != rows) {
            throw new IllegalArgumentException(tokens.length + " tokens for a stepper of " + rows + " rows");
        }
        for (int token : tokens) {
            config.checkId(token);
        }
    }

    /** Fails unless {@code from} names a row for each row. */
    static void checkOrder(int rows, int[] from) {
        if (from.length != rows) {
            throw new IllegalArgumentException(from.length + " rows given for a stepper of " + rows);
        }
        for (int row : from) {
            Check.range("row", row, 0, rows - 1);
        }
    }
}
