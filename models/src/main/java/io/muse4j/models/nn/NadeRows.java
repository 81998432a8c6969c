package io.muse4j.models.nn;

import java.util.Arrays;
import java.util.function.DoubleSupplier;

/**
 * A NADE's work on one frame at a time, on plain arrays. Each key's hidden units are the sigmoid of the hidden
 * biases plus a running sum of the inputs of the keys sounding below it; frames are sparse (about 4 of 88 keys
 * sound), so the hidden units change only after a sounding key, and the sigmoids are taken once per sounding key
 * rather than once per key. ND4J cannot share work that way: over all keys at once (a cumulative sum, or a product
 * with a triangular array) it took about ten times as long here. Arrays are row-major: {@code w[key * hidden + j]}.
 */
final class NadeRows {
    private final int keys;
    private final int hidden;
    private final double[] w;
    private final double[] v;

    /** Over the input weights {@code w} and output weights {@code v}, each (keys, hidden), row-major. */
    NadeRows(int keys, int hidden, double[] w, double[] v) {
        this.keys = keys;
        this.hidden = hidden;
        this.w = w;
        this.v = v;
    }

    /**
     * Each key's logit into {@code logits} (keys), given the frame's visible and hidden biases and its keys; returns
     * each key's hidden units, one array shared by the keys between two sounding keys.
     */
    double[][] logits(double[] visibleBiases, double[] hiddenBiases, double[] frame, double[] logits) {
        double[] pre = hiddenBiases.clone();
        double[][] hiddens = new double[keys][];
        double[] h = sigmoid(pre);
        for (int key = 0; key < keys; key++) {
            int at = key * hidden;
            hiddens[key] = h;
            double logit = visibleBiases[key];
            for (int j = 0; j < hidden; j++) {
                logit += v[at + j] * h[j];
            }
            logits[key] = logit;
            double x = frame[key];
            if (x != 0) {
                for (int j = 0; j < hidden; j++) {
                    pre[j] += x * w[at + j];
                }
                h = sigmoid(pre);
            }
        }
        return hiddens;
    }

    /**
     * Back from the frame's {@code dLogits}: adds to the gradients of {@code w} and {@code v} and puts the gradient
     * at the hidden biases into {@code dHiddenBiases}.
     */
    void backward(double[] visibleBiases, double[] hiddenBiases, double[] frame, double[] dLogits, double[] dW,
                  double[] dV, double[] dHiddenBiases) {
        double[][] hiddens = logits(visibleBiases, hiddenBiases, frame, new double[keys]);
        // dPre: the gradient at the hidden pre-activations of the keys so far, which every key above adds to; the
        // keys between two sounding keys share their hidden units, so their dLogit V sum is taken through the
        // sigmoid once
        double[] dPre = dHiddenBiases;
        Arrays.fill(dPre, 0);
        double[] sharing = new double[hidden];
        for (int key = keys - 1; key >= 0; key--) {
            int at = key * hidden;
            double g = dLogits[key];
            double[] h = hiddens[key];
            if (g != 0) {
                for (int j = 0; j < hidden; j++) {
                    dV[at + j] += g * h[j];
                    sharing[j] += g * v[at + j];
                }
            }
            double x = key > 0 ? frame[key - 1] : 0;
            if (key == 0 || x != 0) {
                for (int j = 0; j < hidden; j++) {
                    dPre[j] += sharing[j] * h[j] * (1 - h[j]);
                }
                Arrays.fill(sharing, 0);
            }
            if (x != 0) {
                int below = at - hidden;
                for (int j = 0; j < hidden; j++) {
                    dW[below + j] += x * dPre[j];
                }
            }
        }
    }

    /**
     * Draws a frame key by key into {@code frame}: each key sounds when {@code uniform} (one value per key, or null
     * for one half) is below its probability given the keys drawn below it.
     */
    void draw(double[] visibleBiases, double[] hiddenBiases, DoubleSupplier uniform,
              double[] frame) {
        double[] pre = hiddenBiases.clone();
        double[] h = sigmoid(pre);
        for (int key = 0; key < keys; key++) {
            int at = key * hidden;
            double logit = visibleBiases[key];
            for (int j = 0; j < hidden; j++) {
                logit += v[at + j] * h[j];
            }
            frame[key] = uniform.getAsDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
            if (frame[key] != 0) {
                for (int j = 0; j < hidden; j++) {
                    pre[j] += w[at + j];
                }
                h = sigmoid(pre);
            }
        }
    }

    private static double[] sigmoid(double[] x) {
        double[] s = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            s[j] = 1 / (1 + Math.exp(-x[j]));
        }
        return s;
    }
}
