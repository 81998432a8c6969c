package io.muse4j.models.lookback;

import io.muse4j.core.score.Check;
import io.muse4j.models.file.ConfigValues;
import io.muse4j.models.nn.LstmConfig;

import java.util.Map;

/**
 * The shape of a {@link LookbackRnn}.
 *
 * @param events melody events (the melody vocabulary's size); the labels add two repeats
 * @param hidden LSTM units per layer
 * @param layers stacked LSTM layers
 * @param dropout share of each layer's outputs dropped while training, 0 for none
 */
public record LookbackConfig(int events, int hidden, int layers, double dropout) {
    public LookbackConfig {
        new LookbackEncoding(events);
        Check.range("hidden size", hidden, 1, 1 << 14);
        Check.range("LSTM layers", layers, 1, 16);
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout " + dropout + " is outside [0, 1)");
        }
    }

    /** The config a model file's named numbers describe. */
    static LookbackConfig of(Map<String, Number> values) {
        return ConfigValues.read(LookbackConfig.class, values, Map.of("dropout", 0.0));
    }

    /** The inputs and labels of this many events. */
    public LookbackEncoding encoding() {
        return new LookbackEncoding(events);
    }

    /** The LSTM stack's shape: it takes the encoding's input rows and feeds a softmax over its labels. */
    LstmConfig lstm() {
        LookbackEncoding encoding = encoding();
        return new LstmConfig(encoding.labels(), encoding.inputSize(), hidden, layers, dropout);
    }
}
