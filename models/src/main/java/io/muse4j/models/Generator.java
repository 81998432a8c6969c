package io.muse4j.models;

import io.muse4j.core.score.Check;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

/**
 * Continues a token sequence with a {@link TokenLstm} built for one sequence of {@code window} steps: each new
 * token is drawn from the logits at the last position of the latest {@code window} tokens (later positions are
 * padding, which an LSTM cannot see). Context older than the window is forgotten.
 */
public final class Generator {
    private final TokenLstm model;
    private final int window;

    /** A generator over a model whose graph takes batches of 1 sequence of {@code window} tokens. */
    public Generator(TokenLstm model, int window) {
        Check.atLeast("window", window, 1);
        this.model = model;
        this.window = window;
    }

    /** The primer followed by {@code count} drawn tokens. */
    public int[] continueFrom(int[] primer, int count, Sampler sampler) {
        if (primer.length == 0) {
            throw new IllegalArgumentException("a primer of at least one token is needed");
        }
        Check.atLeast("tokens to generate", count, 0);
        int[] tokens = Arrays.copyOf(primer, primer.length + count);
        int vocabulary = model.config().vocabularySize();
        for (int n = primer.length; n < tokens.length; n++) {
            int start = Math.max(0, n - window);
            int[][] input = new int[1][window];
            System.arraycopy(tokens, start, input[0], 0, n - start);
            INDArray logits = model.logits(input);
            float[] last = logits.getRow(n - start - 1).dup().data().asFloat();
            tokens[n] = sampler.sample(Arrays.copyOf(last, vocabulary));
        }
        return tokens;
    }
}
