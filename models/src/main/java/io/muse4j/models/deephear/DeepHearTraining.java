package io.muse4j.models.deephear;

import io.muse4j.core.score.Check;
import io.muse4j.core.token.ChoraleParts;
import io.muse4j.core.token.SymbolGrid;
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
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Trains {@link DeepHear} on four-part chorales: windows of the training chorales and their transpositions, starting
 * every quarter note, in shuffled batches. The first {@code pretrain} steps train the first autoencoder, the next
 * {@code pretrain} the second, and so on up to the code; the steps left fine-tune the whole stack. A stage's step
 * gives the other weights no gradients, so Adam leaves them as they are. Validation is always the whole stack's
 * reconstruction of the validation chorales' windows, so the best model is one fine-tuned. Then the prior is fitted
 * to the codes of up to {@value #PRIOR_WINDOWS} training windows.
 */
public final class DeepHearTraining {
    /** Validation windows scored at a time. */
    private static final int VALID_CHUNK = 256;
    /** Training windows whose codes the prior is fitted to, at most. */
    static final int PRIOR_WINDOWS = 4096;

    /**
     * What to train.
     *
     * @param data the corpus, its split and transposition; read on its grid
     * @param window steps a window spans
     * @param hidden units of the first hidden layer (each further one halves)
     * @param layers hidden layers
     * @param code code units
     * @param pretrain steps of each autoencoder's pretraining
     * @param batch windows per batch
     * @param trainer the trainer's settings; its steps include pretraining's
     * @param seed seeds the batch order and the weights
     * @param out the model file; the checkpoint and CSV log go beside it
     */
    public record Request(TrainingRequest.Data data, int window, int hidden, int layers, int code, int pretrain,
                          int batch, TrainerConfig trainer, long seed, Path out) {
        public Request {
            Check.atLeast("batch size", batch, 1);
            Check.atLeast("pretraining steps", pretrain, 0);
            long pretraining = (long) pretrain * (layers + 1);
            if (trainer.steps() <= pretraining) {
                throw new IllegalArgumentException("--steps " + trainer.steps() + " leaves no fine-tuning after "
                        + pretraining + " steps of pretraining (--pretrain " + pretrain + " for each of "
                        + (layers + 1) + " layers)");
            }
        }
    }

    private DeepHearTraining() {
    }

    /** Runs the request, logging to {@code log}; resumes from the checkpoint when asked. */
    public static Trainer.Result run(Request request, boolean resume, PrintStream log) throws IOException {
        TrainingRequest.Data data = request.data();
        ChoraleData chorales = ChoraleData.load(data, request.seed(), log);
        ChoraleParts parts = chorales.parts();
        int stepsPerQuarter = chorales.stepsPerQuarter();
        DeepHear model = new DeepHear(new DeepHear.Shape(request.window(), stepsPerQuarter, request.hidden(),
                request.layers(), request.code()), parts, request.seed());
        int window = request.window();
        RollWindows<VoiceRoll> train = new RollWindows<>(chorales.train(), RollWindows.VOICES, window,
                stepsPerQuarter, request.batch(), request.seed());
        List<VoiceRoll> validWindows = RollWindows.of(chorales.valid(), RollWindows.VOICES, window, window);
        if (train.count() == 0) {
            throw new IllegalArgumentException(data.corpus() + ": no chorale spans a window of " + request.window()
                    + " steps");
        }
        log.printf(Locale.ROOT, "%s: %,d windows of %d steps for training, %,d for validation; %d layers "
                + "pretrained for %d steps each, then fine-tuned%n", data.corpus(), train.count(), request.window(),
                validWindows.size(), model.stages(), request.pretrain());
        List<Batch> valid = new ArrayList<>();
        for (int from = 0; from < validWindows.size(); from += VALID_CHUNK) {
            valid.add(Batch.of(model, validWindows.subList(from, Math.min(validWindows.size(), from + VALID_CHUNK))));
        }
        Trainer.Result result = TrainingRun.train(request.trainer(), request.out(),
                new Learner(model, request.pretrain()), step -> Batch.of(model, train.batch(step)),
                train.perEpoch(), valid, resume, log);
        model.fitPrior(codes(model, spread(RollWindows.of(chorales.train(), RollWindows.VOICES, window,
                stepsPerQuarter), PRIOR_WINDOWS)));
        Map<String, String> summary = TrainingRun.summary(data, chorales.splits(), request.seed(), request.batch());
        summary.put("pretrainSteps", Integer.toString(request.pretrain()));
        summary.put("validationReconstructionNllPerPartStep", Double.toString(result.bestValidationLoss()));
        summary.put("steps", Long.toString(result.steps()));
        summary.put("stoppedEarly", Boolean.toString(result.stoppedEarly()));
        ModelFile.save(request.out(), model, Map.of(), List.of(), summary);
        return result;
    }

    /** At most {@code most} of the windows, evenly spread over them (every chorale and transposition in turn). */
    private static List<VoiceRoll> spread(List<VoiceRoll> windows, int most) {
        int stride = Math.max(1, (windows.size() + most - 1) / most);
        List<VoiceRoll> picked = new ArrayList<>();
        for (int i = 0; i < windows.size(); i += stride) {
            picked.add(windows.get(i));
        }
        return picked;
    }

    /** The codes (N, code) of windows, encoded a chunk at a time. */
    private static INDArray codes(DeepHear model, List<VoiceRoll> windows) {
        List<INDArray> chunks = new ArrayList<>();
        for (int from = 0; from < windows.size(); from += VALID_CHUNK) {
            chunks.add(model.encode(Batch.of(model, windows.subList(from, Math.min(windows.size(),
                    from + VALID_CHUNK))).input()));
        }
        return Nd4j.vstack(chunks.toArray(INDArray[]::new));
    }

    /** Windows' symbol grids, moved by no semitones (a chorale's pitches folded into its parts' ranges). */
    static List<int[][]> grids(DeepHear model, List<VoiceRoll> windows) {
        return windows.stream().map(w -> SymbolGrid.of(w, model.parts(), 0, model.shape().window())).toList();
    }

    /** A batch: the windows one-hot and their symbols. */
    record Batch(INDArray input, int[][] targets, int windows) {
        static Batch of(DeepHear model, List<VoiceRoll> windows) {
            List<int[][]> grids = grids(model, windows);
            return new Batch(model.input(grids), model.targets(grids), windows.size());
        }
    }

    /** The model as the trainer sees it: the stage of a step, and the whole stack's reconstruction for validation. */
    private record Learner(DeepHear model, int pretrain) implements Trainable<Batch> {
        @Override
        public Map<String, INDArray> weights() {
            return model.trained();
        }

        @Override
        public LossAndGradients lossAndGradients(Batch batch, long step) {
            int stage = pretrain == 0 ? model.stages() : (int) Math.min(model.stages(), step / pretrain);
            Map<String, INDArray> gradients = new HashMap<>();
            double loss = model.lossAndGradients(stage, batch.input(), batch.targets(), gradients);
            return new LossAndGradients(loss, gradients);
        }

        @Override
        public double loss(Batch batch) {
            return model.reconstructionLoss(batch.input(), batch.targets());
        }

        @Override
        public int targets(Batch batch) {
            return batch.windows() * model.shape().window() * ChoraleParts.COUNT;
        }
    }
}
