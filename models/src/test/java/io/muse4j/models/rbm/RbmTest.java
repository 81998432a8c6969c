package io.muse4j.models.rbm;

import io.muse4j.models.nn.Bernoulli;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An RBM small enough to enumerate: its sampling, its training and the AIS estimate of its partition function. */
class RbmTest {
    /** Four three-note chords over 12 keys, each a quarter of the data. */
    private static final int[][] CHORDS = {{0, 4, 7}, {2, 5, 9}, {4, 7, 11}, {5, 9, 0}};

    /** All 2^n visible vectors, one a row. */
    private static INDArray allStates(int n) {
        double[][] rows = new double[1 << n][n];
        for (int s = 0; s < rows.length; s++) {
            for (int i = 0; i < n; i++) {
                rows[s][i] = (s >> i) & 1;
            }
        }
        return Nd4j.createFromArray(rows);
    }

    /** log Z by enumeration: log sum_v exp(-F(v)). */
    private static double exactLogZ(Rbm rbm) {
        double[] energies = rbm.freeEnergies(allStates(rbm.visible()));
        double max = Double.NEGATIVE_INFINITY;
        for (double f : energies) {
            max = Math.max(max, -f);
        }
        double sum = 0;
        for (double f : energies) {
            sum += Math.exp(-f - max);
        }
        return max + Math.log(sum);
    }

    /** An RBM with weights and biases drawn from N(0, scale^2). */
    private static Rbm random(int visible, int hidden, double scale, long seed) {
        Rbm rbm = new Rbm(visible, hidden, seed, DataType.DOUBLE);
        Random random = new Random(seed);
        for (INDArray array : rbm.weights().values()) {
            INDArray flat = array.reshape(array.length());
            for (long i = 0; i < flat.length(); i++) {
                flat.putScalar(i, random.nextGaussian() * scale);
            }
        }
        return rbm;
    }

    private static INDArray chords(int copies) {
        double[][] rows = new double[CHORDS.length * copies][12];
        for (int r = 0; r < rows.length; r++) {
            for (int key : CHORDS[r % CHORDS.length]) {
                rows[r][key] = 1;
            }
        }
        return Nd4j.createFromArray(rows);
    }

    private static double meanNll(Rbm rbm, INDArray data) {
        double sum = 0;
        for (double f : rbm.freeEnergies(data)) {
            sum += f;
        }
        return sum / data.rows() + exactLogZ(rbm);
    }

    @Test
    void aisEstimatesTheExactPartitionFunction() {
        Rbm rbm = random(10, 6, 1.0, 3);
        double exact = exactLogZ(rbm);
        Ais.Estimate estimate = Ais.logPartition(rbm, new double[10], 200, 2000, 5);
        assertEquals(exact, estimate.logZ(), 0.05);
        assertTrue(estimate.logZHigh() >= exact && !(estimate.logZLow() > exact), estimate + " against " + exact);
        assertEquals(200, estimate.runs());
        assertEquals(2000, estimate.temperatures());
    }

    @Test
    void gibbsSamplingDrawsTheModelsDistribution() {
        Rbm rbm = random(4, 3, 1.0, 7);
        INDArray states = allStates(4);
        double[] energies = rbm.freeEnergies(states);
        double logZ = exactLogZ(rbm);
        INDArray drawn = rbm.gibbs(Nd4j.zeros(DataType.DOUBLE, 20_000, 4), 30, new Random(11));
        double[] counts = new double[16];
        for (int r = 0; r < drawn.rows(); r++) {
            int s = 0;
            for (int i = 0; i < 4; i++) {
                s |= (drawn.getDouble(r, i) > 0.5 ? 1 : 0) << i;
            }
            counts[s]++;
        }
        double totalVariation = 0;
        for (int s = 0; s < 16; s++) {
            totalVariation += Math.abs(counts[s] / drawn.rows() - Math.exp(-energies[s] - logZ)) / 2;
        }
        assertTrue(totalVariation < 0.02, "total variation " + totalVariation);
    }

    @Test
    void contrastiveDivergenceAndPersistentChainsLearnFourChords() {
        INDArray data = chords(8);
        for (boolean persistent : new boolean[] {false, true}) {
            Rbm rbm = new Rbm(12, 8, 1, DataType.DOUBLE);
            Random random = new Random(2);
            double before = meanNll(rbm, data);
            INDArray chains = data.dup();
            for (int step = 0; step < 1500; step++) {
                INDArray negative = rbm.gibbs(persistent ? chains : data, 1, random);
                chains = negative;
                Map<String, INDArray> gradients = rbm.gradients(data, negative);
                rbm.weights().forEach((name, w) -> w.subi(gradients.get(name).mul(0.1)));
            }
            double after = meanNll(rbm, data);
            String which = persistent ? "PCD" : "CD-1";
            assertTrue(before > 8, which + " starts near 12 log 2: " + before);
            assertTrue(after < 2.2, which + " comes near log 4 = 1.39 nats a chord: " + after);
            Ais.Estimate estimate = Ais.logPartition(rbm, Bernoulli.logOdds(data), 200, 3000, 9);
            assertEquals(exactLogZ(rbm), estimate.logZ(), 0.1, which + " AIS on the trained RBM");
        }
    }

    @Test
    void theScheduleRisesFromZeroToOneDenserNearOne() {
        double[] betas = Ais.schedule(1000);
        assertEquals(0, betas[0]);
        assertEquals(1, betas[999]);
        for (int k = 1; k < betas.length; k++) {
            assertTrue(betas[k] > betas[k - 1], "step " + k);
        }
        assertTrue(betas[500] < 0.95 && betas[500] > 0.9, "half the steps lie above 0.9: " + betas[500]);
    }
}
