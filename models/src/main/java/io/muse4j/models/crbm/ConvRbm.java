package io.muse4j.models.crbm;

import io.muse4j.models.file.StoredModel;
import io.muse4j.models.nn.Bernoulli;
import io.muse4j.models.nn.Initialisers;
import io.muse4j.models.nn.Nd4jSetup;
import io.muse4j.models.training.ContrastiveDivergence;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * A convolutional RBM over piano rolls, convolved in time only (Lattner et al. 2016): binary visible units v[t][k]
 * (step t, key k) and, for each filter f and each position t at which the filter fits in the roll, a binary hidden
 * unit h[t][f] that sees the {@code width} steps from t on, every key. The energy is E(v, h) = -sum_{t,k} b_k v[t][k]
 * - sum_{t,f} h[t][f] (c_f + sum_{s,k} W[s][k][f] v[t+s][k]); the visible biases and the filters are shared over time,
 * so one model reads and writes rolls of any length of at least {@code width} steps.
 *
 * <p>Batches are arrays (windows, steps, keys) of 0 and 1. The filters are stored as one matrix of rows s * keys + k,
 * so that a roll's patches (a row for each window and position: its {@code width} frames one after another) times the
 * matrix are the hidden units' inputs.
 */
public final class ConvRbm implements StoredModel, ContrastiveDivergence.Machine {
    /** The model files' name for the kind. */
    public static final String KIND = "crbm";

    static {
        Nd4jSetup.configure();
    }

    private final INDArray weights;
    private final INDArray visibleBias;
    private final INDArray hiddenBias;
    private final int keys;
    private final int width;
    private final int window;

    /**
     * A C-RBM with small filters drawn from {@code seed} and zero biases.
     *
     * @param keys visible units a step
     * @param filters hidden units a position
     * @param width steps a filter spans
     * @param window steps of the windows it trains on (a record for its file, and the length it generates by default)
     */
    public ConvRbm(int keys, int filters, int width, int window, long seed, DataType type) {
        if (keys < 1 || filters < 1 || width < 1 || window < width) {
            throw new IllegalArgumentException("a C-RBM needs keys, filters, a filter width and a window at least as "
                    + "wide, not " + keys + ", " + filters + ", " + width + " and " + window);
        }
        this.keys = keys;
        this.width = width;
        this.window = window;
        weights = Initialisers.uniform(new Random(seed), 0.01, width * keys, filters, type);
        visibleBias = Nd4j.zeros(type, keys);
        hiddenBias = Nd4j.zeros(type, filters);
    }

    /** The model a file's config describes, its weights zero until the file's are copied in. */
    static ConvRbm of(Map<String, Number> config) {
        return new ConvRbm(config.get("keys").intValue(), config.get("filters").intValue(),
                config.get("width").intValue(), config.get("window").intValue(), 0, DataType.FLOAT);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Map<String, Number> configValues() {
        Map<String, Number> config = new LinkedHashMap<>();
        config.put("keys", keys);
        config.put("filters", filters());
        config.put("width", width);
        config.put("window", window);
        return config;
    }

    /** The model file's vocabulary is its keys' names. */
    @Override
    public int vocabularySize() {
        return keys;
    }

    @Override
    public Map<String, INDArray> weights() {
        Map<String, INDArray> all = new LinkedHashMap<>();
        all.put("w", weights);
        all.put("visible_b", visibleBias);
        all.put("hidden_b", hiddenBias);
        return all;
    }

    /** Visible units a step. */
    public int keys() {
        return keys;
    }

    /** Hidden units a position. */
    public int filters() {
        return (int) weights.columns();
    }

    /** Steps a filter spans. */
    public int width() {
        return width;
    }

    /** Steps of the training windows. */
    public int window() {
        return window;
    }

    /** Positions of the hidden units over a roll of {@code steps}. */
    int positions(long steps) {
        if (steps < width) {
            throw new IllegalArgumentException("a roll of " + steps + " steps is shorter than a filter (" + width
                    + " steps)");
        }
        return (int) steps - width + 1;
    }

    /** The patches of rolls (windows, steps, keys): (windows * positions, width * keys). */
    private INDArray patches(INDArray v) {
        long windows = v.size(0);
        int positions = positions(v.size(1));
        INDArray typed = v.castTo(weights.dataType());
        INDArray[] shifted = new INDArray[width];
        for (int s = 0; s < width; s++) {
            shifted[s] = typed.get(NDArrayIndex.all(), NDArrayIndex.interval(s, s + positions), NDArrayIndex.all())
                    .dup('c').reshape(windows * positions, keys);
        }
        return Nd4j.hstack(shifted);
    }

    /** The hidden units' inputs c_f + (W * v)[t][f]: (windows * positions, filters). */
    INDArray hiddenInputs(INDArray v) {
        return patches(v).mmul(weights).addiRowVector(hiddenBias);
    }

    /** p(h = 1 | v), each input divided by {@code temperature}: (windows * positions, filters). */
    INDArray hiddenProbabilities(INDArray v, double temperature) {
        INDArray inputs = hiddenInputs(v);
        return Transforms.sigmoid(temperature == 1 ? inputs : inputs.divi(temperature), false);
    }

    /**
     * The visible units' inputs b_k + sum over the filters covering step t of h times their weights, from hidden units
     * (windows * positions, filters): (windows, steps, keys).
     */
    INDArray visibleInputs(INDArray h, long windows, long steps) {
        int positions = positions(steps);
        INDArray parts = h.castTo(weights.dataType()).mmul(weights.transpose()).reshape(windows, positions, width,
                keys);
        INDArray inputs = Nd4j.zeros(weights.dataType(), windows, steps, keys);
        for (int s = 0; s < width; s++) {
            inputs.get(NDArrayIndex.all(), NDArrayIndex.interval(s, s + positions), NDArrayIndex.all())
                    .addi(parts.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(s), NDArrayIndex.all()));
        }
        inputs.reshape(windows * steps, keys).addiRowVector(visibleBias);
        return inputs;
    }

    /** F(v) of each roll: -sum b_k v[t][k] - sum_{t,f} softplus(c_f + (W * v)[t][f]). */
    public double[] freeEnergies(INDArray v) {
        long windows = v.size(0);
        INDArray typed = v.castTo(weights.dataType());
        INDArray softplus = Transforms.softPlus(hiddenInputs(typed), false).reshape(windows, -1).sum(1);
        INDArray biasTerms = typed.reshape(windows * v.size(1), keys).mmul(visibleBias.reshape(keys, 1))
                .reshape(windows, v.size(1)).sum(1);
        return softplus.addi(biasTerms).negi().castTo(DataType.DOUBLE).toDoubleVector();
    }

    /** The rolls after {@code steps} rounds of block Gibbs sampling (h given v, then v given h) from {@code v}. */
    @Override
    public INDArray gibbs(INDArray v, int steps, Random random) {
        INDArray current = v.castTo(weights.dataType());
        for (int step = 0; step < steps; step++) {
            INDArray hidden = Bernoulli.draw(hiddenProbabilities(current, 1), random);
            current = Bernoulli.draw(Transforms.sigmoid(visibleInputs(hidden, v.size(0), v.size(1)), false), random);
        }
        return current;
    }

    /**
     * The gradient of the data's mean negative log-likelihood a window as contrastive divergence estimates it: the
     * data's statistics against those of {@code negative}, rolls drawn from the model, each with p(h | v) for h.
     */
    @Override
    public Map<String, INDArray> gradients(INDArray data, INDArray negative) {
        long windows = data.size(0);
        INDArray v0 = data.castTo(weights.dataType());
        INDArray vk = negative.castTo(weights.dataType());
        INDArray p0 = patches(v0);
        INDArray pk = patches(vk);
        INDArray h0 = Transforms.sigmoid(p0.mmul(weights).addiRowVector(hiddenBias), false);
        INDArray hk = Transforms.sigmoid(pk.mmul(weights).addiRowVector(hiddenBias), false);
        Map<String, INDArray> gradients = new LinkedHashMap<>();
        gradients.put("w", pk.transpose().mmul(hk).subi(p0.transpose().mmul(h0)).divi(windows));
        gradients.put("visible_b", vk.reshape(-1, keys).sum(0).subi(v0.reshape(-1, keys).sum(0)).divi(windows));
        gradients.put("hidden_b", hk.sum(0).subi(h0.sum(0)).divi(windows));
        return gradients;
    }

    /**
     * The pseudo-negative-log-likelihood a frame, estimated from {@code frames} frames of each roll drawn by
     * {@code random}: for each, the sum over its keys of -log p(v[t][k] | every other unit) = softplus(F(v) - F(v with
     * the unit flipped)) (Besag 1975). A flip changes only the hidden inputs of the positions whose filters cover
     * step t, so each costs width * filters softplus terms. Unbiased for the mean over the rolls' frames.
     */
    public double pseudoNll(INDArray v, int frames, Random random) {
        int windows = (int) v.size(0);
        int steps = (int) v.size(1);
        int positions = positions(steps);
        int filters = filters();
        double[] inputs = hiddenInputs(v).castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double[] w = weights.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double[] b = visibleBias.castTo(DataType.DOUBLE).toDoubleVector();
        double[] units = v.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double total = 0;
        for (int roll = 0; roll < windows; roll++) {
            for (int drawn = 0; drawn < frames; drawn++) {
                int t = random.nextInt(steps);
                for (int k = 0; k < keys; k++) {
                    double sign = 1 - 2 * units[(roll * steps + t) * keys + k];
                    double change = -sign * b[k];
                    for (int s = Math.max(0, t - positions + 1); s <= Math.min(width - 1, t); s++) {
                        int row = (roll * positions + t - s) * filters;
                        int filterRow = (s * keys + k) * filters;
                        for (int f = 0; f < filters; f++) {
                            double input = inputs[row + f];
                            change -= softplus(input + sign * w[filterRow + f]) - softplus(input);
                        }
                    }
                    total += softplus(-change);
                }
            }
        }
        return total / ((double) windows * frames);
    }

    /** log(1 + e^x), without overflow for any x. */
    static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }
}
