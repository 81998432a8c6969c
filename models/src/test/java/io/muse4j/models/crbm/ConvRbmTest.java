package io.muse4j.models.crbm;

import io.muse4j.models.kind.Structure;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A C-RBM small enough to check by brute force: its conditionals, its pseudo-likelihood, its training, its sampling. */
class ConvRbmTest {
    private static final int KEYS = 6;
    private static final int WIDTH = 3;
    private static final int STEPS = 7;

    /** A C-RBM with weights and biases drawn from N(0, scale^2). */
    private static ConvRbm random(double scale, long seed) {
        ConvRbm model = new ConvRbm(KEYS, 4, WIDTH, STEPS, seed, DataType.DOUBLE);
        Random random = new Random(seed);
        for (INDArray array : model.weights().values()) {
            INDArray flat = array.reshape(array.length());
            for (long i = 0; i < flat.length(); i++) {
                flat.putScalar(i, random.nextGaussian() * scale);
            }
        }
        return model;
    }

    private static INDArray randomRolls(int rolls, long seed) {
        Random random = new Random(seed);
        double[] units = new double[rolls * STEPS * KEYS];
        for (int i = 0; i < units.length; i++) {
            units[i] = random.nextBoolean() ? 1 : 0;
        }
        return Nd4j.create(units, new long[] {rolls, STEPS, KEYS}, 'c');
    }

    /** E(v, h) = -sum b v - sum h (c + W * v), one roll. */
    private static double energy(ConvRbm model, INDArray v, INDArray h) {
        double bias = v.reshape(STEPS, KEYS).mmul(model.weights().get("visible_b").reshape(KEYS, 1)).sumNumber()
                .doubleValue();
        return -bias - h.mul(model.hiddenInputs(v)).sumNumber().doubleValue();
    }

    @Test
    void visibleInputsAreTheEnergyDropOfTurningAUnitOn() {
        ConvRbm model = random(0.7, 3);
        INDArray v = randomRolls(1, 4);
        INDArray h = Nd4j.create(new double[(STEPS - WIDTH + 1) * 4], new long[] {STEPS - WIDTH + 1, 4}, 'c');
        Random random = new Random(5);
        for (long i = 0; i < h.length(); i++) {
            h.reshape(h.length()).putScalar(i, random.nextBoolean() ? 1 : 0);
        }
        INDArray inputs = model.visibleInputs(h, 1, STEPS);
        for (int t = 0; t < STEPS; t++) {
            for (int k = 0; k < KEYS; k++) {
                INDArray on = v.dup();
                on.putScalar(new int[] {0, t, k}, 1);
                INDArray off = v.dup();
                off.putScalar(new int[] {0, t, k}, 0);
                assertEquals(energy(model, off, h) - energy(model, on, h), inputs.getDouble(0, t, k), 1e-9);
            }
        }
    }

    @Test
    void pseudoLikelihoodIsTheFlipsOfTheFreeEnergy() {
        ConvRbm model = random(0.7, 8);
        INDArray v = randomRolls(3, 9);
        double estimate = model.pseudoNll(v, 2, new Random(10));
        Random same = new Random(10);
        double total = 0;
        for (int roll = 0; roll < 3; roll++) {
            INDArray one = v.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(roll, roll + 1)).dup();
            double energy = model.freeEnergies(one)[0];
            for (int drawn = 0; drawn < 2; drawn++) {
                int t = same.nextInt(STEPS);
                for (int k = 0; k < KEYS; k++) {
                    INDArray flipped = one.dup();
                    flipped.putScalar(new int[] {0, t, k}, 1 - one.getDouble(0, t, k));
                    total += ConvRbm.softplus(energy - model.freeEnergies(flipped)[0]);
                }
            }
        }
        assertEquals(total / 6, estimate, 1e-9);
    }

    /** Rolls of a two-step figure, keys 0 and 3 then key 1, repeated from a random phase. */
    private static INDArray figures(int rolls, long seed) {
        Random random = new Random(seed);
        double[] units = new double[rolls * STEPS * KEYS];
        for (int r = 0; r < rolls; r++) {
            int phase = random.nextInt(2);
            for (int t = 0; t < STEPS; t++) {
                int base = (r * STEPS + t) * KEYS;
                if ((t + phase) % 2 == 0) {
                    units[base] = 1;
                    units[base + 3] = 1;
                } else {
                    units[base + 1] = 1;
                }
            }
        }
        return Nd4j.create(units, new long[] {rolls, STEPS, KEYS}, 'c');
    }

    @Test
    void contrastiveDivergenceLearnsARepeatedFigure() {
        INDArray data = figures(16, 1);
        ConvRbm model = new ConvRbm(KEYS, 4, WIDTH, STEPS, 2, DataType.DOUBLE);
        Random random = new Random(3);
        double before = model.pseudoNll(data, STEPS, new Random(4));
        for (int step = 0; step < 600; step++) {
            Map<String, INDArray> gradients = model.gradients(data, model.gibbs(data, 1, random));
            model.weights().forEach((name, w) -> w.subi(gradients.get(name).mul(0.05)));
        }
        double after = model.pseudoNll(data, STEPS, new Random(4));
        assertTrue(after < before / 4, before + " nats a frame before training, " + after + " after");
        boolean[][] drawn = new StructuredGibbs(model, 60).draw(12, 4, Structure.NONE, 200, 0, new Random(5));
        for (int t = 1; t < drawn.length; t++) {
            assertFalse(drawn[t][0] == drawn[t - 1][0], "the figure alternates: step " + t);
            assertEquals(drawn[t][0], drawn[t][3]);
            assertEquals(!drawn[t][0], drawn[t][1]);
        }
    }

    @Test
    void structuredSamplingKeepsTheFormAndTheKey() {
        ConvRbm model = random(1.0, 11);
        // keys 0..5 are pitches 60..65: C, C#, D, D#, E, F; in G major only C, D and E
        Structure structure = new Structure("AB.A", Structure.Key.parse("G"));
        for (double temperature : new double[] {1, 0}) {
            boolean[][] drawn = new StructuredGibbs(model, 60).draw(20, 4, structure, 30, temperature,
                    new Random(12));
            for (int t = 0; t < 4; t++) {
                assertArrayEquals(drawn[t], drawn[12 + t], "bar 4 repeats bar 1 at step " + t);
            }
            for (boolean[] step : drawn) {
                assertFalse(step[1] || step[3] || step[5], "out of G major");
            }
        }
        assertEquals(0.25, structure.tiedShare(4));
    }
}
