package io.muse4j.models.nn;


/**
 * One LSTM cell step on plain float arrays, for {@link LstmCells} and {@link io.muse4j.models.gan.crnngan.CrnnGan}'s generator:
 * z = xW + hR + b split as input, forget, cell and output gates (ND4J's lstmLayer layout, as {@link LstmLayers}),
 * no peepholes.
 */
public final class LstmCell {
    private LstmCell() {
    }

    /**
     * Advances one layer of one sequence on input {@code x}: {@code hidden} and {@code cell} are updated in place;
     * {@code gates} (4H) is scratch.
     */
    public static void step(float[] x, float[][] w, float[][] r, float[] bias, float[] hidden, float[] cell, float[] gates) {
        int n = hidden.length;
        System.arraycopy(bias, 0, gates, 0, gates.length);
        RowProducts.inHalves(gates.length, (from, to) -> {
            RowProducts.addProduct(x, w, gates, from, to);
            RowProducts.addProduct(hidden, r, gates, from, to);
        });
        for (int j = 0; j < n; j++) {
            float input = sigmoid(gates[j]);
            float forget = sigmoid(gates[n + j]);
            float candidate = tanh(gates[2 * n + j]);
            float output = sigmoid(gates[3 * n + j]);
            cell[j] = forget * cell[j] + input * candidate;
            hidden[j] = output * tanh(cell[j]);
        }
    }

    static float sigmoid(float z) {
        return (float) (1 / (1 + Math.exp(-z)));
    }

    /** tanh through the exponential, which the JIT makes an intrinsic: twice as fast as Math.tanh here. */
    static float tanh(float z) {
        return (float) (1 - 2 / (Math.exp(2.0 * z) + 1));
    }
}
