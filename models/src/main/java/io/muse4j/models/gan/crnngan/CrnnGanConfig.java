package io.muse4j.models.gan.crnngan;

import io.muse4j.models.file.ConfigValues;

import io.muse4j.models.nn.LstmConfig;
import io.muse4j.core.score.Check;

import java.util.Map;

/**
 * The shape of a {@link CrnnGan}.
 *
 * @param noise random numbers fed to the generator at each step
 * @param hidden LSTM units per generator layer
 * @param layers LSTM layers of the generator and of each direction of the discriminator
 * @param discriminatorHidden LSTM units per layer of each direction of the discriminator
 * @param length notes per training sequence
 */
public record CrnnGanConfig(int noise, int hidden, int layers, int discriminatorHidden, int length) {
    public CrnnGanConfig {
        Check.range("noise size", noise, 1, 4096);
        Check.range("hidden size", hidden, 1, 1 << 14);
        Check.range("LSTM layers", layers, 1, 16);
        Check.range("discriminator hidden size", discriminatorHidden, 1, 1 << 14);
        Check.range("sequence length", length, 2, 1 << 16);
    }

    /** The config a model file's named numbers describe. */
    public static CrnnGanConfig of(Map<String, Number> values) {
        return ConfigValues.read(CrnnGanConfig.class, values, Map.of());
    }

    /** The config as named numbers, for the model file's header. */
    public Map<String, Number> values() {
        return ConfigValues.of(this);
    }

    /** The LSTM shape of {@code units} per layer over this config's layers (the vocabulary size is unused). */
    LstmConfig lstm(int units) {
        return new LstmConfig(2, 1, units, layers);
    }
}
