package io.muse4j.models.training;

import io.muse4j.core.score.NoteSequence;
import io.muse4j.corpora.Augmentation;
import io.muse4j.corpora.Corpus;
import io.muse4j.corpora.CorpusItem;
import io.muse4j.corpora.CorpusSplits;
import io.muse4j.corpora.Splits;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * The steps every kind's training shares, in the order a run takes them: load the corpus and report what was
 * skipped, split it (the corpus's own validation split, else one drawn from the seed), augment the training
 * pieces, train with a checkpoint, a CSV log and a progress bar, and record a summary in the model file. Each kind
 * supplies what lies between: its encoding, batches and model.
 */
public final class TrainingRun {
    private TrainingRun() {
    }

    /**
     * The corpus's pieces, split for training (the validation pieces trained on too when the data says so); what
     * could not be read is reported on {@code log}.
     */
    public static Splits split(TrainingRequest.Data data, long seed, PrintStream log) throws IOException {
        Corpus corpus = CorpusSplits.load(data.corpus(), data.rolls());
        log.print(corpus.skipReport());
        Splits splits = CorpusSplits.forTraining(data.corpus(), corpus, data.rolls(), data.validFraction(), seed);
        if (!data.trainOnValid()) {
            return splits;
        }
        log.printf("%s: training on the %d validation pieces too; validation scores pieces trained on%n",
                data.corpus(), splits.valid().size());
        List<CorpusItem> both = new ArrayList<>(splits.train());
        both.addAll(splits.valid());
        return new Splits(both, splits.valid());
    }

    /** The training pieces with their transpositions and time-stretches (1 - stretch and 1 + stretch; 0 for none). */
    public static List<NoteSequence> augmented(List<CorpusItem> items, int transpose, double stretch) {
        double[] factors = stretch == 0 ? new double[] {1} : new double[] {1 - stretch, 1, 1 + stretch};
        List<NoteSequence> scores = new ArrayList<>();
        for (CorpusItem item : items) {
            for (NoteSequence version : Augmentation.transpositions(item.score(), transpose, 0, 127)) {
                scores.addAll(Augmentation.stretches(version, factors));
            }
        }
        return scores;
    }

    /** What every training summary records: the corpus and its split, the seed, the batch and the transposition. */
    public static Map<String, String> summary(TrainingRequest.Data data, Splits splits, long seed, int batch) {
        Map<String, String> summary = new LinkedHashMap<>();
        summary.put("corpus", data.corpus().toString());
        summary.put("trainPieces", Integer.toString(splits.train().size()));
        summary.put("validPieces", Integer.toString(splits.valid().size()));
        summary.put("validFraction", Double.toString(data.validFraction()));
        summary.put("seed", Long.toString(seed));
        summary.put("batch", Integer.toString(batch));
        summary.put("transpose", Integer.toString(data.transpose()));
        if (data.trainOnValid()) {
            summary.put("trainOnValid", "true");
        }
        return summary;
    }

    /** The CSV training log beside a model file. */
    public static Path logOf(Path model) {
        return model.resolveSibling(model.getFileName() + ".log.csv");
    }

    /** Trains one model with a checkpoint beside {@code out}, a CSV log and a progress bar on {@code log}. */
    public static <B> Trainer.Result train(TrainerConfig config, Path out, Trainable<B> model, LongFunction<B> batches,
                                           int batchesPerEpoch, List<B> valid, boolean resume, PrintStream log)
            throws IOException {
        try (CsvLog csv = new CsvLog(logOf(out))) {
            ProgressBar bar = new ProgressBar(log, batchesPerEpoch, ProgressBar.standardErrorIsTerminal());
            return new Trainer<>(config, model, batches, valid, Checkpoint.beside(out), List.of(csv, bar)).train(resume);
        }
    }
}
