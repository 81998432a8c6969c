package io.muse4j.models.nn;

import io.muse4j.core.score.Check;

import io.muse4j.models.file.ConfigValues;

import java.util.Map;

/**
 * The shape of a model's stack of layers: an LSTM ({@link LstmConfig}) or a transformer ({@link TransformerConfig}).
 * A model file keeps it as its family name and its {@link #values()}.
 */
public sealed interface StackConfig permits LstmConfig, TransformerConfig {
    /** Number of token ids (or of keys, for a piano-roll model). */
    int vocabularySize();

    /** Width of the rows the stack takes. */
    int embedding();

    /** Width of the rows the stack gives. */
    int outputSize();

    /** Share of activations dropped while training, 0 for none. */
    double dropout();

    /** The family's name in model files: "lstm" or "transformer". */
    String family();

    /** The same shape over another vocabulary. */
    StackConfig withVocabularySize(int size);

    /** The shape as named numbers, for the model file's header. */
    default Map<String, Number> values() {
        return ConfigValues.of((Record) this);
    }

    /** Fails unless {@code id} is a token id of this vocabulary. */
    default void checkId(int id) {
        Check.range("token id", id, 0, vocabularySize() - 1);
    }

    /** The shape a model file's header describes; fails on an unknown family or a missing or bad value. */
    public static StackConfig of(String family, Map<String, Number> values) {
        return switch (family) {
            case "lstm" -> LstmConfig.of(values);
            case "transformer" -> TransformerConfig.of(values);
            default -> throw new IllegalArgumentException("unknown model family '" + family + "'");
        };
    }

    /** The named value, failing clearly when it is missing. */
}
