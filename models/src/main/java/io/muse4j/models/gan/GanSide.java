package io.muse4j.models.gan;

import io.muse4j.models.training.Trainable;

/**
 * What the two players of a GAN share: each of a step's several updates tells its repeat apart (fresh data and
 * noise), and the first one stands for the batch; the discriminator's validation loss is its loss on the batch.
 *
 * @param <B> the GAN's batch type
 */
public abstract class GanSide<B> implements Trainable<B> {
    @Override
    public LossAndGradients lossAndGradients(B batch, long step) {
        return lossAndGradients(batch, step, 0);
    }

    @Override
    public abstract LossAndGradients lossAndGradients(B batch, long step, int repeat);

    @Override
    public double loss(B batch) {
        return lossAndGradients(batch, 0, 0).loss();
    }
}
