package io.muse4j.models.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.function.IntToDoubleFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Checks drawn frames of a few keys against the distribution they were drawn from. */
final class DrawnFrames {
    private DrawnFrames() {
    }

    /**
     * Fails unless each of the 2^keys frames (frame p has key k where bit k of p is set) is drawn as often as
     * {@code probability} says, within 5 standard errors.
     */
    static void assertFollow(INDArray drawn, int keys, IntToDoubleFunction probability) {
        double[] v = drawn.data().asDouble();
        int draws = v.length / keys;
        int[] counts = new int[1 << keys];
        for (int row = 0; row < draws; row++) {
            int pattern = 0;
            for (int k = 0; k < keys; k++) {
                pattern |= (int) v[row * keys + k] << k;
            }
            counts[pattern]++;
        }
        for (int pattern = 0; pattern < counts.length; pattern++) {
            double p = probability.applyAsDouble(pattern);
            double sd = Math.sqrt(p * (1 - p) / draws);
            assertEquals(p, (double) counts[pattern] / draws, 5 * sd + 1e-9, "frame " + pattern);
        }
    }
}
