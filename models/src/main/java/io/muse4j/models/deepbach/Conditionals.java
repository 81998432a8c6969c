package io.muse4j.models.deepbach;

import io.muse4j.models.nn.DenseLayer;

/**
 * A {@link DeepBach}'s networks as plain arrays, for pseudo-Gibbs sampling: a symbol's logits from its few active
 * inputs, summing their rows of the first layer instead of multiplying a one-hot vector.
 */
final class Conditionals {
    private final DeepBach model;
    private final float[][][] w1;
    private final float[][] b1;
    private final float[][][] w2;
    private final float[][] b2;

    Conditionals(DeepBach model, float[][][] w1, float[][] b1, float[][][] w2, float[][] b2) {
        this.model = model;
        this.w1 = w1;
        this.b1 = b1;
        this.w2 = w2;
        this.b2 = b2;
    }

    DeepBach model() {
        return model;
    }

    /** The logits of a part's symbol at a step of a grid of symbols ([step][part]), given everything else. */
    float[] logits(int[][] grid, int step, int part) {
        float[] h = b1[part].clone();
        for (int input : model.active(grid, step, part)) {
            float[] row = w1[part][input];
            for (int j = 0; j < h.length; j++) {
                h[j] += row[j];
            }
        }
        float[] z = b2[part].clone();
        for (int j = 0; j < h.length; j++) {
            float a = h[j] > 0 ? h[j] : (float) DenseLayer.LEAK * h[j];
            float[] row = w2[part][j];
            for (int k = 0; k < z.length; k++) {
                z[k] += a * row[k];
            }
        }
        return z;
    }
}
