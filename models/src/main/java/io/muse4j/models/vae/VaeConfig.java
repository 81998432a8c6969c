package io.muse4j.models.vae;

import io.muse4j.models.file.ConfigValues;

import io.muse4j.models.nn.LstmConfig;
import io.muse4j.core.score.Check;

import java.util.Locale;
import java.util.Map;

/**
 * The shape of a {@link MusicVae}.
 *
 * @param vocabularySize number of token ids
 * @param embedding size of the token embedding (shared by encoder and decoder)
 * @param hidden LSTM units per layer of the encoder (each direction), the conductor and the decoder
 * @param layers stacked LSTM layers of each of them
 * @param latent size of the latent vector z
 * @param bars bars per window
 * @param stepsPerBar tokens per bar
 * @param decoder flat (one LSTM over the whole window, the VRAE) or hierarchical (conductor and per-bar decoder)
 */
public record VaeConfig(int vocabularySize, int embedding, int hidden, int layers, int latent, int bars,
                        int stepsPerBar, Decoder decoder) {
    /** The decoder kinds. */
    public enum Decoder {
        /** One LSTM over the whole window, conditioned on z at every step (Fabius and van Amersfoort 2014). */
        FLAT,
        /** A conductor LSTM gives one embedding per bar; a bar decoder, started every bar from it, decodes the bar. */
        HIERARCHICAL;

        /** The name in model files and on the command line. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public VaeConfig {
        Check.range("vocabulary size", vocabularySize, 2, 1 << 20);
        Check.range("embedding size", embedding, 1, 1 << 14);
        Check.range("hidden size", hidden, 1, 1 << 14);
        Check.range("LSTM layers", layers, 1, 16);
        Check.range("latent size", latent, 1, 1 << 14);
        Check.range("bars", bars, 1, 256);
        Check.range("steps per bar", stepsPerBar, 1, 1024);
        if (decoder == null) {
            throw new IllegalArgumentException("no decoder kind: flat or hierarchical");
        }
    }

    /** Tokens per window. */
    public int steps() {
        return bars * stepsPerBar;
    }

    /** The model file's kind: "vae-flat" or "vae-hierarchical". */
    public String kind() {
        return "vae-" + decoder.label();
    }

    /** The shape as named numbers, for the model file's header (the decoder goes in the kind). */
    public Map<String, Number> values() {
        return ConfigValues.of(this);
    }

    /** The config a model file's kind and named numbers describe. */
    public static VaeConfig of(String kind, Map<String, Number> values) {
        Decoder decoder = switch (kind) {
            case "vae-flat" -> Decoder.FLAT;
            case "vae-hierarchical" -> Decoder.HIERARCHICAL;
            default -> throw new IllegalArgumentException("unknown VAE kind '" + kind + "'");
        };
        return ConfigValues.read(VaeConfig.class, values, Map.of(), decoder);
    }

    /** The LSTM shape of one of the VAE's stacks over inputs of {@code inputSize}. */
    LstmConfig stack(int inputSize) {
        return new LstmConfig(vocabularySize, inputSize, hidden, layers);
    }
}
