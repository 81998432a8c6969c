package io.muse4j.models.training;

import io.muse4j.core.score.Check;

/**
 * How the {@link Trainer} runs.
 *
 * @param steps optimiser steps in all
 * @param learningRate peak learning rate of Adam
 * @param warmupSteps steps of linear warmup from 0 to the peak
 * @param finalLearningRateFraction the learning rate falls from the peak along a cosine to this fraction of it
 * @param clipNorm gradients are clipped to this global norm; 0 turns clipping off
 * @param validateEvery steps between validations
 * @param checkpointEvery steps between checkpoints (a killed run loses at most this many)
 * @param patience validations without improvement before stopping early; 0 never stops early
 */
public record TrainerConfig(int steps, double learningRate, int warmupSteps, double finalLearningRateFraction,
                            double clipNorm, int validateEvery, int checkpointEvery, int patience) {
    public TrainerConfig {
        Check.atLeast("steps", steps, 1);
        Check.positive("learning rate", learningRate);
        Check.atLeast("warmup steps", warmupSteps, 0);
        if (!(finalLearningRateFraction >= 0 && finalLearningRateFraction <= 1)) {
            throw new IllegalArgumentException("final learning-rate fraction " + finalLearningRateFraction
                    + " outside 0..1");
        }
        if (!(clipNorm >= 0)) {
            throw new IllegalArgumentException("clip norm " + clipNorm + " must be at least 0");
        }
        Check.atLeast("validation interval", validateEvery, 1);
        Check.atLeast("checkpoint interval", checkpointEvery, 1);
        Check.atLeast("patience", patience, 0);
    }

    /** The same settings for another number of steps. */
    public TrainerConfig withSteps(int newSteps) {
        return new TrainerConfig(newSteps, learningRate, warmupSteps, finalLearningRateFraction, clipNorm,
                validateEvery, checkpointEvery, patience);
    }

    /** The learning rate of step {@code step} (from 0): linear warmup, then cosine decay. */
    public double learningRateAt(long step) {
        if (step < warmupSteps) {
            return learningRate * (step + 1) / warmupSteps;
        }
        double progress = steps <= warmupSteps ? 1 : (double) (step - warmupSteps) / (steps - warmupSteps);
        double cosine = 0.5 * (1 + Math.cos(Math.PI * Math.min(1, progress)));
        return learningRate * (finalLearningRateFraction + (1 - finalLearningRateFraction) * cosine);
    }
}
