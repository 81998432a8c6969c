package io.muse4j.models.gan;

import io.muse4j.models.kind.Setting;
import io.muse4j.models.kind.Settings;
import io.muse4j.models.training.TrainingRequest;

import java.util.List;

/**
 * How a GAN's two players take their turns, from the settings every GAN kind takes.
 *
 * @param gan the adversarial settings
 * @param discriminatorSteps discriminator updates per step
 * @param generatorSteps generator updates per step
 * @param generatorLearningRate the generator's peak learning rate once pre-training ends
 * @param discriminatorLearningRate the discriminator's peak learning rate
 */
public record GanTurns(GanSettings gan, int discriminatorSteps, int generatorSteps, double generatorLearningRate,
                       double discriminatorLearningRate) {
    /** The settings of every GAN kind. */
    public static final List<Setting> SETTINGS = List.of(
            Setting.integer("--d-steps", 1, "Discriminator updates per step.").within(1, 100),
            Setting.integer("--g-steps", 1, "Generator updates per step.").within(1, 100),
            Setting.optional("--d-lr", Double.class, "Discriminator's peak learning rate (default: --lr).")
                    .within(Double.MIN_VALUE, 1),
            Setting.optional("--g-lr", Double.class, "Generator's peak learning rate once pre-training ends; --lr "
                    + "is its rate while pre-training (default: --lr).").within(Double.MIN_VALUE, 1),
            Setting.integer("--pretrain", 0, "First steps in which the generator learns by teacher forcing.")
                    .within(0, 100_000_000),
            Setting.integer("--noise", 16, "Random numbers fed to the generator at each step.").within(1, 1 << 14),
            Setting.flag("--no-feature-matching", "Train the generator on -log D(G(z)) instead of feature matching."),
            Setting.real("--freeze-ratio", 0.7, "The discriminator sits out an update while its loss is below this "
                    + "share of the generator's; 0 never.").within(0, 10));

    /** The turns the settings ask for; the learning rates default to the trainer's. */
    public static GanTurns of(Settings s, TrainingRequest request) {
        double lr = request.trainer().learningRate();
        return new GanTurns(new GanSettings(s.integer("--pretrain"), !s.flag("--no-feature-matching"),
                s.real("--freeze-ratio"), request.seed()), s.integer("--d-steps"), s.integer("--g-steps"),
                s.real("--g-lr", lr), s.real("--d-lr", lr));
    }
}
