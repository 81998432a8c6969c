package io.muse4j.models.kind;

import io.muse4j.models.training.Trainer;

/**
 * How a training run ended, with the words its one-line summary uses.
 *
 * @param result what the trainer reports
 * @param loss what the training loss is ("training", "generator")
 * @param validation what the validation loss is ("NLL", "loss", "distance")
 * @param unit the validation loss's unit, with a leading space ("" for none)
 */
public record TrainingOutcome(Trainer.Result result, String loss, String validation, String unit) {
}
