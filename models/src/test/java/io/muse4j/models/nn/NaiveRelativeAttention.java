package io.muse4j.models.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Relative self-attention as Shaw et al. 2018 first wrote it, the reference for {@link RelativeAttention}: for each
 * sequence and head a (T, T, d) tensor of per-pair embeddings {@code E[i - j]}, scored pair by pair.
 */
public final class NaiveRelativeAttention {
    private NaiveRelativeAttention() {
    }

    /** Output rows (B*T, H*d) of causal attention over {@code qkv} (B*T, 3*H*d) with per-head embeddings. */
    public static INDArray forward(INDArray qkv, INDArray relative, int batch, int steps, int heads, int span) {
        int width = (int) qkv.columns() / 3;
        int d = width / heads;
        double[][] out = new double[batch * steps][width];
        for (int b = 0; b < batch; b++) {
            for (int h = 0; h < heads; h++) {
                double[][][] pairs = new double[steps][steps][d];
                for (int i = 0; i < steps; i++) {
                    for (int j = 0; j <= i; j++) {
                        for (int k = 0; k < d && i - j < span; k++) {
                            pairs[i][j][k] = relative.getDouble((long) h * span + i - j, k);
                        }
                    }
                }
                for (int i = 0; i < steps; i++) {
                    double[] scores = new double[i + 1];
                    double max = Double.NEGATIVE_INFINITY;
                    for (int j = 0; j <= i; j++) {
                        double s = 0;
                        for (int k = 0; k < d; k++) {
                            double q = qkv.getDouble((long) b * steps + i, h * d + k);
                            s += q * (qkv.getDouble((long) b * steps + j, width + h * d + k) + pairs[i][j][k]);
                        }
                        scores[j] = s / Math.sqrt(d);
                        max = Math.max(max, scores[j]);
                    }
                    double sum = 0;
                    for (int j = 0; j <= i; j++) {
                        scores[j] = Math.exp(scores[j] - max);
                        sum += scores[j];
                    }
                    for (int j = 0; j <= i; j++) {
                        for (int k = 0; k < d; k++) {
                            out[b * steps + i][h * d + k] += scores[j] / sum
                                    * qkv.getDouble((long) b * steps + j, 2L * width + h * d + k);
                        }
                    }
                }
            }
        }
        return Nd4j.create(out).castTo(qkv.dataType());
    }
}
