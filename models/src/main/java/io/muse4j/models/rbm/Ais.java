package io.muse4j.models.rbm;

import io.muse4j.models.nn.Bernoulli;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.Map;
import java.util.Random;

/**
 * Annealed importance sampling of an RBM's log partition function (Neal 2001; Salakhutdinov and Murray 2008). Runs
 * start from a base model of independent visible units whose biases fit the data's key frequencies (its Z is
 * known), and move through the visible marginals p_beta(v) of RBMs with weights beta W, hidden biases beta c and
 * visible biases (1 - beta) b_A + beta b, as beta goes from 0 to 1 (at 0, the base model with 2^H idle hidden
 * states; at 1, the RBM), by one Gibbs sweep at each beta; each run's importance weight is the product of the ratios of
 * successive unnormalised probabilities at its states. The mean weight times the base model's Z estimates the RBM's
 * Z without bias; its log is biased low, slightly, for few runs.
 */
public final class Ais {
    private Ais() {
    }

    /**
     * An estimate of log Z, and the logs of the mean weight 3 standard errors below (NaN where that is not above 0)
     * and above it, times the base model's Z.
     *
     * @param runs independent annealing runs
     * @param temperatures intermediate distributions (betas) each run passes through
     */
    public record Estimate(double logZ, double logZLow, double logZHigh, int runs, int temperatures) {
    }

    /** Estimates log Z of {@code rbm} from the base model {@code baseBiases} (the data's {@link Bernoulli#logOdds}). */
    public static Estimate logPartition(Rbm rbm, double[] baseBiases, int runs, int temperatures, long seed) {
        if (baseBiases.length != rbm.visible() || runs < 2 || temperatures < 2) {
            throw new IllegalArgumentException("AIS needs " + rbm.visible() + " base biases, at least 2 runs and 2 "
                    + "temperatures, not " + baseBiases.length + ", " + runs + " and " + temperatures);
        }
        Map<String, INDArray> w = rbm.weights();
        INDArray weights = w.get("w").castTo(DataType.DOUBLE);
        INDArray visibleBias = w.get("visible_b").castTo(DataType.DOUBLE);
        INDArray hiddenBias = w.get("hidden_b").castTo(DataType.DOUBLE);
        INDArray base = Nd4j.createFromArray(baseBiases);
        Random random = new Random(seed);
        INDArray v = Bernoulli.draw(Transforms.sigmoid(Nd4j.zeros(DataType.DOUBLE, runs, baseBiases.length)
                .addiRowVector(base), false), random);
        double[] logWeights = new double[runs];
        double[] betas = schedule(temperatures);
        for (int k = 1; k < betas.length; k++) {
            double[] before = logUnnormalised(v, betas[k - 1], base, weights, visibleBias, hiddenBias);
            double[] after = logUnnormalised(v, betas[k], base, weights, visibleBias, hiddenBias);
            for (int r = 0; r < runs; r++) {
                logWeights[r] += after[r] - before[r];
            }
            if (k < betas.length - 1) {
                v = sweep(v, betas[k], base, weights, visibleBias, hiddenBias, random);
            }
        }
        double logZBase = rbm.hidden() * Math.log(2);
        for (double b : baseBiases) {
            logZBase += Rbm.softplus(b);
        }
        return estimate(logWeights, logZBase, temperatures);
    }

    /**
     * Betas from 0 to 1 as Salakhutdinov and Murray space them, denser near 1 where the distributions change
     * fastest: 5% of the steps up to 0.5, 40% up to 0.9, the rest up to 1.
     */
    static double[] schedule(int temperatures) {
        double[] betas = new double[temperatures];
        int first = Math.max(1, temperatures / 20);
        int second = Math.max(first + 1, first + temperatures * 2 / 5);
        for (int k = 0; k < temperatures; k++) {
            betas[k] = k <= first ? 0.5 * k / first
                    : k <= second ? 0.5 + 0.4 * (k - first) / (second - first)
                    : 0.9 + 0.1 * (k - second) / Math.max(1, temperatures - 1 - second);
        }
        betas[temperatures - 1] = 1;
        return betas;
    }

    /** log p*_beta(v) = (1 - beta) v.b_A + beta v.b + sum_j softplus(beta (c_j + (v W)_j)), per row. */
    private static double[] logUnnormalised(INDArray v, double beta, INDArray base, INDArray weights,
                                            INDArray visibleBias, INDArray hiddenBias) {
        INDArray hidden = Transforms.softPlus(v.mmul(weights).addiRowVector(hiddenBias).muli(beta), false).sum(1);
        INDArray visible = v.mmul(visibleBias.reshape(visibleBias.length(), 1)).reshape(v.rows());
        INDArray baseTerm = v.mmul(base.reshape(base.length(), 1)).reshape(v.rows());
        return baseTerm.muli(1 - beta).addi(visible.muli(beta)).addi(hidden).toDoubleVector();
    }

    /**
     * One Gibbs sweep that leaves p_beta invariant: p_beta is the visible marginal of an RBM with weights beta W,
     * hidden biases beta c and visible biases (1 - beta) b_A + beta b.
     */
    private static INDArray sweep(INDArray v, double beta, INDArray base, INDArray weights, INDArray visibleBias,
                                  INDArray hiddenBias, Random random) {
        INDArray h = Bernoulli.draw(Transforms.sigmoid(v.mmul(weights).addiRowVector(hiddenBias).muli(beta), false),
                random);
        INDArray biases = base.mul(1 - beta).addi(visibleBias.mul(beta));
        return Bernoulli.draw(Transforms.sigmoid(h.mmul(weights.transpose()).muli(beta).addiRowVector(biases), false),
                random);
    }

    private static Estimate estimate(double[] logWeights, double logZBase, int temperatures) {
        double max = Double.NEGATIVE_INFINITY;
        for (double lw : logWeights) {
            max = Math.max(max, lw);
        }
        double mean = 0;
        for (double lw : logWeights) {
            mean += Math.exp(lw - max);
        }
        mean /= logWeights.length;
        double variance = 0;
        for (double lw : logWeights) {
            double d = Math.exp(lw - max) - mean;
            variance += d * d;
        }
        double error = 3 * Math.sqrt(variance / (logWeights.length - 1) / logWeights.length);
        return new Estimate(logZBase + max + Math.log(mean),
                mean > error ? logZBase + max + Math.log(mean - error) : Double.NaN,
                logZBase + max + Math.log(mean + error), logWeights.length, temperatures);
    }
}
