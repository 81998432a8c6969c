package io.muse4j.models.rbm;

import io.muse4j.models.file.StoredModel;
import io.muse4j.models.nn.Bernoulli;
import io.muse4j.models.nn.Initialisers;
import io.muse4j.models.nn.Nd4jSetup;
import io.muse4j.models.training.ContrastiveDivergence;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * A binary restricted Boltzmann machine (Smolensky 1986; Hinton 2002): visible units v (a piano-roll frame's keys)
 * and hidden units h, with energy E(v, h) = -v.b - h.c - v W h and no links within a layer, so that each layer given
 * the other is a product of sigmoids and block Gibbs sampling alternates the two. Its free energy F(v) = -v.b -
 * sum_j softplus(c_j + (v W)_j) gives p(v) = exp(-F(v)) / Z, where the partition function Z is estimated by
 * {@link Ais}. Rows of a batch are visible vectors of 0 and 1.
 */
public final class Rbm implements StoredModel, ContrastiveDivergence.Machine {
    /** The model files' name for the kind. */
    public static final String KIND = "rbm";

    static {
        Nd4jSetup.configure();
    }

    private final INDArray weights;
    private final INDArray visibleBias;
    private final INDArray hiddenBias;

    /** An RBM with small weights drawn from {@code seed} and zero biases. */
    public Rbm(int visible, int hidden, long seed, DataType type) {
        if (visible < 1 || hidden < 1) {
            throw new IllegalArgumentException("an RBM needs visible and hidden units, not " + visible + " and "
                    + hidden);
        }
        weights = Initialisers.uniform(new Random(seed), 0.01, visible, hidden, type);
        visibleBias = Nd4j.zeros(type, visible);
        hiddenBias = Nd4j.zeros(type, hidden);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Map<String, Number> configValues() {
        Map<String, Number> config = new LinkedHashMap<>();
        config.put("visible", visible());
        config.put("hidden", hidden());
        return config;
    }

    /** The model file's vocabulary is its visible units' names (the 88 keys). */
    @Override
    public int vocabularySize() {
        return visible();
    }

    @Override
    public Map<String, INDArray> weights() {
        Map<String, INDArray> all = new LinkedHashMap<>();
        all.put("w", weights);
        all.put("visible_b", visibleBias);
        all.put("hidden_b", hiddenBias);
        return all;
    }

    /** The visible units. */
    public int visible() {
        return (int) weights.rows();
    }

    /** The hidden units. */
    public int hidden() {
        return (int) weights.columns();
    }

    /** p(h_j = 1 | v) for each row of {@code v}. */
    public INDArray hiddenProbabilities(INDArray v) {
        return Transforms.sigmoid(v.castTo(weights.dataType()).mmul(weights).addiRowVector(hiddenBias), false);
    }

    /** p(v_i = 1 | h) for each row of {@code h}. */
    public INDArray visibleProbabilities(INDArray h) {
        return Transforms.sigmoid(h.mmul(weights.transpose()).addiRowVector(visibleBias), false);
    }

    /** F(v) of each row of {@code v}: -v.b - sum_j softplus(c_j + (v W)_j). */
    public double[] freeEnergies(INDArray v) {
        INDArray typed = v.castTo(weights.dataType());
        INDArray softplus = Transforms.softPlus(typed.mmul(weights).addiRowVector(hiddenBias), false);
        INDArray energies = softplus.sum(1).addi(typed.mmul(visibleBias.reshape(visible(), 1)).reshape(v.rows()))
                .negi();
        return energies.castTo(DataType.DOUBLE).toDoubleVector();
    }

    /**
     * The pseudo-negative-log-likelihood of each row's units, averaged over the rows: the sum over units i of
     * -log p(v_i | the other units) = softplus(F(v) - F(v with unit i flipped)) (Besag 1975). Unlike the likelihood
     * it needs no partition function, so training logs and validates with it.
     */
    public double pseudoNll(INDArray v) {
        double total = 0;
        for (int unit = 0; unit < visible(); unit++) {
            total += unitNll(v, unit);
        }
        return total;
    }

    /**
     * {@link #pseudoNll} estimated from {@code units} units drawn at random without replacement: unbiased, at that
     * share of the cost.
     */
    public double pseudoNll(INDArray v, int units, Random random) {
        int[] order = java.util.stream.IntStream.range(0, visible()).toArray();
        int drawn = Math.min(units, visible());
        double total = 0;
        for (int i = 0; i < drawn; i++) {
            int j = i + random.nextInt(visible() - i);
            int unit = order[j];
            order[j] = order[i];
            order[i] = unit;
            total += unitNll(v, unit);
        }
        return total * visible() / drawn;
    }

    /** The mean over the rows of -log p(v_unit | the other units). */
    private double unitNll(INDArray v, int unit) {
        INDArray typed = v.castTo(DataType.DOUBLE);
        INDArray flipped = typed.dup();
        INDArray column = flipped.getColumn(unit);
        column.assign(column.rsub(1));
        double[] energies = freeEnergies(typed);
        double[] flippedEnergies = freeEnergies(flipped);
        double total = 0;
        for (int row = 0; row < energies.length; row++) {
            total += softplus(energies[row] - flippedEnergies[row]);
        }
        return total / Math.max(1, energies.length);
    }

    /** The visible rows after {@code steps} rounds of block Gibbs sampling (h given v, then v given h) from {@code v}. */
    @Override
    public INDArray gibbs(INDArray v, int steps, Random random) {
        INDArray current = v.castTo(weights.dataType());
        for (int step = 0; step < steps; step++) {
            INDArray hidden = Bernoulli.draw(hiddenProbabilities(current), random);
            current = Bernoulli.draw(visibleProbabilities(hidden), random);
        }
        return current;
    }

    /**
     * The gradient of the data's mean negative log-likelihood as contrastive divergence estimates it (Hinton
     * 2002): the data's statistics against those of {@code negative}, visible rows drawn from the model (the data
     * after k Gibbs steps for CD-k, persistent chains for PCD, Tieleman 2008), each with p(h | v) in place of h.
     */
    @Override
    public Map<String, INDArray> gradients(INDArray data, INDArray negative) {
        INDArray v0 = data.castTo(weights.dataType());
        INDArray vk = negative.castTo(weights.dataType());
        INDArray h0 = hiddenProbabilities(v0);
        INDArray hk = hiddenProbabilities(vk);
        Map<String, INDArray> gradients = new LinkedHashMap<>();
        gradients.put("w", vk.transpose().mmul(hk).divi(vk.rows()).subi(v0.transpose().mmul(h0).divi(v0.rows())));
        gradients.put("visible_b", vk.mean(0).subi(v0.mean(0)));
        gradients.put("hidden_b", hk.mean(0).subi(h0.mean(0)));
        return gradients;
    }

    /** log(1 + e^x), without overflow for any x. */
    static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }
}
