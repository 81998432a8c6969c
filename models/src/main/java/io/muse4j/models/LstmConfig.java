package io.muse4j.models;

import io.muse4j.core.score.Check;

/**
 * The shape of a token LSTM language model.
 *
 * @param vocabularySize number of token ids
 * @param embedding size of the token embedding
 * @param hidden LSTM units per layer
 * @param layers stacked LSTM layers
 */
public record LstmConfig(int vocabularySize, int embedding, int hidden, int layers) {
    public LstmConfig {
        Check.range("vocabulary size", vocabularySize, 2, 1 << 20);
        Check.range("embedding size", embedding, 1, 1 << 14);
        Check.range("hidden size", hidden, 1, 1 << 14);
        Check.range("LSTM layers", layers, 1, 16);
    }

    /** Fails unless {@code id} is a token id of this vocabulary. */
    public void checkId(int id) {
        Check.range("token id", id, 0, vocabularySize - 1);
    }
}
