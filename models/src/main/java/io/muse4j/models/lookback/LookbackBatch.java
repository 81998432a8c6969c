package io.muse4j.models.lookback;

import java.util.Arrays;

/**
 * A batch of a {@link LookbackRnn}: each step's input and the label of the step after it.
 *
 * @param inputs input vectors (B, T, {@link LookbackEncoding#inputSize()})
 * @param labels next-step labels (B, T)
 * @param mask 1 where a label counts, 0 over padding (B, T)
 */
record LookbackBatch(float[][][] inputs, int[][] labels, float[][] mask) {
    /** Sequences in the batch. */
    int sequences() {
        return inputs.length;
    }

    /** Steps per sequence. */
    int steps() {
        return inputs[0].length;
    }

    /** The labels that count. */
    int counted() {
        int count = 0;
        for (float[] row : mask) {
            for (float m : row) {
                count += m > 0 ? 1 : 0;
            }
        }
        return count;
    }

    /** The sequences {@code from} (inclusive) to {@code to} (exclusive) as a batch of their own. */
    LookbackBatch rows(int from, int to) {
        return new LookbackBatch(Arrays.copyOfRange(inputs, from, to), Arrays.copyOfRange(labels, from, to),
                Arrays.copyOfRange(mask, from, to));
    }
}
