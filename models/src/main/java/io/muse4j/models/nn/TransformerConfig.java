package io.muse4j.models.nn;

import io.muse4j.models.file.ConfigValues;

import io.muse4j.core.score.Check;

import java.util.Map;

/**
 * The shape of a decoder-only transformer with relative self-attention (Music Transformer, Huang et al. 2018).
 *
 * @param vocabularySize number of token ids, or the 88 keys of a piano-roll model
 * @param width the model's width (d_model): embedding, attention and residual rows
 * @param heads attention heads; they split the width evenly
 * @param layers blocks of attention and feed-forward layer
 * @param feedForward hidden units of each block's feed-forward layer
 * @param maxRelative relative distances 0 .. maxRelative-1 have a learned embedding (farther ones none), and
 *                    sampling attends to at most this many positions back (a sliding window)
 * @param sharedRelative one relative embedding for all heads rather than one per head
 * @param dropout share of the embedding's and each sub-layer's outputs dropped while training, 0 for none
 */
public record TransformerConfig(int vocabularySize, int width, int heads, int layers, int feedForward, int maxRelative,
                                boolean sharedRelative, double dropout) implements StackConfig {
    public TransformerConfig {
        Check.range("vocabulary size", vocabularySize, 2, 1 << 20);
        Check.range("model width", width, 1, 1 << 14);
        Check.range("attention heads", heads, 1, width);
        if (width % heads != 0) {
            throw new IllegalArgumentException("model width " + width + " does not split into " + heads + " heads");
        }
        Check.range("transformer layers", layers, 1, 64);
        Check.range("feed-forward size", feedForward, 1, 1 << 16);
        Check.range("maximum relative distance", maxRelative, 1, 1 << 16);
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout " + dropout + " is outside [0, 1)");
        }
    }

    /** The shape a model file's header describes. */
    static TransformerConfig of(Map<String, Number> values) {
        return ConfigValues.read(TransformerConfig.class, values, Map.of("dropout", 0.0));
    }

    /** The width of one head. */
    public int headWidth() {
        return width / heads;
    }

    @Override
    public int embedding() {
        return width;
    }

    @Override
    public int outputSize() {
        return width;
    }

    @Override
    public String family() {
        return "transformer";
    }

    @Override
    public TransformerConfig withVocabularySize(int size) {
        return new TransformerConfig(size, width, heads, layers, feedForward, maxRelative, sharedRelative, dropout);
    }

}
