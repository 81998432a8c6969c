package io.muse4j.models.gan;

import io.muse4j.core.score.Check;

/**
 * How a GAN trains, beyond the {@link io.muse4j.models.training.Trainer}'s settings.
 *
 * @param pretrainSteps steps at the start in which the generator learns by teacher forcing (mean squared error
 *                      of the next note, fed the real notes before it) instead of adversarially
 * @param featureMatching whether the generator matches the mean of the discriminator's hidden features on real
 *                        data (Salimans et al. 2016) rather than maximising log D(G(z))
 * @param freezeRatio the discriminator sits an update out while its loss is below this share of the generator's
 *                    adversarial loss -log D(G(z)) (Mogren 2016 used 0.7); 0 never
 * @param seed seeds the noise
 */
public record GanSettings(int pretrainSteps, boolean featureMatching, double freezeRatio, long seed) {
    public GanSettings {
        Check.atLeast("pre-training steps", pretrainSteps, 0);
        if (!(freezeRatio >= 0 && freezeRatio <= 10)) {
            throw new IllegalArgumentException("discriminator freeze ratio " + freezeRatio + " outside 0..10");
        }
    }
}
