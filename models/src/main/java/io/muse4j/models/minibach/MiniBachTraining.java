package io.muse4j.models.minibach;

import io.muse4j.core.random.Seeds;
import io.muse4j.core.score.Check;
import io.muse4j.core.token.ChoraleParts;
import io.muse4j.core.token.VoiceRoll;
import io.muse4j.models.file.ModelFile;
import io.muse4j.models.training.ChoraleData;
import io.muse4j.models.training.RollWindows;
import io.muse4j.models.training.Trainable;
import io.muse4j.models.training.Trainer;
import io.muse4j.models.training.TrainerConfig;
import io.muse4j.models.training.TrainingRequest;
import io.muse4j.models.training.TrainingRun;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Trains {@link MiniBach} on four-part chorales (one track per part, soprano first, as
 * {@code Jsb16thSeparated.json} reads): windows of the training chorales and their transpositions, starting every
 * quarter note, in shuffled batches; validation on the validation chorales' windows, end to end.
 */
public final class MiniBachTraining {
    /** Validation windows scored at a time. */
    private static final int VALID_CHUNK = 256;

    /**
     * What to train.
     *
     * @param data the corpus, its split and transposition; read on its grid
     * @param window steps a window spans
     * @param hidden hidden units
     * @param dropout share of hidden units dropped in training
     * @param batch windows per batch
     * @param trainer the trainer's settings
     * @param seed seeds the batch order, the weights and dropout
     * @param out the model file; the checkpoint and CSV log go beside it
     */
    public record Request(TrainingRequest.Data data, int window, int hidden, double dropout, int batch,
                          TrainerConfig trainer, long seed, Path out) {
        public Request {
            Check.atLeast("window", window, 1);
            Check.atLeast("hidden units", hidden, 1);
            Check.atLeast("batch size", batch, 1);
            if (!(dropout >= 0 && dropout < 1)) {
                throw new IllegalArgumentException("dropout " + dropout + " is not in 0..1 (1 excluded)");
            }
        }
    }

    private MiniBachTraining() {
    }

    /** Runs the request, logging to {@code log}; resumes from the checkpoint when asked. */
    public static Trainer.Result run(Request request, boolean resume, PrintStream log) throws IOException {
        TrainingRequest.Data data = request.data();
        ChoraleData chorales = ChoraleData.load(data, request.seed(), log);
        int stepsPerQuarter = chorales.stepsPerQuarter();
        List<VoiceRoll> train = chorales.train();
        RollWindows<VoiceRoll> trainWindows = new RollWindows<>(train, RollWindows.VOICES, request.window(),
                stepsPerQuarter, request.batch(), request.seed());
        List<VoiceRoll> validWindows = windows(chorales.valid(), request.window(), request.window());
        if (trainWindows.count() == 0) {
            throw new IllegalArgumentException(data.corpus() + ": no chorale spans a window of " + request.window()
                    + " steps");
        }
        log.printf(Locale.ROOT, "%s: %d windows of %d steps for training, %d for validation%n", data.corpus(),
                trainWindows.count(), request.window(), validWindows.size());
        MiniBach model = new MiniBach(request.window(), stepsPerQuarter, chorales.parts(), request.hidden(),
                request.seed());
        List<Batch> valid = new ArrayList<>();
        for (int from = 0; from < validWindows.size(); from += VALID_CHUNK) {
            valid.add(Batch.of(model, validWindows.subList(from, Math.min(validWindows.size(), from + VALID_CHUNK))));
        }
        Trainer.Result result = TrainingRun.train(request.trainer(), request.out(),
                new Learner(model, request.dropout(), request.seed()),
                step -> Batch.of(model, trainWindows.batch(step)), trainWindows.perEpoch(), valid, resume, log);
        Map<String, String> summary = TrainingRun.summary(data, chorales.splits(), request.seed(), request.batch());
        summary.put("dropout", Double.toString(request.dropout()));
        summary.put("validationNllPerPartStep", Double.toString(result.bestValidationLoss()));
        summary.put("steps", Long.toString(result.steps()));
        summary.put("stoppedEarly", Boolean.toString(result.stoppedEarly()));
        ModelFile.save(request.out(), model, Map.of(), List.of(), summary);
        return result;
    }

    /** Every window of {@code window} steps starting every {@code hop} steps. */
    static List<VoiceRoll> windows(List<VoiceRoll> rolls, int window, int hop) {
        return RollWindows.of(rolls, RollWindows.VOICES, window, hop);
    }

    /** A batch: the soprano input and the lower parts' symbols. */
    record Batch(INDArray input, int[][] targets, int windows) {
        static Batch of(MiniBach model, List<VoiceRoll> windows) {
            return new Batch(model.input(windows), model.targets(windows), windows.size());
        }
    }

    /** The model as the trainer sees it: cross-entropy with dropout, and without for validation. */
    private record Learner(MiniBach model, double dropout, long seed) implements Trainable<Batch> {
        @Override
        public Map<String, INDArray> weights() {
            return model.weights();
        }

        @Override
        public LossAndGradients lossAndGradients(Batch batch, long step) {
            Map<String, INDArray> gradients = new HashMap<>();
            double loss = model.lossAndGradients(batch.input(), batch.targets(), dropout,
                    new SplittableRandom(Seeds.mix(seed, step)), gradients);
            return new LossAndGradients(loss, gradients);
        }

        @Override
        public double loss(Batch batch) {
            return model.loss(batch.input(), batch.targets());
        }

        @Override
        public int targets(Batch batch) {
            return batch.windows() * model.window() * (ChoraleParts.COUNT - 1);
        }
    }
}
