package io.muse4j.models.gan;

import io.muse4j.core.random.Seeds;
import io.muse4j.core.score.Check;
import io.muse4j.models.training.Checkpoint;
import io.muse4j.models.training.CsvLog;
import io.muse4j.models.training.ProgressBar;
import io.muse4j.models.training.Schedule;
import io.muse4j.models.training.Trainable;
import io.muse4j.models.training.Trainer;
import io.muse4j.models.training.TrainerConfig;
import io.muse4j.models.training.TrainingListener;
import io.muse4j.models.training.TrainingRun;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongFunction;

/**
 * How every GAN kind plays its two players with the shared {@link Trainer}: the checks on a request, the turns,
 * the seeds of each update's noise and of the validation samples, and the training run with its CSV log of
 * {@link #MEASURES}.
 */
public final class GanPlay {
    /** The measures the players report, in the training log's column order. */
    public static final List<String> MEASURES = List.of("d_loss", "d_real", "d_fake", "d_accuracy", "d_trained",
            "distinct", "g_pretrain_loss", "g_loss");

    private GanPlay() {
    }

    /** The noise seed of an update: a pure function of the run's seed, the step, the update and the side. */
    public static long noiseSeed(long seed, long step, int repeat, int side) {
        return (Seeds.mix(seed, step) * 1_009L + repeat) * 3L + side;
    }

    /** The seed of the fixed noise the generator's validation samples are drawn from. */
    public static long validationSeed(long seed) {
        return seed ^ 0x5eed;
    }

    /** Checks a GAN request's batch size, turns, learning rates and transposition. */
    public static void checkPlay(int batch, int dSteps, int gSteps, double gLr, double dLr, int transpose) {
        Check.atLeast("batch size", batch, 1);
        Check.range("discriminator steps", dSteps, 1, 100);
        Check.range("generator steps", gSteps, 1, 100);
        Check.positive("generator learning rate", gLr);
        Check.positive("discriminator learning rate", dLr);
        Check.range("transposition", transpose, 0, 24);
    }

    /**
     * The two players' turns: the discriminator's at {@code dLr} over the schedule's rate, the generator's at the
     * schedule's rate while pre-training, then at {@code gLr}.
     */
    public static List<Trainer.Turn> turns(TrainerConfig trainer, GanSettings gan, int dSteps, int gSteps, double dLr,
                                           double gLr) {
        double lr = trainer.learningRate();
        int pretrain = gan.pretrainSteps();
        return List.of(new Trainer.Turn(dLr / lr, dSteps),
                new Trainer.Turn(Schedule.linear(1, gLr / lr, pretrain - 1, pretrain), gSteps));
    }

    /**
     * Trains a GAN's players with the shared {@link Trainer}, logging to the model's CSV log, a progress bar of
     * {@code stepsPerEpoch} and a {@link GanMonitor}; its checkpoint goes beside {@code out}.
     */
    public static <B> Trainer.Result play(TrainerConfig trainer, List<Trainable<B>> players, List<Trainer.Turn> turns,
                                          LongFunction<B> batches, List<B> valid, long stepsPerEpoch, Path out,
                                          boolean resume, PrintStream log) throws IOException {
        try (CsvLog csv = new CsvLog(TrainingRun.logOf(out), MEASURES)) {
            boolean live = ProgressBar.standardErrorIsTerminal();
            List<TrainingListener> listeners = List.of(csv, new ProgressBar(log, stepsPerEpoch, live),
                    new GanMonitor(log, GanMonitor.STRETCH, live));
            return new Trainer<>(trainer, players, turns, batches, valid, Checkpoint.beside(out),
                    listeners).train(resume);
        }
    }
}
