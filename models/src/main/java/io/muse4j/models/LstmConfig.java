package io.muse4j.models;

import io.muse4j.core.score.Check;

/**
 * The shape of an LSTM model: a token language model ({@link TokenLstm}) or a piano-roll model
 * ({@link PianoRollLstm}, whose "vocabulary" is its 88 keys and which has no embedding).
 *
 * @param vocabularySize number of token ids, or of keys
 * @param embedding size of the token embedding
 * @param hidden LSTM units per layer
 * @param layers stacked LSTM layers
 * @param dropout share of each layer's outputs dropped while training (Zaremba et al. 2014), 0 for none
 */
public record LstmConfig(int vocabularySize, int embedding, int hidden, int layers, double dropout) {
    public LstmConfig {
        Check.range("vocabulary size", vocabularySize, 2, 1 << 20);
        Check.range("embedding size", embedding, 1, 1 << 14);
        Check.range("hidden size", hidden, 1, 1 << 14);
        Check.range("LSTM layers", layers, 1, 16);
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout " + dropout + " is outside [0, 1)");
        }
    }

    /** A shape without dropout. */
    public LstmConfig(int vocabularySize, int embedding, int hidden, int layers) {
        this(vocabularySize, embedding, hidden, layers, 0);
    }

    /** Fails unless {@code id} is a token id of this vocabulary. */
    public void checkId(int id) {
        Check.range("token id", id, 0, vocabularySize - 1);
    }
}
