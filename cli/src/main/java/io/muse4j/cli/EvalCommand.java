package io.muse4j.cli;

import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.token.Encodings;
import io.muse4j.core.token.PianoRoll;
import io.muse4j.corpora.CorpusItem;
import io.muse4j.corpora.CorpusSplits;
import io.muse4j.corpora.CorpusSplits.Split;
import io.muse4j.corpora.batch.FrameBatches;
import io.muse4j.models.lm.LanguageModelTraining;
import io.muse4j.models.file.ModelFile;
import io.muse4j.models.lm.PianoRollModel;
import io.muse4j.models.file.SavedModel;
import io.muse4j.corpora.batch.TokenBatches;
import io.muse4j.models.lm.TokenModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Measures a model's negative log-likelihood and accuracy on a corpus. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluate a model: NLL in nats per token (token models) or per frame (piano-roll models), "
                + "and accuracy; for a MusicVAE, reconstruction accuracy (teacher-forced and free-running), NLL "
                + "and KL.",
                "A piano-roll JSON corpus NAME.SPLIT.json takes --split from its sibling files; other corpora rebuild "
                        + "the model's own seeded train/valid split."})
final class EvalCommand implements Callable<Integer> {
    /** Piano-roll sequences are scored whole, in graphs of this many at a time. */
    private static final int BATCH = 8;

    @Option(names = "--model", required = true, paramLabel = "default|MODEL", description = "Model file or 'default'.")
    String model;

    @Option(names = "--corpus", required = true, paramLabel = "PATH",
            description = "MIDI folder, list file, MIDI file or piano-roll JSON file.")
    Path corpus;

    @Option(names = "--split", defaultValue = "ALL",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Split split;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Spec
    CommandSpec spec;

    /** What an evaluation found. */
    private record Result(int pieces, long targets, double nll, String unit, double accuracy, String accuracyKind) {
    }

    @Override
    public Integer call() throws Exception {
        if (!Models.DEFAULT.equals(model) && ModelFile.isVae(Path.of(model))) {
            return new VaeEvaluation(model, corpus, split, json).print(spec.commandLine().getOut());
        }
        SavedModel saved = Models.load(model);
        double fraction = Double.parseDouble(saved.training().getOrDefault("validFraction", "0.1"));
        long seed = Long.parseLong(saved.training().getOrDefault("seed", "1"));
        List<CorpusItem> items = CorpusSplits.pieces(corpus, split,
                LanguageModelTraining.rollsFor(saved.tokenizer()), fraction, seed);
        List<NoteSequence> scores = items.stream().map(CorpusItem::score).toList();
        Result result = saved.model() instanceof PianoRollModel ? frames(saved, scores) : tokens(saved, scores);
        String splitName = split.name().toLowerCase(Locale.ROOT);
        spec.commandLine().getOut().println(json
                ? String.format(Locale.ROOT, "{\"model\":\"%s\",\"corpus\":\"%s\",\"split\":\"%s\",\"pieces\":%d,"
                        + "\"targets\":%d,\"nll\":%.6f,\"nllUnit\":\"%s\",\"accuracy\":%.6f,\"accuracyKind\":\"%s\"}",
                        escape(model), escape(corpus.toString()), splitName, result.pieces(), result.targets(),
                        result.nll(), result.unit(), result.accuracy(), result.accuracyKind())
                : String.format(Locale.ROOT, "%s on %s (%s, %d pieces, %d scored): NLL %.4f %s, %s %.4f", model,
                        corpus, splitName, result.pieces(), result.targets(), result.nll(), result.unit(),
                        result.accuracyKind(), result.accuracy()));
        return 0;
    }

    /** Token models, over windows of the length they were trained on. */
    private static Result tokens(SavedModel saved, List<NoteSequence> scores) throws Exception {
        int steps = Models.trainedSequenceLength(saved);
        TokenModel tokenModel = saved.tokenModel("model");
        List<int[]> sequences = LanguageModelTraining.tokenize(scores, Encodings.tokenizer(saved.tokenizer()));
        TokenModel.Evaluation total = new TokenModel.Evaluation(0, 0, 0);
        for (TokenBatches.Batch batch : new TokenBatches(sequences, 16, steps, 0).epoch()) {
            total = total.plus(tokenModel.evaluate(batch));
        }
        return new Result(scores.size(), total.targets(), total.nll() / total.targets(), "nats per token",
                (double) total.correct() / total.targets(), "next-token accuracy");
    }

    /**
     * Piano-roll models, each sequence whole from its first frame, scoring every frame after the first as the
     * benchmark convention of Bai et al. 2018 does.
     */
    private static Result frames(SavedModel saved, List<NoteSequence> scores) throws Exception {
        List<PianoRoll> rolls = LanguageModelTraining.encode(LanguageModelTraining.rollsFor(saved.tokenizer()), scores);
        int longest = rolls.stream().mapToInt(PianoRoll::length).max().orElse(1);
        PianoRollModel rollModel = (PianoRollModel) saved.model();
        PianoRollModel.Evaluation total = new PianoRollModel.Evaluation(0, 0, 0, 0, 0);
        for (FrameBatches.Batch batch : new FrameBatches(rolls, BATCH, longest, 0, false).epoch()) {
            total = total.plus(rollModel.evaluate(batch));
        }
        return new Result(rolls.size(), total.frames(), total.nllPerFrame(), "nats per frame", total.accuracy(),
                "frame accuracy");
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
