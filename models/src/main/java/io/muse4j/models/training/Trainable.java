package io.muse4j.models.training;

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

    /**
     * The loss and gradients for the {@code repeat}-th (from 0) of several updates this player takes at one trainer
     * step ({@link Trainer.Turn#repeats()}); a model with fresh data or noise per update tells them apart by it.
     */
    default LossAndGradients lossAndGradients(B batch, long step, int repeat) {
        return lossAndGradients(batch, step);
    }

    /** The loss on a batch, without gradients (for validation). */
    double loss(B batch);

    /** How many targets a batch holds, for weighting validation losses and counting throughput. */
    int targets(B batch);

    /**
     * A loss and the gradients of the weights, with named measures for the training log.
     *
     * @param loss the loss
     * @param gradients by weight name; null when the player sits this update out (a GAN's discriminator far ahead)
     * @param measures what else the model measured on the batch (for a GAN, D(x) and D(G(z))), by column name
     */
    record LossAndGradients(double loss, Map<String, INDArray> gradients, Map<String, Double> measures) {
        public LossAndGradients {
            measures = Map.copyOf(measures);
        }

        /** A loss and gradients without measures. */
        public LossAndGradients(double loss, Map<String, INDArray> gradients) {
            this(loss, gradients, Map.of());
        }

        /** Whether the player takes an optimiser step with these gradients. */
        public boolean steps() {
            return gradients != null;
        }
    }
}
