package io.muse4j.models.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The log partition functions of many RBMs at once, one per row of biases, all sharing the weights {@code W}, by
 * annealed importance sampling (Neal 2001; Salakhutdinov &amp; Murray 2008) along the path that scales {@code W} by
 * beta from 0 to 1. At beta = 0 the units are independent, so log Z is exact, sum softplus(bv) + sum softplus(bh),
 * and visible rows are drawn directly; each step adds the log ratio of the unnormalised marginals
 * {@code log p*(v) = v.bv + sum_j softplus(beta (v W)_j + bh_j)} at the next beta and the current, then moves the
 * chain by a Gibbs step at the next beta. The estimate of Z is unbiased; its log, averaged over runs, is biased low.
 */
final class RbmAnnealing {
    private RbmAnnealing() {
    }

    /**
     * log Z of the RBM of each row of {@code visibleBiases} (N, K) and {@code hiddenBiases} (N, H), from {@code runs}
     * runs over {@code temperatures} steps of beta, drawn from ND4J's generator seeded with {@code seed}.
     */
    static double[] logPartitions(INDArray w, INDArray visibleBiases, INDArray hiddenBiases, int runs,
                                  int temperatures, long seed) {
        int n = (int) visibleBiases.rows();
        Random rng = Nd4j.getRandomFactory().getNewRandomInstance(seed);
        // row r * n + i is run r of RBM i
        // what the steps carry lives outside workspaces; each step's own arrays in a workspace it hands on
        INDArray bv = PassMemory.outside(() -> Nd4j.tile(visibleBiases, runs, 1));
        INDArray bh = PassMemory.outside(() -> Nd4j.tile(hiddenBiases, runs, 1));
        INDArray v = PassMemory.outside(() -> draw(Transforms.sigmoid(bv, true), rng));
        INDArray logWeights = PassMemory.outside(() -> Nd4j.zeros(DataType.DOUBLE, (long) n * runs));
        for (int step = 1; step <= temperatures; step++) {
            double beta = (double) step / temperatures;
            double previous = (double) (step - 1) / temperatures;
            PassMemory.step(() -> {
                INDArray x = Nd4j.gemm(v, w, false, false);
                INDArray next = x.mul(beta).addi(bh);
                logWeights.addi(Transforms.softPlus(next, true).sum(1).subi(
                        Transforms.softPlus(x.muli(previous).addi(bh), false).sum(1)).castTo(DataType.DOUBLE));
                INDArray h = draw(Transforms.sigmoid(next, false), rng);
                v.assign(draw(Transforms.sigmoid(Nd4j.gemm(h, w, false, true).muli(beta).addi(bv), false), rng));
            });
        }
        double[] logW = logWeights.toDoubleVector();
        double[] base = Transforms.softPlus(visibleBiases, true).sum(1).addi(Transforms.softPlus(hiddenBiases, true)
                .sum(1)).castTo(DataType.DOUBLE).toDoubleVector();
        double[] logZ = new double[n];
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < runs; r++) {
                max = Math.max(max, logW[r * n + i]);
            }
            double sum = 0;
            for (int r = 0; r < runs; r++) {
                sum += Math.exp(logW[r * n + i] - max);
            }
            logZ[i] = base[i] + max + Math.log(sum / runs);
        }
        return logZ;
    }

    /** 1 where a uniform draw from {@code rng} falls below the probability, else 0. */
    private static INDArray draw(INDArray probabilities, Random rng) {
        INDArray uniform = Nd4j.rand(Nd4j.create(probabilities.dataType(), probabilities.shape()), rng);
        return uniform.lt(probabilities).castTo(probabilities.dataType());
    }
}
