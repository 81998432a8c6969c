/** The model-agnostic Trainer, its checkpoints, training logs and progress bar. */
package io.muse4j.models.training;
