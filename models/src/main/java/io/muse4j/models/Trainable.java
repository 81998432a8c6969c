package io.muse4j.models;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;

/**
 * What the {@link Trainer} needs of a model: its weights, and its loss with gradients on a batch. A model with
 * extra loss terms folds them into its loss; a model trained by alternating optimisers (a GAN) exposes one
 * Trainable per side over disjoint weights.
 *
 * @param <B> the model's batch type
 */
public interface Trainable<B> {
    /** The trainable arrays by name, live: the trainer updates them in place. */
    Map<String, INDArray> weights();

    /** The loss on a batch and its gradient for every weight. */
    LossAndGradients lossAndGradients(B batch);

    /** The loss on a batch, without gradients (for validation). */
    double loss(B batch);

    /** How many targets a batch holds, for weighting validation losses and counting throughput. */
    int targets(B batch);

    /**
     * A loss and the gradients of the weights.
     *
     * @param loss the loss
     * @param gradients by weight name
     */
    record LossAndGradients(double loss, Map<String, INDArray> gradients) {
    }
}
