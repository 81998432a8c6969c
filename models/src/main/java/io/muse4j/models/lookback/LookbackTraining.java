package io.muse4j.models.lookback;

import io.muse4j.core.score.Check;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.token.EncodingSpec;
import io.muse4j.core.token.Tokenizer;
import io.muse4j.corpora.CorpusItem;
import io.muse4j.corpora.Splits;
import io.muse4j.corpora.batch.MelodyWindows;
import io.muse4j.corpora.batch.TokenBatches;
import io.muse4j.models.file.ModelFile;
import io.muse4j.models.training.Trainer;
import io.muse4j.models.training.TrainerConfig;
import io.muse4j.models.training.TrainingRequest;
import io.muse4j.models.training.TrainingRun;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Trains a {@link LookbackRnn} on a corpus end to end: load, split (the corpus's own validation split, else one
 * drawn from the seed: the same split every kind draws), keep the pieces in 4/4 or 2/2 (the lookback is two bars of
 * 16 sixteenths), augment by transposition, encode as melody events, cut windows of whole bars of step references
 * ({@link LookbackData}), train with the shared {@link io.muse4j.models.training.Trainer} and save the model file.
 */
final class LookbackTraining {
    /** The melody encoding: pitches 48..84 on sixteenths, the bundled models' encoding. */
    static final EncodingSpec.Melody MELODY = new EncodingSpec.Melody(4, 48, 84);

    /**
     * What to train.
     *
     * @param data the corpus, the grid piano-roll JSON is read on, the split and the transposition
     * @param model the model's shape (its events must be the melody encoding's)
     * @param batch windows per batch
     * @param steps steps per window, a whole number of bars
     * @param trainer the trainer's settings
     * @param seed seeds the split, the batch order, dropout and the initial weights
     * @param out the model file; the checkpoint and CSV log go beside it
     */
    record Request(TrainingRequest.Data data, LookbackConfig model, int batch, int steps, TrainerConfig trainer,
                   long seed, Path out) {
        Request {
            Check.atLeast("batch size", batch, 1);
            Check.atLeast("sequence length", steps, LookbackEncoding.STEPS_PER_BAR);
            if (steps % LookbackEncoding.STEPS_PER_BAR != 0) {
                throw new IllegalArgumentException("--seq-len " + steps + " must be a whole number of bars of "
                        + LookbackEncoding.STEPS_PER_BAR + " steps");
            }
            Check.range("transposition", data.transpose(), 0, 24);
            int grid = data.rolls().grid().stepsPerQuarter();
            if (grid != MELODY.stepsPerQuarter()) {
                throw new IllegalArgumentException("--grid: a lookback model counts bars of 16 sixteenths; the grid "
                        + "has " + grid + " steps a quarter, not " + MELODY.stepsPerQuarter());
            }
        }
    }

    private LookbackTraining() {
    }

    /** Runs the request, logging to {@code log}; resumes from the checkpoint when asked. */
    static Trainer.Result run(Request request, boolean resume, PrintStream log) throws IOException {
        Splits splits = TrainingRun.split(request.data(), request.seed(), log);
        LookbackEncoding encoding = request.model().encoding();
        List<CorpusItem> trainPieces = commonTime(splits.train());
        List<CorpusItem> validPieces = commonTime(splits.valid());
        List<NoteSequence> augmented = TrainingRun.augmented(trainPieces, request.data().transpose(), 0);
        LookbackData train = new LookbackData(encoding, melodies(MELODY, augmented.stream()));
        LookbackData valid = new LookbackData(encoding, melodies(MELODY,
                validPieces.stream().map(CorpusItem::score)));
        log.printf(Locale.ROOT, "%s: %d of %d training pieces in 4/4 (%d melodies with augmentation, %,d steps), "
                        + "%d of %d validation pieces%n", request.data().corpus(), trainPieces.size(),
                splits.train().size(), train.pieces(), train.steps(), validPieces.size(), splits.valid().size());
        if (train.pieces() == 0) {
            throw new IllegalArgumentException(request.data().corpus() + ": no piece in 4/4 or 2/2 with a melody to "
                    + "learn from");
        }
        TokenBatches batches = new TokenBatches(train.references(), request.batch(), request.steps(), request.seed());
        List<LookbackBatch> validBatches = valid.pieces() == 0 ? List.of() : new TokenBatches(valid.references(),
                request.batch(), request.steps(), request.seed()).epoch().stream().map(valid::batch).toList();
        LookbackRnn model = new LookbackRnn(request.model(), request.seed());
        Trainer.Result result = TrainingRun.train(request.trainer(), request.out(), model,
                step -> train.batch(batches.batch(step)), batches.batchesPerEpoch(), validBatches, resume, log);
        Map<String, String> summary = TrainingRun.summary(request.data(), splits, request.seed(), request.batch());
        summary.put("commonTimeTrainPieces", Integer.toString(trainPieces.size()));
        summary.put("commonTimeValidPieces", Integer.toString(validPieces.size()));
        summary.put("sequenceLength", Integer.toString(request.steps()));
        summary.put("dropout", Double.toString(request.model().dropout()));
        summary.put("steps", Long.toString(result.steps()));
        summary.put("stoppedEarly", Boolean.toString(result.stoppedEarly()));
        summary.put("validationNllPerStep", Double.toString(result.bestValidationLoss()));
        ModelFile.save(request.out(), model, MELODY.fields(), vocabulary(MELODY), summary);
        return result;
    }

    /** The pieces whose every meter is 4/4 or 2/2 (a piece without one is in 4/4). */
    static List<CorpusItem> commonTime(List<CorpusItem> items) {
        return items.stream().filter(item -> MelodyWindows.inCommonTime(item.score())).toList();
    }

    /** The melody events of each score in the encoding. */
    static List<int[]> melodies(EncodingSpec melody, java.util.stream.Stream<NoteSequence> scores) {
        Tokenizer tokenizer = melody.tokenizer();
        return scores.map(tokenizer::encode).toList();
    }

    /** The names of a model's labels: the melody events', then the repeats'. */
    static List<String> vocabulary(EncodingSpec melody) {
        List<String> names = new ArrayList<>(melody.tokenizer().vocabulary().names());
        names.addAll(LookbackEncoding.REPEAT_NAMES);
        return names;
    }
}
