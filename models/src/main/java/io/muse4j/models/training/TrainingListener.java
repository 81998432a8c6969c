package io.muse4j.models.training;

/** Hears what the {@link Trainer} does; every method does nothing unless overridden. */
public interface TrainingListener {
    /** Before the first step of a run: {@code step} is 0, or the checkpoint's step count when resuming. */
    default void onStart(long step) {
    }

    /** After optimiser step {@code step} (from 0) of {@code totalSteps}, on a batch of {@code targets} targets. */
    default void onStep(long step, long totalSteps, double loss, double learningRate, int targets) {
    }

    /** Before {@link #onStep}: what the players measured at step {@code step}, by column name (may be empty). */
    default void onMeasures(long step, java.util.Map<String, Double> measures) {
    }

    /** After a validation at {@code step}; {@code best} when it is the lowest validation loss so far. */
    default void onValidation(long step, double validationLoss, boolean best) {
    }

    /** Just before the checkpoint of the first {@code steps} steps is written. */
    default void onCheckpoint(long steps) {
    }

    /** When training ends, normally or early. */
    default void onEnd(Trainer.Result result) {
    }
}
