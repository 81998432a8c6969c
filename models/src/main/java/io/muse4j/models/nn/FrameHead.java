package io.muse4j.models.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;
import java.util.Random;

/**
 * The output layer of a piano-roll stack: each key's logit of sounding in the next frame, given the stack's top row
 * and, for a head that models a frame's keys jointly, the keys below it in that frame. A frame's log-likelihood is
 * then the sum over its keys of each key's Bernoulli log-likelihood, whatever the head, so one cross-entropy serves
 * them all. Rows are frames: the top rows (N, C) and the frames predicted (N, K) line up row by row.
 */
public interface FrameHead {
    /** The head's arrays by name, live. */
    Map<String, INDArray> weights();

    /** What the model file's header needs to rebuild the head, beside the stack's shape (none for independent keys). */
    Map<String, Number> configValues();

    /** Each key's logit (N, K), given the top rows (N, C) and the frames (N, K) whose keys below each key it reads. */
    INDArray logits(INDArray top, INDArray frames);

    /**
     * Back from {@code dLogits}, the loss's gradient at {@link #logits}: puts the gradient of each of the head's
     * arrays into {@code gradients} and returns the gradient at the top rows.
     */
    INDArray backward(INDArray top, INDArray frames, INDArray dLogits, Map<String, INDArray> gradients);

    /**
     * Frames (N, K) of 0 and 1 given the top rows, key by key from the lowest: each key sounding with its
     * probability given the keys drawn below it, drawn from {@code random} (one {@link Random#nextDouble} per key,
     * row by row); or, when {@code random} is null, sounding where that probability is above one half.
     */
    INDArray draw(INDArray top, Random random);

    /**
     * The head over {@code keys} keys on top rows of width {@code inputSize}: independent sigmoids when
     * {@code nadeHidden} is 0, else a {@link Nade} with that many hidden units. Weights are drawn from {@code random}.
     */
    static FrameHead create(int nadeHidden, int inputSize, int keys, Random random, DataType type) {
        return nadeHidden == 0 ? new IndependentKeys(inputSize, keys, random, type)
                : new Nade(inputSize, keys, nadeHidden, random, type);
    }

    /** The head a model file's header describes: {@code nadeHidden} when there, else independent keys. */
    static int nadeHidden(Map<String, Number> config) {
        Number hidden = config.get(Nade.CONFIG_HIDDEN);
        return hidden == null ? 0 : hidden.intValue();
    }
}
