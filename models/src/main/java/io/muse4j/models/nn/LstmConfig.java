package io.muse4j.models.nn;

import io.muse4j.models.file.ConfigValues;

import io.muse4j.core.score.Check;

import java.util.Map;

/**
 * The shape of an LSTM model: a token language model ({@link io.muse4j.models.lm.TokenModel}) or a piano-roll model
 * ({@link io.muse4j.models.lm.PianoRollModel}, whose "vocabulary" is its 88 keys and which has no embedding).
 *
 * @param vocabularySize number of token ids, or of keys
 * @param embedding size of the token embedding
 * @param hidden LSTM units per layer
 * @param layers stacked LSTM layers
 * @param dropout share of each layer's outputs dropped while training (Zaremba et al. 2014), 0 for none
 */
public record LstmConfig(int vocabularySize, int embedding, int hidden, int layers, double dropout)
        implements StackConfig {
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

    /** The shape a model file's header describes. */
    static LstmConfig of(Map<String, Number> values) {
        return ConfigValues.read(LstmConfig.class, values, Map.of("dropout", 0.0));
    }

    @Override
    public int outputSize() {
        return hidden;
    }

    @Override
    public String family() {
        return "lstm";
    }

    @Override
    public LstmConfig withVocabularySize(int size) {
        return new LstmConfig(size, embedding, hidden, layers, dropout);
    }

}
