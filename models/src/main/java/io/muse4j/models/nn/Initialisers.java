package io.muse4j.models.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

/**
 * How every model draws its initial weights: uniform values rounded to floats (so that a model drawn as doubles,
 * for gradient checks, starts where the float one does), one {@link Random#nextDouble} per value in row-major
 * order, so that a seed gives every model the same weights it always did.
 */
public final class Initialisers {
    private Initialisers() {
    }

    /** A (rows, cols) array uniform in [-scale, scale), drawn as floats. */
    public static INDArray uniform(Random random, double scale, int rows, int cols, DataType type) {
        double[] values = new double[rows * cols];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((random.nextDouble() * 2 - 1) * scale);
        }
        return Nd4j.create(values, new long[] {rows, cols}, 'c').castTo(type);
    }

    /** A (rows, cols) array uniform in +-1/sqrt(rows), the fan-in of the product it weighs. */
    public static INDArray fanIn(Random random, int rows, int cols, DataType type) {
        return uniform(random, 1 / Math.sqrt(rows), rows, cols, type);
    }
}
