package io.muse4j.models.lm;

import io.muse4j.corpora.batch.FrameBatches;
import io.muse4j.corpora.batch.TokenBatches;
import io.muse4j.models.file.ModelFile;
import io.muse4j.models.nn.FrameHead;
import io.muse4j.models.nn.StackConfig;
import io.muse4j.models.training.Trainable;
import io.muse4j.models.training.Trainer;
import io.muse4j.models.training.TrainerConfig;
import io.muse4j.models.training.TrainingRequest;
import io.muse4j.models.training.TrainingRun;
import io.muse4j.core.score.Check;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.token.PianoRoll;
import io.muse4j.core.token.PianoRollCodec;
import io.muse4j.core.token.ScoreCodec;
import io.muse4j.core.token.Tokenizer;
import io.muse4j.corpora.CorpusItem;
import io.muse4j.corpora.Splits;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Trains a sequence model (LSTM or transformer) on a corpus end to end: load (reporting skipped files), split (the corpus's own validation split,
 * else one drawn from the seed), augment by transposition and time-stretch, encode, batch, train with checkpoints,
 * and save the model file with its encoding and a training summary. The piano-roll encoding trains a
 * {@link PianoRollModel}; every token encoding trains a {@link TokenModel}.
 */
public final class LanguageModelTraining {
    /**
     * What to train.
     *
     * @param data the corpus, its encoding, the grid piano-roll JSON is read on, the split and the transposition
     * @param model the stack's shape: an LSTM's or a transformer's (its vocabulary size comes from the encoding)
     * @param head a piano-roll model's frame head (token models have none: {@link FrameHead.Spec#SIGMOID})
     * @param batch sequences per batch
     * @param steps tokens (or frames) per sequence
     * @param trainer the trainer's settings
     * @param epochs when above 0, train this many epochs, overriding the trainer's step count
     * @param stretch augment by the time-stretch factors 1 - stretch and 1 + stretch as well as 1 (0 for none)
     * @param seed seeds the split, the batch order, dropout and the initial weights
     * @param out the model file; the checkpoint and CSV log go beside it
     */
    public record Request(TrainingRequest.Data data, StackConfig model, FrameHead.Spec head, int batch, int steps,
                          TrainerConfig trainer, int epochs, double stretch, long seed, Path out) {
        public Request {
            Check.atLeast("batch size", batch, 1);
            Check.atLeast("sequence length", steps, 1);
            Check.atLeast("epochs", epochs, 0);
            Check.range("transposition", data.transpose(), 0, 24);
            if (!(stretch >= 0 && stretch < 0.5)) {
                throw new IllegalArgumentException("time-stretch " + stretch + " is outside [0, 0.5)");
            }
        }
    }

    private LanguageModelTraining() {
    }

    /** Runs the request, logging to {@code log}; resumes from the checkpoint when asked. */
    public static Trainer.Result run(Request request, boolean resume, PrintStream log) throws IOException {
        TrainingRequest.Data data = request.data();
        ScoreCodec<?> codec = data.encoding().codec();
        PianoRollCodec rolls = data.rolls();
        Splits splits = TrainingRun.split(data, request.seed(), log);
        List<NoteSequence> train = augmented(splits.train(), request);
        List<NoteSequence> valid = splits.valid().stream().map(CorpusItem::score).toList();
        log.printf(Locale.ROOT, "%s: %d pieces for training (%d with augmentation), %d for validation%n",
                data.corpus(), splits.train().size(), train.size(), splits.valid().size());
        Map<String, String> summary = summary(request, splits);
        StackConfig shape = request.model();
        if (codec instanceof PianoRollCodec rollCodec) {
            PianoRollModel model = new PianoRollModel(PianoRollModel.config(shape), request.head(),
                    request.seed());
            FrameBatches batches = new FrameBatches(encode(rollCodec, train), request.batch(), request.steps(),
                    request.seed(), true);
            List<FrameBatches.Batch> validBatches = valid.isEmpty() ? List.of()
                    : new FrameBatches(encode(rollCodec, valid), request.batch(), request.steps(), request.seed(),
                    false).epoch();
            Trainer.Result result = train(request, model, batches::batch, batches.batchesPerEpoch(), validBatches,
                    resume, log);
            String loss = request.head().kind().lossName().equals("NLL") ? "Nll" : "PseudoNll";
            summary.put("validation" + loss + "PerFrame", Double.toString(result.bestValidationLoss()));
            return saved(request, model, rollCodec.vocabulary().names(), result, summary);
        }
        Tokenizer tokenizer = (Tokenizer) codec;
        TokenModel model = new TokenModel(shape.withVocabularySize(tokenizer.vocabulary().size()), request.seed());
        TokenBatches batches = new TokenBatches(tokenize(train, tokenizer), request.batch(), request.steps(),
                request.seed());
        List<TokenBatches.Batch> validBatches = valid.isEmpty() ? List.of()
                : new TokenBatches(tokenize(valid, tokenizer), request.batch(), request.steps(), request.seed())
                .epoch();
        Trainer.Result result = train(request, model, batches::batch, batches.batchesPerEpoch(), validBatches,
                resume, log);
        summary.put("validationNllPerToken", Double.toString(result.bestValidationLoss()));
        return saved(request, model, tokenizer.vocabulary().names(), result, summary);
    }

    private static <B> Trainer.Result train(Request request, Trainable<B> model, LongFunction<B> batches,
                                            int batchesPerEpoch, List<B> valid, boolean resume, PrintStream log)
            throws IOException {
        TrainerConfig config = request.trainer();
        if (request.epochs() > 0) {
            config = config.withSteps(Math.multiplyExact(request.epochs(), batchesPerEpoch));
        }
        return TrainingRun.train(config, request.out(), model, batches, batchesPerEpoch, valid, resume, log);
    }


    private static Trainer.Result saved(Request request, SequenceModel model, List<String> vocabulary,
                                        Trainer.Result result, Map<String, String> summary) throws IOException {
        summary.put("steps", Long.toString(result.steps()));
        summary.put("stoppedEarly", Boolean.toString(result.stoppedEarly()));
        ModelFile.save(request.out(), model, request.data().encoding().fields(), vocabulary, summary);
        return result;
    }

    private static List<NoteSequence> augmented(List<CorpusItem> items, Request request) {
        return TrainingRun.augmented(items, request.data().transpose(), request.stretch());
    }


    /** The token sequences of the scores; scores that encode to fewer than two tokens are left out. */
    public static List<int[]> tokenize(List<NoteSequence> scores, Tokenizer tokenizer) {
        List<int[]> sequences = new ArrayList<>();
        for (NoteSequence score : scores) {
            int[] tokens = tokenizer.encode(score);
            if (tokens.length > 1) {
                sequences.add(tokens);
            }
        }
        return sequences;
    }

    /** The piano rolls of the scores; empty rolls are left out. */
    public static List<PianoRoll> encode(PianoRollCodec codec, List<NoteSequence> scores) {
        return scores.stream().map(codec::encode).filter(roll -> roll.length() > 0).toList();
    }

    private static Map<String, String> summary(Request request, Splits splits) {
        TrainingRequest.Data data = request.data();
        Map<String, String> summary = TrainingRun.summary(data, splits, request.seed(), request.batch());
        summary.put("sequenceLength", Integer.toString(request.steps()));
        summary.put("stretch", Double.toString(request.stretch()));
        summary.put("dropout", Double.toString(request.model().dropout()));
        return summary;
    }

}
