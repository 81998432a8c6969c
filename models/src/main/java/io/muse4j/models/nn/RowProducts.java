package io.muse4j.models.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The vector-matrix products of the steppers ({@link io.muse4j.models.lm.LstmStepper}, {@link io.muse4j.models.lm.TransformerStepper}), on plain float
 * arrays: a step's products are too small for ND4J's per-op overhead. Each product is a sum of scaled weight rows, a
 * loop the JIT vectorises. A step reads every weight once, so one core is bound by memory bandwidth; on two or more
 * threads ({@link CpuThreads}) a second one, which spins between products ({@link SpinningHelper}), computes half of
 * each wide product's columns.
 */
public final class RowProducts {
    /** Products narrower than this stay on one thread: the hand-over would cost more than it saves. */
    private static final int MIN_SPLIT_COLUMNS = 512;
    private static SpinningHelper helper;

    private RowProducts() {
    }

    /** An array's values in row-major order, as floats. */
    public static float[] floats(INDArray array) {
        return array.dup('c').data().asFloat();
    }

    /**
     * A matrix as an array per row. The JIT vectorises a product over separate row arrays four times faster than
     * over one flat array, where it cannot rule out that a row and the output overlap.
     */
    public static float[][] rows(INDArray matrix) {
        float[] flat = floats(matrix);
        int columns = (int) matrix.columns();
        float[][] rows = new float[(int) matrix.rows()][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = java.util.Arrays.copyOfRange(flat, r * columns, (r + 1) * columns);
        }
        return rows;
    }

    /** Work on the output columns {@code from} (inclusive) to {@code to} (exclusive). */
    public interface Columns {
        void run(int from, int to);
    }

    /** Runs the work over {@code columns} columns, half of them on the helper thread when there are two threads. */
    public static void inHalves(int columns, Columns work) {
        SpinningHelper helper = helper();
        if (helper == null || columns < MIN_SPLIT_COLUMNS) {
            work.run(0, columns);
            return;
        }
        int half = columns / 2 / 16 * 16; // whole vector lengths on each side
        helper.runBoth(() -> work.run(0, half), () -> work.run(half, columns));
    }

    private static synchronized SpinningHelper helper() {
        if (helper == null && CpuThreads.count() >= 2) {
            helper = new SpinningHelper();
        }
        return helper;
    }

    /**
     * {@code out[from..to) += (v M)[from..to)} for a matrix M of {@code v.length} rows, four rows at a time so that
     * {@code out} is loaded and stored a quarter as often as M's rows are read.
     */
    public static void addProduct(float[] v, float[][] matrix, float[] out, int from, int to) {
        int i = 0;
        for (; i + 4 <= v.length; i += 4) {
            float v0 = v[i];
            float v1 = v[i + 1];
            float v2 = v[i + 2];
            float v3 = v[i + 3];
            float[] m0 = matrix[i];
            float[] m1 = matrix[i + 1];
            float[] m2 = matrix[i + 2];
            float[] m3 = matrix[i + 3];
            for (int j = from; j < to; j++) {
                out[j] += v0 * m0[j] + v1 * m1[j] + v2 * m2[j] + v3 * m3[j];
            }
        }
        for (; i < v.length; i++) {
            float vi = v[i];
            float[] m = matrix[i];
            for (int j = from; j < to; j++) {
                out[j] += vi * m[j];
            }
        }
    }
}
