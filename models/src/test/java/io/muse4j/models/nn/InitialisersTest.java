package io.muse4j.models.nn;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class InitialisersTest {
    /** One draw a value, row-major, rounded to float: the draws every model file's seed has always given. */
    @Test
    void drawsAsLstmLayersInitDid() {
        INDArray w = Initialisers.uniform(new Random(5), 0.25, 3, 4, DataType.DOUBLE);
        Random random = new Random(5);
        double[] expected = new double[12];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (float) ((random.nextDouble() * 2 - 1) * 0.25);
        }
        assertArrayEquals(new long[] {3, 4}, w.shape());
        assertArrayEquals(expected, w.data().asDouble());
    }

    @Test
    void fanInScalesByTheRows() {
        INDArray a = Initialisers.fanIn(new Random(9), 7, 2, DataType.FLOAT);
        INDArray b = Initialisers.uniform(new Random(9), 1 / Math.sqrt(7), 7, 2, DataType.FLOAT);
        assertEquals(b, a);
    }
}
