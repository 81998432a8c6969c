package io.muse4j.models.anticipation;

import io.muse4j.core.random.Seeds;
import io.muse4j.core.score.Check;
import io.muse4j.core.token.ChoraleParts;
import io.muse4j.core.token.SymbolGrid;
import io.muse4j.core.token.VoiceRoll;
import io.muse4j.models.file.ModelFile;
import io.muse4j.models.training.ChoraleData;
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
 * Trains an {@link AnticipationRnn} on four-part chorales (one track per part, soprano first): each batch holds windows
 * drawn at random from the training chorales and their transpositions, each with constraints drawn by {@link
 * ConstraintMasks}, and every token is scored; validation scores the alto, tenor and bass of every window of the
 * validation chorales given their soprano as constraints, as harmonising does.
 */
public final class AnticipationTraining {
    /** Windows scored at a time in validation. */
    private static final int CHUNK = 16;

    /**
     * What to train.
     *
     * @param data the corpus, its split and transposition; read on its grid
     * @param window grid steps of each training window
     * @param hidden units of each LSTM layer
     * @param layers layers of each LSTM
     * @param dropout share of each layer's outputs dropped in training
     * @param batch windows per batch
     * @param trainer the trainer's settings
     * @param seed seeds the batches, their constraints, the weights and dropout
     * @param out the model file; the checkpoint and CSV log go beside it
     */
    public record Request(TrainingRequest.Data data, int window, int hidden, int layers, double dropout, int batch,
                          TrainerConfig trainer, long seed, Path out) {
        public Request {
            Check.atLeast("window", window, 1);
            Check.atLeast("hidden units", hidden, 1);
            Check.atLeast("layers", layers, 1);
            Check.atLeast("batch size", batch, 1);
            if (!(dropout >= 0 && dropout < 1)) {
                throw new IllegalArgumentException("dropout " + dropout + " is not in 0..1 (1 excluded)");
            }
        }
    }

    private AnticipationTraining() {
    }

    /** Runs the request, logging to {@code log}; resumes from the checkpoint when asked. */
    public static Trainer.Result run(Request request, boolean resume, PrintStream log) throws IOException {
        TrainingRequest.Data data = request.data();
        ChoraleData chorales = ChoraleData.load(data, request.seed(), log);
        ChoraleParts parts = chorales.parts();
        AnticipationRnn model = new AnticipationRnn(chorales.stepsPerQuarter(), parts, request.hidden(),
                request.layers(), request.dropout(), request.seed());
        int window = request.window();
        List<int[][]> trainGrids = grids(chorales.train(), parts, window);
        List<int[]> starts = new ArrayList<>();
        for (int g = 0; g < trainGrids.size(); g++) {
            for (int s = 0; s + window <= trainGrids.get(g).length; s++) {
                starts.add(new int[] {g, s});
            }
        }
        List<Windows> valid = validation(model, grids(chorales.valid(), parts, window), window);
        log.printf(Locale.ROOT, "%s: %,d windows of %d steps for training, %,d for validation%n", data.corpus(),
                starts.size(), window, valid.stream().mapToInt(Windows::size).sum());
        int batch = Math.min(request.batch(), starts.size());
        Trainer.Result result = TrainingRun.train(request.trainer(), request.out(),
                new Learner(model, request.seed()),
                step -> drawn(model, trainGrids, starts, batch, window, Seeds.mix(request.seed(), step)),
                starts.size() / batch, valid, resume, log);
        Map<String, String> summary = TrainingRun.summary(data, chorales.splits(), request.seed(), request.batch());
        summary.put("window", Integer.toString(window));
        summary.put("validationNllPerLowerPartStep", Double.toString(result.bestValidationLoss()));
        summary.put("steps", Long.toString(result.steps()));
        summary.put("stoppedEarly", Boolean.toString(result.stoppedEarly()));
        ModelFile.save(request.out(), model, Map.of(), List.of(), summary);
        return result;
    }

    /** The rolls as symbol grids in their own keys, each at least {@code length} steps (resting past its end). */
    static List<int[][]> grids(List<VoiceRoll> rolls, ChoraleParts parts, int length) {
        return rolls.stream().map(roll -> SymbolGrid.of(roll, parts, 0, Math.max(length, roll.length()))).toList();
    }

    /** A batch of windows at random starts, each with constraints drawn at random. */
    private static Windows drawn(AnticipationRnn model, List<int[][]> grids, List<int[]> starts, int count,
                                 int window, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<int[]> chosen = new ArrayList<>(count);
        List<boolean[][]> masks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            chosen.add(starts.get(random.nextInt(starts.size())));
            masks.add(ConstraintMasks.draw(random, window));
        }
        return windows(model, grids, chosen, masks, window);
    }

    /** Every whole window of the validation grids (and the last, overlapping, where one is left over). */
    private static List<Windows> validation(AnticipationRnn model, List<int[][]> grids, int window) {
        List<int[]> starts = new ArrayList<>();
        for (int g = 0; g < grids.size(); g++) {
            int length = grids.get(g).length;
            for (int s = 0; s < length; s += window) {
                starts.add(new int[] {g, Math.min(s, length - window)});
            }
        }
        List<Windows> batches = new ArrayList<>();
        for (int from = 0; from < starts.size(); from += CHUNK) {
            List<int[]> chunk = starts.subList(from, Math.min(starts.size(), from + CHUNK));
            batches.add(windows(model, grids, chunk, chunk.stream().map(s -> ConstraintMasks.soprano(window))
                    .toList(), window));
        }
        return batches;
    }

    /** The windows at {grid, step} starts, with their masks' cells as constraints. */
    static Windows windows(AnticipationRnn model, List<int[][]> grids, List<int[]> starts, List<boolean[][]> masks,
                           int window) {
        int positions = window * ChoraleParts.COUNT;
        int[][] tokens = new int[starts.size()][positions];
        int[][] constraints = new int[starts.size()][positions];
        int[] startSteps = new int[starts.size()];
        for (int w = 0; w < starts.size(); w++) {
            int[][] grid = grids.get(starts.get(w)[0]);
            startSteps[w] = starts.get(w)[1];
            for (int t = 0; t < positions; t++) {
                int part = t % ChoraleParts.COUNT;
                int step = t / ChoraleParts.COUNT;
                tokens[w][t] = model.token(part, grid[startSteps[w] + step][part]);
                constraints[w][t] = masks.get(w)[step][part] ? tokens[w][t] : -1;
            }
        }
        return new Windows(tokens, constraints, startSteps);
    }

    /** The model as the trainer sees it: every token trained on; the unconstrained ones validated. */
    private record Learner(AnticipationRnn model, long seed) implements Trainable<Windows> {
        @Override
        public Map<String, INDArray> weights() {
            return model.weights();
        }

        @Override
        public LossAndGradients lossAndGradients(Windows batch, long step) {
            Map<String, INDArray> gradients = new HashMap<>();
            int count = batch.size() * batch.length();
            double loss = model.lossAndGradients(batch, Seeds.mix(seed, step), 1.0 / count, gradients);
            return new LossAndGradients(loss / count, gradients);
        }

        @Override
        public double loss(Windows batch) {
            return Unconstrained.of(model.logLikelihoods(batch), batch).nll();
        }

        @Override
        public int targets(Windows batch) {
            return batch.size() * batch.length();
        }
    }

    /** The summed log-likelihood of a batch's unconstrained positions, and how many there are. */
    record Unconstrained(double logLikelihood, long positions) {
        static Unconstrained of(double[][] logLikelihoods, Windows batch) {
            double sum = 0;
            long count = 0;
            for (int w = 0; w < batch.size(); w++) {
                for (int t = 0; t < batch.length(); t++) {
                    if (batch.constraints()[w][t] < 0) {
                        sum += logLikelihoods[w][t];
                        count++;
                    }
                }
            }
            return new Unconstrained(sum, count);
        }

        /** The mean negative log-likelihood per position (0 for none). */
        double nll() {
            return positions == 0 ? 0 : -logLikelihood / positions;
        }
    }
}
