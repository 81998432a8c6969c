package io.muse4j.models.gan.crnngan;

import io.muse4j.core.random.Seeds;
import io.muse4j.corpora.batch.GanBatch;
import io.muse4j.models.file.ModelFile;
import io.muse4j.models.gan.GanPlay;
import io.muse4j.models.gan.GanTurns;
import io.muse4j.models.training.Trainer;
import io.muse4j.models.training.TrainerConfig;
import io.muse4j.models.training.TrainingRequest;
import io.muse4j.models.training.TrainingRun;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.token.NoteFeatures;
import io.muse4j.corpora.Augmentation;
import io.muse4j.corpora.CorpusItem;
import io.muse4j.corpora.Splits;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Trains a {@link CrnnGan} on a corpus end to end: load (reporting skipped files), split (the corpus's own
 * validation split, else one drawn from the seed), augment by transposition, encode each piece's notes
 * ({@link NoteFeatures}), train the two players with the shared {@link Trainer}, and save the model file. Each step's
 * real sequences are windows of {@code length} successive notes drawn from the seed and the step, so a resumed run
 * sees what an uninterrupted one would; validation compares the statistics of generated pieces with those of up to
 * {@link #VALIDATION_WINDOWS} fixed validation windows.
 */
public final class CrnnGanTraining {
    /** Validation windows at most. */
    static final int VALIDATION_WINDOWS = 100;

    /**
     * What to train.
     *
     * @param data the corpus, the grid piano-roll JSON is read on, the split and the transposition
     * @param model the model's shape
     * @param batch sequences per batch
     * @param trainer the trainer's settings; its learning rate is the generator's during pre-training
     * @param turns the adversarial settings, and how the two players take their turns and at what rates
     * @param seed seeds the split, the windows, the noise and the initial weights
     * @param out the model file; the checkpoint and CSV log go beside it
     */
    public record Request(TrainingRequest.Data data, CrnnGanConfig model, int batch, TrainerConfig trainer,
                          GanTurns turns, long seed, Path out) {
        public Request {
            GanPlay.checkPlay(batch, turns.discriminatorSteps(), turns.generatorSteps(),
                    turns.generatorLearningRate(), turns.discriminatorLearningRate(), data.transpose());
        }
    }

    private CrnnGanTraining() {
    }

    /** Runs the request, logging to {@code log}; resumes from the checkpoint when asked. */
    public static Trainer.Result run(Request request, boolean resume, PrintStream log) throws IOException {
        Splits splits = TrainingRun.split(request.data(), request.seed(), log);
        NoteWindows train = new NoteWindows(features(splits.train(), request.data().transpose()), request.model().length());
        log.printf(Locale.ROOT, "%s: %d pieces for training (%d windows of %d notes), %d for validation%n",
                request.data().corpus(), splits.train().size(), train.count(), request.model().length(),
                splits.valid().size());
        List<GanBatch> valid = validation(splits.valid(), request);
        CrnnGan gan = new CrnnGan(request.model(), request.seed());
        int rounds = Math.max(request.turns().discriminatorSteps(), request.turns().generatorSteps());
        List<Trainer.Turn> turns = GanPlay.turns(request.trainer(), request.turns().gan(), request.turns().discriminatorSteps(),
                request.turns().generatorSteps(), request.turns().discriminatorLearningRate(), request.turns().generatorLearningRate());
        Trainer.Result result = GanPlay.play(request.trainer(), new CrnnGanPlayers(gan, request.turns().gan()).players(), turns,
                step -> train.batch(request.seed(), step, rounds, request.batch()), valid,
                train.count() / request.batch(), request.out(), resume, log);
        ModelFile.save(request.out(), gan, Map.of("encoding", "notefeatures"), List.of(),
                summary(request, splits, result));
        return result;
    }

    /** A fixed batch of validation windows, or none when there are no validation pieces long enough. */
    private static List<GanBatch> validation(List<CorpusItem> pieces, Request request) {
        List<float[][]> features = features(pieces, 0);
        if (features.stream().noneMatch(f -> f.length >= request.model().length())) {
            return List.of();
        }
        NoteWindows windows = new NoteWindows(features, request.model().length());
        return List.of(windows.batch(request.seed() + 1, 0, 1, (int) Math.min(VALIDATION_WINDOWS, windows.count())));
    }

    /** Each piece's notes as feature rows, with transpositions up to {@code transpose} semitones. */
    public static List<float[][]> features(List<CorpusItem> items, int transpose) {
        List<float[][]> pieces = new ArrayList<>();
        for (CorpusItem item : items) {
            for (NoteSequence version : Augmentation.transpositions(item.score(), transpose, 0, 127)) {
                pieces.add(NoteFeatures.encode(version));
            }
        }
        return pieces;
    }

    private static Map<String, String> summary(Request request, Splits splits, Trainer.Result result) {
        Map<String, String> summary = TrainingRun.summary(request.data(), splits, request.seed(), request.batch());
        summary.put("sequenceLength", Integer.toString(request.model().length()));
        summary.put("pretrainSteps", Integer.toString(request.turns().gan().pretrainSteps()));
        summary.put("featureMatching", Boolean.toString(request.turns().gan().featureMatching()));
        summary.put("steps", Long.toString(result.steps()));
        summary.put("validationDistance", Double.toString(result.bestValidationLoss()));
        return summary;
    }

    /** Windows of {@code length} successive notes over pieces' feature rows; shorter pieces have none. */
    public static final class NoteWindows {
        private final List<float[][]> pieces = new ArrayList<>();
        private final long[] firstWindow;
        private final long count;
        private final int length;

        /** Windows over the pieces' feature rows; fails when no piece has {@code length} notes. */
        public NoteWindows(List<float[][]> features, int length) {
            this.length = length;
            features.stream().filter(f -> f.length >= length).forEach(pieces::add);
            if (pieces.isEmpty()) {
                throw new IllegalArgumentException("no piece has " + length + " notes or more; lower --seq-len");
            }
            firstWindow = new long[pieces.size()];
            long total = 0;
            for (int p = 0; p < pieces.size(); p++) {
                firstWindow[p] = total;
                total += pieces.get(p).length - length + 1;
            }
            count = total;
        }

        /** The number of distinct windows. */
        public long count() {
            return count;
        }

        /** {@code rounds} sets of {@code batch} windows, each drawn uniformly from {@code seed} and {@code step}. */
        public GanBatch batch(long seed, long step, int rounds, int batch) {
            SplittableRandom random = new SplittableRandom(Seeds.mix(seed, step));
            List<float[][][]> sets = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                float[][][] set = new float[batch][][];
                for (int b = 0; b < batch; b++) {
                    set[b] = window(random.nextLong(count));
                }
                sets.add(set);
            }
            return new GanBatch(sets);
        }

        private float[][] window(long index) {
            int p = java.util.Arrays.binarySearch(firstWindow, index);
            p = p >= 0 ? p : -p - 2;
            int start = (int) (index - firstWindow[p]);
            float[][] rows = java.util.Arrays.copyOfRange(pieces.get(p), start, start + length);
            rows[0] = rows[0].clone();
            rows[0][NoteFeatures.DELTA] = 0; // a window starts at its first note, as a generated piece does
            return rows;
        }
    }
}
