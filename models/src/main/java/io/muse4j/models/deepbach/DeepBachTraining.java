package io.muse4j.models.deepbach;

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
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Trains {@link DeepBach} on four-part chorales (one track per part, soprano first): at each step, a batch of cells
 * drawn at random from the training chorales and their transpositions, each part predicted from its neighbourhood;
 * validation on every cell of the validation chorales.
 */
public final class DeepBachTraining {
    /** Cells scored at a time in validation and evaluation. */
    private static final int CHUNK = 256;

    /**
     * What to train.
     *
     * @param data the corpus, its split and transposition; read on its grid
     * @param context steps read on each side of a cell
     * @param hidden hidden units of each part's network
     * @param dropout share of hidden units dropped in training
     * @param batch cells (steps of a chorale, all four parts each) per batch
     * @param trainer the trainer's settings
     * @param seed seeds the batches, the weights and dropout
     * @param out the model file; the checkpoint and CSV log go beside it
     */
    public record Request(TrainingRequest.Data data, int context, int hidden, double dropout, int batch,
                          TrainerConfig trainer, long seed, Path out) {
        public Request {
            Check.atLeast("context", context, 0);
            Check.atLeast("hidden units", hidden, 1);
            Check.atLeast("batch size", batch, 1);
            if (!(dropout >= 0 && dropout < 1)) {
                throw new IllegalArgumentException("dropout " + dropout + " is not in 0..1 (1 excluded)");
            }
        }
    }

    private DeepBachTraining() {
    }

    /** Runs the request, logging to {@code log}; resumes from the checkpoint when asked. */
    public static Trainer.Result run(Request request, boolean resume, PrintStream log) throws IOException {
        TrainingRequest.Data data = request.data();
        ChoraleData chorales = ChoraleData.load(data, request.seed(), log);
        ChoraleParts parts = chorales.parts();
        DeepBach model = new DeepBach(request.context(), chorales.stepsPerQuarter(), parts, request.hidden(),
                request.seed());
        List<int[][]> trainGrids = grids(chorales.train(), parts);
        List<int[][]> validGrids = grids(chorales.valid(), parts);
        List<int[]> trainCells = cells(trainGrids);
        List<int[]> validCells = cells(validGrids);
        log.printf(Locale.ROOT, "%s: %,d steps of four parts for training, %,d for validation%n", data.corpus(),
                trainCells.size(), validCells.size());
        List<Batch> valid = chunks(model, validGrids, validCells);
        int batch = Math.min(request.batch(), trainCells.size());
        Trainer.Result result = TrainingRun.train(request.trainer(), request.out(),
                new Learner(model, request.dropout(), request.seed()),
                step -> Batch.of(model, trainGrids, drawn(trainCells, batch, Seeds.mix(request.seed(), step))),
                trainCells.size() / batch, valid, resume, log);
        Map<String, String> summary = TrainingRun.summary(data, chorales.splits(), request.seed(), request.batch());
        summary.put("dropout", Double.toString(request.dropout()));
        summary.put("validationNllPerPartStep", Double.toString(result.bestValidationLoss()));
        summary.put("steps", Long.toString(result.steps()));
        summary.put("stoppedEarly", Boolean.toString(result.stoppedEarly()));
        ModelFile.save(request.out(), model, Map.of(), List.of(), summary);
        return result;
    }

    /** The cells in batches of {@value #CHUNK}, each made when it is read. */
    static List<Batch> chunks(DeepBach model, List<int[][]> grids, List<int[]> cells) {
        return new AbstractList<>() {
            @Override
            public Batch get(int index) {
                return Batch.of(model, grids, cells.subList(index * CHUNK, Math.min(cells.size(),
                        (index + 1) * CHUNK)));
            }

            @Override
            public int size() {
                return (cells.size() + CHUNK - 1) / CHUNK;
            }
        };
    }

    /** The rolls as symbol grids, in their own keys. */
    static List<int[][]> grids(List<VoiceRoll> rolls, ChoraleParts parts) {
        return rolls.stream().map(roll -> SymbolGrid.of(roll, parts, 0, roll.length())).toList();
    }

    /** Every step of every grid: {grid, step}. */
    static List<int[]> cells(List<int[][]> grids) {
        List<int[]> cells = new ArrayList<>();
        for (int g = 0; g < grids.size(); g++) {
            for (int s = 0; s < grids.get(g).length; s++) {
                cells.add(new int[] {g, s});
            }
        }
        return cells;
    }

    private static List<int[]> drawn(List<int[]> cells, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<int[]> drawn = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            drawn.add(cells.get(random.nextInt(cells.size())));
        }
        return drawn;
    }

    /** A batch: each part's inputs and symbols at the same steps. */
    record Batch(int[][][] inputs, int[][] targets) {
        static Batch of(DeepBach model, List<int[][]> grids, List<int[]> cells) {
            int[][][] inputs = new int[ChoraleParts.COUNT][cells.size()][];
            int[][] targets = new int[ChoraleParts.COUNT][cells.size()];
            for (int p = 0; p < ChoraleParts.COUNT; p++) {
                for (int c = 0; c < cells.size(); c++) {
                    int[][] grid = grids.get(cells.get(c)[0]);
                    int step = cells.get(c)[1];
                    inputs[p][c] = model.active(grid, step, p);
                    targets[p][c] = grid[step][p];
                }
            }
            return new Batch(inputs, targets);
        }

        int symbols() {
            return ChoraleParts.COUNT * targets[0].length;
        }
    }

    /** The model as the trainer sees it: cross-entropy over the four parts, with dropout, and without to validate. */
    private record Learner(DeepBach model, double dropout, long seed) implements Trainable<Batch> {
        @Override
        public Map<String, INDArray> weights() {
            return model.weights();
        }

        @Override
        public LossAndGradients lossAndGradients(Batch batch, long step) {
            Map<String, INDArray> gradients = new HashMap<>();
            SplittableRandom random = new SplittableRandom(Seeds.mix(seed, step));
            double loss = 0;
            for (int p = 0; p < ChoraleParts.COUNT; p++) {
                loss += model.lossAndGradients(p, batch.inputs()[p], batch.targets()[p], batch.symbols(), dropout,
                        random, gradients);
            }
            return new LossAndGradients(loss / batch.symbols(), gradients);
        }

        @Override
        public double loss(Batch batch) {
            double loss = 0;
            for (int p = 0; p < ChoraleParts.COUNT; p++) {
                loss += model.loss(p, batch.inputs()[p], batch.targets()[p]) * batch.targets()[p].length;
            }
            return loss / batch.symbols();
        }

        @Override
        public int targets(Batch batch) {
            return batch.symbols();
        }
    }
}
