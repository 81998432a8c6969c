package io.muse4j.models.training;

import io.muse4j.models.nn.AdamOptimizer;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Trains any {@link Trainable} with Adam, global-norm clipping, warmup and cosine decay; validates every N steps
 * and stops early when validation stops improving; writes a checkpoint atomically every N steps and at the end.
 * {@link #train(boolean)} with {@code resume} continues from the checkpoint with the optimiser state, the step
 * and (since batch {@code i} is a pure function of {@code i}) the data position, so a resumed run ends where an
 * uninterrupted one would. When training ends the model holds the weights of its best validation.
 * <p>
 * A model trained by alternating optimisers (a GAN) comes as several Trainables over disjoint weights, its
 * players: at every step each player in turn computes its loss on the batch, with the weights the players before
 * it have just updated, and takes a step of its own Adam. One checkpoint holds them all. Validation and the
 * reported loss are the last player's. Each player has a {@link Turn}: how many updates it takes per step (a GAN's
 * {@code --d-steps} and {@code --g-steps}) and its learning rate as a multiple of the schedule's. A player may sit an
 * update out (gradients null), and keeps its own count of Adam steps.
 *
 * @param <B> the model's batch type
 */
public final class Trainer<B> {
    /**
     * How a run ended.
     *
     * @param steps steps taken in all, across resumes
     * @param stepsThisRun steps taken by this call (0 when it resumed a finished run)
     * @param lastLoss training loss of the last step, NaN when this call took none
     * @param bestValidationLoss lowest validation loss, NaN when no validation ran
     * @param stoppedEarly whether validation stopped improving before the last step
     */
    public record Result(long steps, long stepsThisRun, double lastLoss, double bestValidationLoss,
                         boolean stoppedEarly) {
    }

    /**
     * How a player takes its turn at each step.
     *
     * @param learningRateScale the player's learning rate over the trainer's schedule, by step (a GAN's generator
     *                          may pre-train at one rate and play at another)
     * @param repeats updates the player takes per step, each on its own call (see
     *                {@link Trainable#lossAndGradients(Object, long, int)})
     */
    public record Turn(Schedule learningRateScale, int repeats) {
        /** One update at the schedule's rate. */
        public static final Turn ONCE = new Turn(1, 1);

        public Turn {
            if (learningRateScale == null) {
                throw new IllegalArgumentException("a turn needs a learning-rate scale");
            }
            io.muse4j.core.score.Check.range("updates per step", repeats, 1, 1000);
        }

        /** A turn at a constant multiple of the schedule's rate. */
        public Turn(double learningRateScale, int repeats) {
            this(Schedule.constant(learningRateScale), repeats);
            io.muse4j.core.score.Check.positive("learning-rate scale", learningRateScale);
        }
    }

    private final TrainerConfig config;
    private final List<Trainable<B>> players;
    private final List<Turn> turns;
    private final Trainable<B> model;
    private final LongFunction<B> trainBatches;
    private final List<B> validation;
    private final Path checkpoint;
    private final List<TrainingListener> listeners;

    /**
     * @param trainBatches training batch {@code i} for step {@code i}
     * @param validation the validation batches
     * @param checkpoint where checkpoints go
     */
    public Trainer(TrainerConfig config, Trainable<B> model, LongFunction<B> trainBatches, List<B> validation,
                   Path checkpoint, List<TrainingListener> listeners) {
        this(config, List.of(model), trainBatches, validation, checkpoint, listeners);
    }

    /**
     * A trainer of players stepped in turn, each with its own Adam (see the class comment).
     *
     * @param players Trainables over disjoint weights, in the order they step
     */
    public Trainer(TrainerConfig config, List<? extends Trainable<B>> players, LongFunction<B> trainBatches,
                   List<B> validation, Path checkpoint, List<TrainingListener> listeners) {
        this(config, players, java.util.Collections.nCopies(players.size(), Turn.ONCE), trainBatches, validation,
                checkpoint, listeners);
    }

    /**
     * A trainer of players stepped in turn, each with its own Adam, learning rate and updates per step.
     *
     * @param turns each player's turn, in the players' order
     */
    public Trainer(TrainerConfig config, List<? extends Trainable<B>> players, List<Turn> turns,
                   LongFunction<B> trainBatches, List<B> validation, Path checkpoint,
                   List<TrainingListener> listeners) {
        if (players.isEmpty() || turns.size() != players.size()) {
            throw new IllegalArgumentException(players.isEmpty() ? "nothing to train: no players"
                    : turns.size() + " turns for " + players.size() + " players");
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Trainable<B> player : players) {
            for (String name : player.weights().keySet()) {
                if (!names.add(name)) {
                    throw new IllegalArgumentException("weight '" + name + "' belongs to two players");
                }
            }
        }
        this.config = config;
        this.players = List.copyOf(players);
        this.turns = List.copyOf(turns);
        this.model = this.players.get(this.players.size() - 1);
        this.trainBatches = trainBatches;
        this.validation = List.copyOf(validation);
        this.checkpoint = checkpoint;
        this.listeners = List.copyOf(listeners);
    }

    /** Trains to the configured number of steps (or an early stop), resuming from the checkpoint if asked. */
    public Result train(boolean resume) throws IOException {
        Map<String, INDArray> weights = new LinkedHashMap<>();
        Map<String, INDArray> optimizerState = new LinkedHashMap<>();
        List<AdamOptimizer> optimizers = new java.util.ArrayList<>();
        for (Trainable<B> player : players) {
            AdamOptimizer adam = new AdamOptimizer(player.weights());
            optimizers.add(adam);
            weights.putAll(player.weights());
            optimizerState.putAll(adam.state());
        }
        Map<String, INDArray> best = copies(weights);
        Checkpoint.Counters counters = new Checkpoint.Counters(0, new long[players.size()], Double.NaN, 0, false);
        if (resume && Files.exists(checkpoint)) {
            counters = Checkpoint.restore(checkpoint, weights, optimizerState, best);
            for (int p = 0; p < optimizers.size(); p++) {
                long[] steps = counters.optimizerSteps();
                optimizers.get(p).restoreSteps(steps[Math.min(p, steps.length - 1)]);
            }
        }
        double lastLoss = Double.NaN;
        boolean stopped = false;
        long step = counters.step();
        long saved = resume && Files.exists(checkpoint) ? step : -1;
        long firstStep = step;
        for (TrainingListener l : listeners) {
            l.onStart(step);
        }
        while (step < config.steps() && !stopped) {
            B batch = trainBatches.apply(step);
            double rate = config.learningRateAt(step);
            Map<String, Double> measures = new java.util.TreeMap<>();
            lastLoss = takeTurns(batch, step, rate, optimizers, measures);
            if (!Double.isFinite(lastLoss)) {
                throw diverged("the training loss is " + lastLoss, step, saved);
            }
            for (TrainingListener l : listeners) {
                l.onMeasures(step, measures);
                l.onStep(step, config.steps(), lastLoss, rate, model.targets(batch));
            }
            step++;
            if (step % config.validateEvery() == 0 && !validation.isEmpty()) {
                counters = validate(step, counters, weights, best, saved);
                stopped = config.patience() > 0 && counters.validationsWithoutGain() >= config.patience();
            }
            counters = new Checkpoint.Counters(step, optimizers.stream().mapToLong(AdamOptimizer::steps).toArray(),
                    counters.bestValidationLoss(), counters.validationsWithoutGain(), counters.hasBest());
            if (step % config.checkpointEvery() == 0 || step == config.steps() || stopped) {
                for (TrainingListener l : listeners) {
                    l.onCheckpoint(step);
                }
                String bad = firstNonFinite(weights);
                if (bad != null) {
                    throw diverged("weight " + bad + " is no longer a number", step - 1, saved);
                }
                Checkpoint.save(checkpoint, counters, weights, optimizerState, best);
                saved = step;
            }
        }
        if (counters.hasBest()) {
            best.forEach((name, w) -> weights.get(name).assign(w));
        }
        Result result = new Result(step, step - firstStep, lastLoss, counters.bestValidationLoss(), stopped);
        listeners.forEach(l -> l.onEnd(result));
        return result;
    }

    /** Every player's updates at one step, in order; returns the last update's loss, collecting the measures. */
    private double takeTurns(B batch, long step, double rate, List<AdamOptimizer> optimizers,
                             Map<String, Double> measures) {
        double loss = Double.NaN;
        for (int p = 0; p < players.size(); p++) {
            for (int repeat = 0; repeat < turns.get(p).repeats(); repeat++) {
                Trainable.LossAndGradients lg = players.get(p).lossAndGradients(batch, step, repeat);
                if (lg.steps()) {
                    optimizers.get(p).step(lg.gradients(), rate * turns.get(p).learningRateScale().at(step),
                            config.clipNorm());
                }
                measures.putAll(lg.measures());
                loss = lg.loss();
            }
        }
        return loss;
    }

    private Checkpoint.Counters validate(long step, Checkpoint.Counters counters, Map<String, INDArray> weights,
                                         Map<String, INDArray> best, long saved) {
        double loss = validationLoss();
        if (!Double.isFinite(loss)) {
            throw diverged("the validation loss is " + loss, step - 1, saved);
        }
        boolean better = !counters.hasBest() || loss < counters.bestValidationLoss();
        if (better) {
            best.forEach((name, w) -> w.assign(weights.get(name)));
        }
        for (TrainingListener l : listeners) {
            l.onValidation(step - 1, loss, better);
        }
        return new Checkpoint.Counters(step, counters.optimizerSteps(),
                better ? loss : counters.bestValidationLoss(), better ? 0 : counters.validationsWithoutGain() + 1,
                true);
    }

    /** Mean loss per target over the validation batches. */
    public double validationLoss() {
        double total = 0;
        long targets = 0;
        for (B batch : validation) {
            int n = model.targets(batch);
            total += model.loss(batch) * n;
            targets += n;
        }
        return total / Math.max(1, targets);
    }

    /**
     * The error that ends a run whose loss or weights stopped being numbers (too high a learning rate, most
     * often); the checkpoint on disk, written before the divergence, is kept, and the model is not saved.
     */
    private DivergedException diverged(String what, long step, long saved) {
        return new DivergedException("training diverged at step " + (step + 1) + ": " + what + " (a lower "
                + "learning rate may help); the model was not saved, and " + (saved < 0
                ? "no checkpoint was written before it" : checkpoint + " keeps step " + saved + ", the last good one"));
    }

    /** The name of the first array holding NaN or an infinity, or null when all are finite. */
    private static String firstNonFinite(Map<String, INDArray> arrays) {
        for (Map.Entry<String, INDArray> e : arrays.entrySet()) {
            if (!Double.isFinite(e.getValue().sumNumber().doubleValue())) {
                return e.getKey();
            }
        }
        return null;
    }

    private static Map<String, INDArray> copies(Map<String, INDArray> arrays) {
        Map<String, INDArray> copies = new LinkedHashMap<>();
        arrays.forEach((name, a) -> copies.put(name, a.dup()));
        return copies;
    }
}
