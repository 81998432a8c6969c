package io.muse4j.models.gan.midinet;

import io.muse4j.core.random.Seeds;
import io.muse4j.corpora.batch.BarBatch;
import io.muse4j.models.file.ModelFile;
import io.muse4j.models.gan.GanPlay;
import io.muse4j.models.gan.GanTurns;
import io.muse4j.models.training.Trainer;
import io.muse4j.models.training.TrainerConfig;
import io.muse4j.models.training.TrainingRequest;
import io.muse4j.models.training.TrainingRun;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.token.LeadSheetBars;
import io.muse4j.core.token.LeadSheetBars.Bar;
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
 * Trains a {@link MidiNet} on a corpus end to end, as C-RNN-GAN's training does: load, split, augment by
 * transposition, cut each piece into its runs of 4/4 bars ({@link LeadSheetBars}: melody columns and chord
 * labels), train the two players with the shared {@link Trainer}, and save the model file. Each step's real
 * bars are (previous bar, bar) pairs drawn from the seed and the step (a run's first bar follows an empty bar);
 * validation compares {@link #PHRASE_BARS}-bar phrases generated after {@link #VALIDATION_PHRASES} fixed validation
 * phrases' previous bars, under their chords, with those phrases.
 */
public final class MidiNetTraining {
    /** Validation phrases at most. */
    static final int VALIDATION_PHRASES = 100;
    /** Bars per validation phrase (after its previous bar). */
    static final int PHRASE_BARS = 4;

    /**
     * What to train.
     *
     * @param data the corpus, the grid piano-roll JSON is read on, the split and the transposition
     * @param model the model's shape
     * @param batch bars per batch
     * @param trainer the trainer's settings; its learning rate is the generator's during pre-training
     * @param turns the adversarial settings, and how the two players take their turns and at what rates
     * @param lambda1 weight of the squared distance between the mean real and generated bars
     * @param lambda2 weight of the same on the discriminator's first-layer features
     * @param seed seeds the split, the bars, the noise and the initial weights
     * @param out the model file; the checkpoint and CSV log go beside it
     */
    public record Request(TrainingRequest.Data data, MidiNetConfig model, int batch, TrainerConfig trainer,
                          GanTurns turns, double lambda1, double lambda2, long seed, Path out) {
        public Request {
            GanPlay.checkPlay(batch, turns.discriminatorSteps(), turns.generatorSteps(),
                    turns.generatorLearningRate(), turns.discriminatorLearningRate(), data.transpose());
            if (!(lambda1 >= 0 && lambda1 <= 1000 && lambda2 >= 0 && lambda2 <= 1000)) {
                throw new IllegalArgumentException("--lambda1 " + lambda1 + " and --lambda2 " + lambda2
                        + " must be between 0 and 1000");
            }
        }
    }

    private MidiNetTraining() {
    }

    /** Runs the request, logging to {@code log}; resumes from the checkpoint when asked. */
    public static Trainer.Result run(Request request, boolean resume, PrintStream log) throws IOException {
        Splits splits = TrainingRun.split(request.data(), request.seed(), log);
        BarPairs train = new BarPairs(runs(splits.train(), request.data().transpose()));
        log.printf(Locale.ROOT, "%s: %d pieces for training (%d bars of 4/4), %d for validation%n", request.data().corpus(),
                splits.train().size(), train.count(), splits.valid().size());
        List<BarBatch> valid = validation(runs(splits.valid(), 0), request.seed());
        MidiNet net = new MidiNet(request.model(), request.seed());
        int rounds = Math.max(request.turns().discriminatorSteps(), request.turns().generatorSteps());
        List<Trainer.Turn> turns = GanPlay.turns(request.trainer(), request.turns().gan(), request.turns().discriminatorSteps(),
                request.turns().generatorSteps(), request.turns().discriminatorLearningRate(), request.turns().generatorLearningRate());
        MidiNetPlayers players = new MidiNetPlayers(net, request.turns().gan(), request.lambda1(), request.lambda2(), true);
        Trainer.Result result = GanPlay.play(request.trainer(), players.players(), turns,
                step -> train.batch(request.seed(), step, rounds, request.batch()), valid,
                train.count() / request.batch(), request.out(), resume, log);
        ModelFile.save(request.out(), net, Map.of("encoding", "leadsheet"), List.of(),
                summary(request, splits, train.count(), result));
        return result;
    }

    /** Each piece's runs of 4/4 bars, with transpositions up to {@code transpose} semitones. */
    public static List<List<Bar>> runs(List<CorpusItem> items, int transpose) {
        List<List<Bar>> runs = new ArrayList<>();
        for (CorpusItem item : items) {
            for (NoteSequence version : Augmentation.transpositions(item.score(), transpose, 0, 127)) {
                runs.addAll(LeadSheetBars.encode(version));
            }
        }
        return runs;
    }

    /**
     * Up to {@link #VALIDATION_PHRASES} phrases of a previous bar and {@link #PHRASE_BARS} bars, drawn from
     * {@code seed} among the runs long enough (the previous bar of a run's first bar is empty); none when none is.
     */
    public static List<BarBatch> validation(List<List<Bar>> runs, long seed) {
        List<List<Bar>> phrases = new ArrayList<>();
        for (List<Bar> run : runs) {
            List<Bar> padded = new ArrayList<>();
            padded.add(Bar.empty());
            padded.addAll(run);
            for (int start = 0; start + PHRASE_BARS < padded.size(); start += PHRASE_BARS) {
                phrases.add(List.copyOf(padded.subList(start, start + PHRASE_BARS + 1)));
            }
        }
        if (phrases.isEmpty()) {
            return List.of();
        }
        java.util.Collections.shuffle(phrases, new java.util.Random(seed));
        return List.of(new BarBatch(List.of(phrases.subList(0, Math.min(VALIDATION_PHRASES, phrases.size())))));
    }

    private static Map<String, String> summary(Request request, Splits splits, long bars, Trainer.Result result) {
        Map<String, String> summary = TrainingRun.summary(request.data(), splits, request.seed(), request.batch());
        summary.put("trainBars", Long.toString(bars));
        summary.put("pretrainSteps", Integer.toString(request.turns().gan().pretrainSteps()));
        summary.put("featureMatching", Boolean.toString(request.turns().gan().featureMatching()));
        summary.put("lambda1", Double.toString(request.lambda1()));
        summary.put("lambda2", Double.toString(request.lambda2()));
        summary.put("steps", Long.toString(result.steps()));
        summary.put("validationDistance", Double.toString(result.bestValidationLoss()));
        return summary;
    }

    /** Every (previous bar, bar) pair of runs of bars; a run's first bar follows {@link Bar#empty()}. */
    public static final class BarPairs {
        private final List<List<Bar>> pairs = new ArrayList<>();

        /** The pairs of the runs; fails when there are none. */
        public BarPairs(List<List<Bar>> runs) {
            for (List<Bar> run : runs) {
                for (int i = 0; i < run.size(); i++) {
                    pairs.add(List.of(i == 0 ? Bar.empty() : run.get(i - 1), run.get(i)));
                }
            }
            if (pairs.isEmpty()) {
                throw new IllegalArgumentException("no bar of 4/4 in the corpus; MidiNet learns from 4/4 bars");
            }
        }

        /** The number of pairs. */
        public long count() {
            return pairs.size();
        }

        /** {@code rounds} sets of {@code batch} pairs, each drawn uniformly from {@code seed} and {@code step}. */
        public BarBatch batch(long seed, long step, int rounds, int batch) {
            SplittableRandom random = new SplittableRandom(Seeds.mix(seed, step));
            List<List<List<Bar>>> sets = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                List<List<Bar>> set = new ArrayList<>();
                for (int b = 0; b < batch; b++) {
                    set.add(pairs.get(random.nextInt(pairs.size())));
                }
                sets.add(set);
            }
            return new BarBatch(sets);
        }
    }
}
