package io.muse4j.cli;

import io.muse4j.models.gan.crnngan.CrnnGanConfig;
import io.muse4j.models.gan.crnngan.CrnnGanTraining;
import io.muse4j.models.gan.GanSettings;
import io.muse4j.models.gan.midinet.MidiNetConfig;
import io.muse4j.models.gan.midinet.MidiNetTraining;
import io.muse4j.models.training.TrainerConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

import java.util.List;

/**
 * The options of {@code train --model crnngan|midinet}: the two players' turns and rates, and the adversarial
 * settings; MidiNet's regularisers and its unconditioned control.
 */
final class GanOptions {
    private static final List<String> NAMES = List.of("--d-steps", "--g-steps", "--d-lr", "--g-lr", "--pretrain",
            "--noise", "--d-hidden", "--no-feature-matching", "--freeze-ratio");
    private static final List<String> MIDINET_NAMES = List.of("--lambda1", "--lambda2", "--no-chords");

    @Option(names = "--d-steps", defaultValue = "1", description = "GAN: discriminator updates per step (default: "
            + "${DEFAULT-VALUE}).")
    int discriminatorSteps;

    @Option(names = "--g-steps", defaultValue = "1", description = "GAN: generator updates per step (default: "
            + "${DEFAULT-VALUE}).")
    int generatorSteps;

    @Option(names = "--d-lr", description = "GAN: discriminator's peak learning rate (default: --lr).")
    Double discriminatorLearningRate;

    @Option(names = "--g-lr", description = "GAN: generator's peak learning rate once pre-training ends; --lr is its "
            + "rate while pre-training (default: --lr).")
    Double generatorLearningRate;

    @Option(names = "--pretrain", defaultValue = "0", description = "GAN: first steps in which the generator learns "
            + "by teacher forcing (default: ${DEFAULT-VALUE}).")
    int pretrain;

    @Option(names = "--noise", defaultValue = "16", description = "GAN: random numbers fed to the generator at each "
            + "step (default: ${DEFAULT-VALUE}).")
    int noise;

    @Option(names = "--d-hidden", description = "GAN: LSTM units per layer of each discriminator direction "
            + "(default: --hidden).")
    Integer discriminatorHidden;

    @Option(names = "--no-feature-matching", description = "GAN: train the generator on -log D(G(z)) instead of "
            + "feature matching.")
    boolean noFeatureMatching;

    @Option(names = "--freeze-ratio", defaultValue = "0.7", description = "GAN: the discriminator sits out an update "
            + "while its loss is below this share of the generator's; 0 never (default: ${DEFAULT-VALUE}).")
    double freezeRatio;

    @Option(names = "--lambda1", defaultValue = "0.1", description = "MidiNet: weight of the squared distance "
            + "between the mean real and generated bars (default: ${DEFAULT-VALUE}).")
    double lambda1;

    @Option(names = "--lambda2", defaultValue = "1.0", description = "MidiNet: weight of the same on the "
            + "discriminator's first-layer features (default: ${DEFAULT-VALUE}).")
    double lambda2;

    @Option(names = "--no-chords", description = "MidiNet: train without the chord condition (a control).")
    boolean noChords;

    /** Fails unless the GAN options are left alone when the model is not a GAN, and MidiNet's unless a MidiNet. */
    static void checkUnused(CommandSpec spec, boolean gan, boolean midiNet) {
        ParseResult parsed = spec.commandLine().getParseResult();
        for (String name : gan ? List.<String>of() : NAMES) {
            if (parsed.hasMatchedOption(name)) {
                throw new UsageException(name + " is for --model crnngan or midinet");
            }
        }
        for (String name : midiNet ? List.<String>of() : MIDINET_NAMES) {
            if (parsed.hasMatchedOption(name)) {
                throw new UsageException(name + " is for --model midinet");
            }
        }
    }

    /** The training request, with the trainer's schedule; its learning rate is what --d-lr and --g-lr default to. */
    CrnnGanTraining.Request request(TrainCommand train, TrainerConfig schedule) {
        try {
            double lr = schedule.learningRate();
            CrnnGanConfig config = new CrnnGanConfig(noise, train.hidden, train.layers,
                    discriminatorHidden != null ? discriminatorHidden : train.hidden, train.seqLen);
            return new CrnnGanTraining.Request(train.corpus, train.encoding.rolls(), config, train.batch, schedule,
                    new GanSettings(pretrain, !noFeatureMatching, freezeRatio, train.seed), discriminatorSteps,
                    generatorSteps, generatorLearningRate != null ? generatorLearningRate : lr,
                    discriminatorLearningRate != null ? discriminatorLearningRate : lr,
                    train.validFraction, train.transpose, train.seed, train.out);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The MidiNet training request: --hidden is its filters per layer; its learning rates as for a C-RNN-GAN. */
    MidiNetTraining.Request midiNetRequest(TrainCommand train, TrainerConfig schedule) {
        try {
            double lr = schedule.learningRate();
            return new MidiNetTraining.Request(train.corpus, train.encoding.rolls(),
                    new MidiNetConfig(noise, train.hidden, !noChords), train.batch, schedule,
                    new GanSettings(pretrain, !noFeatureMatching, freezeRatio, train.seed), discriminatorSteps,
                    generatorSteps, generatorLearningRate != null ? generatorLearningRate : lr,
                    discriminatorLearningRate != null ? discriminatorLearningRate : lr, lambda1, lambda2,
                    train.validFraction, train.transpose, train.seed, train.out);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
