package io.muse4j.models.lm;

import io.muse4j.corpora.batch.TokenBatches;
import io.muse4j.models.nn.LstmConfig;
import io.muse4j.models.training.Trainer;
import io.muse4j.models.training.TrainerConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class TokenLstmTest {
    @TempDir
    Path dir;

    /** A batch of repeating patterns: each row counts upwards from its own start, modulo the vocabulary. */
    public static TokenBatches.Batch countingBatch(int batch, int steps, int vocabulary) {
        int[][] tokens = new int[batch][steps];
        int[][] targets = new int[batch][steps];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < steps; t++) {
                tokens[b][t] = (b + t) % vocabulary;
                targets[b][t] = (b + t + 1) % vocabulary;
            }
        }
        return new TokenBatches.Batch(tokens, targets, ones(batch, steps));
    }

    static float[][] ones(int batch, int steps) {
        float[][] mask = new float[batch][steps];
        for (float[] row : mask) {
            java.util.Arrays.fill(row, 1f);
        }
        return mask;
    }

    /** Trains on one batch over and over; returns the last training loss. */
    public static double overfit(TokenModel model, TokenBatches.Batch batch, int steps, double rate, Path dir)
            throws Exception {
        TrainerConfig config = new TrainerConfig(steps, rate, 0, 1.0, 5.0, steps, steps, 0);
        return new Trainer<>(config, model, i -> batch, List.of(), dir.resolve("overfit.ckpt"), List.of())
                .train(false).lastLoss();
    }

    @Tag("slow")
    @Test
    void overfitsOneBatch() throws Exception {
        TokenModel model = new TokenModel(new LstmConfig(12, 8, 32, 2), 1);
        TokenBatches.Batch batch = countingBatch(4, 16, 12);
        double first = model.loss(batch);
        double last = overfit(model, batch, 150, 0.02, dir);
        assertTrue(first > 2.0, "an untrained model should be near ln(12) = 2.48, was " + first);
        assertTrue(model.loss(batch) < 0.1, "after 150 steps the loss should be below 0.1 nats, was "
                + model.loss(batch) + " (last training loss " + last + ")");
    }

    @Test
    void maskedPositionsDoNotCount() throws Exception {
        TokenModel model = new TokenModel(new LstmConfig(12, 8, 16, 1), 5);
        TokenBatches.Batch batch = countingBatch(2, 8, 12);
        overfit(model, batch, 40, 0.02, dir); // a peaked model, so that other targets cost more
        float[][] mask = ones(2, 8);
        int[][] otherTargets = new int[2][];
        for (int b = 0; b < 2; b++) {
            otherTargets[b] = batch.targets()[b].clone();
            for (int t = 5; t < 8; t++) {
                mask[b][t] = 0;
                otherTargets[b][t] = (otherTargets[b][t] + 3) % 12;
            }
        }
        double masked = model.loss(batch.tokens(), batch.targets(), mask);
        assertEquals(masked, model.loss(batch.tokens(), otherTargets, mask), 1e-6);
        assertNotEquals(masked, model.loss(batch.tokens(), otherTargets, ones(2, 8)), 1e-3);
    }
}
