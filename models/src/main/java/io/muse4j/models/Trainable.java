package io.muse4j.models;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;

/**
 * What the {@link Trainer} needs of a model: its weights, and its loss with gradients on a batch. A model with
 * extra loss terms folds them into its loss, weighting them by a {@link Schedule} of the step; a model trained by
 * alternating optimisers (a GAN) gives the Trainer one Trainable per side, over disjoint weights, each with an
 * optimiser of its own.
 *
 * @param <B> the model's batch type
 */
public interface Trainable<B> {
    /** The trainable arrays by name, live: the trainer updates them in place. */
    Map<String, INDArray> weights();

    /**
     * The loss on a batch at optimiser step {@code step} (from 0) and its gradient for every weight. The step lets
     * extra loss terms follow a {@link Schedule}; a resumed run sees the steps an uninterrupted one would.
     */
    LossAndGradients lossAndGradients(B batch, long step);

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
