package io.muse4j.models;

import io.muse4j.core.score.Check;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.token.Encodings;
import io.muse4j.core.token.Tokenizer;
import io.muse4j.corpora.Augmentation;
import io.muse4j.corpora.Corpus;
import io.muse4j.corpora.CorpusItem;
import io.muse4j.corpora.CorpusLoader;
import io.muse4j.corpora.Splits;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Trains a token LSTM on a MIDI corpus end to end: load (reporting skipped files), split by seed, augment by
 * transposition, tokenize, batch, train with checkpoints, and save the model file with its tokenizer and a
 * training summary.
 */
public final class LanguageModelTraining {
    /**
     * What to train.
     *
     * @param corpus a MIDI folder, list file or MIDI file
     * @param tokenizer the tokenizer spec (see {@link Encodings})
     * @param model the LSTM's shape (its vocabulary size is taken from the tokenizer)
     * @param batch sequences per batch
     * @param steps tokens per sequence
     * @param trainer the trainer's settings
     * @param validFraction share of pieces held out for validation
     * @param transpose augment by every transposition up to this many semitones
     * @param seed seeds the split, the batch order and the initial weights
     * @param out the model file; the checkpoint and CSV log go beside it
     */
    public record Request(Path corpus, Map<String, String> tokenizer, LstmConfig model, int batch, int steps,
                          TrainerConfig trainer, double validFraction, int transpose, long seed, Path out) {
        public Request {
            Check.atLeast("batch size", batch, 1);
            Check.atLeast("sequence length", steps, 1);
            Check.range("transposition", transpose, 0, 24);
        }
    }

    private LanguageModelTraining() {
    }

    /** The checkpoint of a model file. */
    public static Path checkpointOf(Path out) {
        return out.resolveSibling(out.getFileName() + ".ckpt");
    }

    /** Runs the request, logging to {@code log}; resumes from the checkpoint when asked. */
    public static Trainer.Result run(Request request, boolean resume, PrintStream log) throws IOException {
        Tokenizer tokenizer = Encodings.tokenizer(request.tokenizer());
        Corpus corpus = CorpusLoader.midi(request.corpus());
        log.print(corpus.skipReport());
        Splits splits = Splits.seeded(corpus.items(), request.validFraction(), request.seed());
        List<int[]> train = tokenize(splits.train(), tokenizer, request.transpose());
        List<int[]> valid = tokenize(splits.valid(), tokenizer, 0);
        log.printf(Locale.ROOT, "%s: %d pieces for training (%d sequences with transpositions), %d for validation%n",
                request.corpus(), splits.train().size(), train.size(), splits.valid().size());
        LstmConfig shape = new LstmConfig(tokenizer.vocabulary().size(), request.model().embedding(),
                request.model().hidden(), request.model().layers());
        TokenLstm model = new TokenLstm(shape, request.batch(), request.steps(), request.seed());
        TokenBatches trainBatches = new TokenBatches(train, request.batch(), request.steps(), request.seed());
        List<TokenBatches.Batch> validBatches = valid.isEmpty() ? List.of() : all(valid, request);
        Path logFile = request.out().resolveSibling(request.out().getFileName() + ".log.csv");
        Trainer.Result result;
        try (CsvLog csv = new CsvLog(logFile)) {
            Trainer<TokenBatches.Batch> trainer = new Trainer<>(request.trainer(), model, trainBatches::batch,
                    validBatches, checkpointOf(request.out()),
                    List.of(csv, new ProgressBar(log, trainBatches.batchesPerEpoch())));
            result = trainer.train(resume);
        }
        ModelFile.save(request.out(), model, request.tokenizer(), tokenizer.vocabulary().names(),
                summary(request, result, splits));
        return result;
    }

    private static List<TokenBatches.Batch> all(List<int[]> sequences, Request request) {
        TokenBatches batches = new TokenBatches(sequences, request.batch(), request.steps(), request.seed());
        List<TokenBatches.Batch> all = new ArrayList<>();
        for (int i = 0; i < batches.batchesPerEpoch(); i++) {
            all.add(batches.batch(i));
        }
        return all;
    }

    /** The token sequences of the pieces, with transpositions; pieces that encode to nothing are left out. */
    public static List<int[]> tokenize(List<CorpusItem> items, Tokenizer tokenizer, int transpose) {
        List<int[]> sequences = new ArrayList<>();
        for (CorpusItem item : items) {
            for (NoteSequence version : Augmentation.transpositions(item.score(), transpose, 0, 127)) {
                int[] tokens = tokenizer.encode(version);
                if (tokens.length > 1) {
                    sequences.add(tokens);
                }
            }
        }
        return sequences;
    }

    private static Map<String, String> summary(Request request, Trainer.Result result, Splits splits) {
        Map<String, String> summary = new LinkedHashMap<>();
        summary.put("corpus", request.corpus().toString());
        summary.put("steps", Long.toString(result.steps()));
        summary.put("validationNllPerToken", Double.toString(result.bestValidationLoss()));
        summary.put("trainPieces", Integer.toString(splits.train().size()));
        summary.put("validPieces", Integer.toString(splits.valid().size()));
        summary.put("validFraction", Double.toString(request.validFraction()));
        summary.put("seed", Long.toString(request.seed()));
        summary.put("batch", Integer.toString(request.batch()));
        summary.put("sequenceLength", Integer.toString(request.steps()));
        summary.put("transpose", Integer.toString(request.transpose()));
        summary.put("stoppedEarly", Boolean.toString(result.stoppedEarly()));
        return summary;
    }
}
