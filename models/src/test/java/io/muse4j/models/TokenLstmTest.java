package io.muse4j.models;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenLstmTest {
    /** A batch of repeating patterns: each sequence counts upwards from its own start, modulo the vocabulary. */
    static int[][][] countingBatch(int batch, int steps, int vocabulary) {
        int[][] tokens = new int[batch][steps];
        int[][] targets = new int[batch][steps];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < steps; t++) {
                tokens[b][t] = (b + t) % vocabulary;
                targets[b][t] = (b + t + 1) % vocabulary;
            }
        }
        return new int[][][] {tokens, targets};
    }

    static float[][] ones(int batch, int steps) {
        float[][] mask = new float[batch][steps];
        for (float[] row : mask) {
            java.util.Arrays.fill(row, 1f);
        }
        return mask;
    }

    @Test
    void maskedPositionsDoNotCount() {
        TokenLstm model = new TokenLstm(new LstmConfig(12, 8, 16, 1), 2, 8, 5);
        int[][][] data = countingBatch(2, 8, 12);
        float[][] mask = ones(2, 8);
        int[][] otherTargets = new int[2][];
        for (int b = 0; b < 2; b++) {
            otherTargets[b] = data[1][b].clone();
            for (int t = 5; t < 8; t++) {
                mask[b][t] = 0;
                otherTargets[b][t] = (otherTargets[b][t] + 3) % 12;
            }
        }
        model.useAdam(0.02);
        for (int step = 0; step < 40; step++) { // a peaked model, so that other targets cost more
            model.fitBatch(data[0], data[1], ones(2, 8));
        }
        double masked = model.loss(data[0], data[1], mask);
        assertEquals(masked, model.loss(data[0], otherTargets, mask), 1e-6);
        assertNotEquals(masked, model.loss(data[0], otherTargets, ones(2, 8)), 1e-3);
    }

    @Test
    void overfitsOneBatch() {
        TokenLstm model = new TokenLstm(new LstmConfig(12, 8, 32, 2), 4, 16, 1);
        model.useAdam(0.02);
        int[][][] data = countingBatch(4, 16, 12);
        float[][] mask = ones(4, 16);
        double first = model.fitBatch(data[0], data[1], mask);
        double last = first;
        for (int step = 0; step < 150; step++) {
            last = model.fitBatch(data[0], data[1], mask);
        }
        assertTrue(first > 2.0, "an untrained model should be near ln(12) = 2.48, was " + first);
        assertTrue(last < 0.1, "after 150 steps the loss should be below 0.1 nats, was " + last);
    }
}
