package io.muse4j.cli;

import io.muse4j.core.token.Encodings;
import io.muse4j.core.token.Tokenizer;
import io.muse4j.corpora.Corpus;
import io.muse4j.corpora.CorpusItem;
import io.muse4j.corpora.CorpusLoader;
import io.muse4j.corpora.Splits;
import io.muse4j.models.LanguageModelTraining;
import io.muse4j.models.SavedModel;
import io.muse4j.models.TokenBatches;
import io.muse4j.models.TokenLstm;
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
        description = {"Evaluate a model: NLL in nats per token and next-token accuracy.",
                "--split valid or train rebuilds the model's own seeded split of a corpus without one."})
final class EvalCommand implements Callable<Integer> {
    enum Split { ALL, TRAIN, VALID }

    @Option(names = "--model", required = true, paramLabel = "default|MODEL", description = "Model file or 'default'.")
    String model;

    @Option(names = "--corpus", required = true, paramLabel = "PATH", description = "MIDI folder, list file or file.")
    Path corpus;

    @Option(names = "--split", defaultValue = "ALL", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Split split;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SavedModel saved = Models.load(model, 1, 1);
        int steps = Models.trainedSequenceLength(saved);
        TokenLstm lstm = Models.quietly(() -> saved.model().withBatchShape(16, steps));
        Tokenizer tokenizer = Encodings.tokenizer(saved.tokenizer());
        Corpus loaded = CorpusLoader.midi(corpus);
        System.err.print(loaded.skipReport());
        List<CorpusItem> items = pieces(loaded, saved);
        TokenBatches batches = new TokenBatches(LanguageModelTraining.tokenize(items, tokenizer, 0), 16, steps, 0);
        TokenLstm.Evaluation total = new TokenLstm.Evaluation(0, 0, 0);
        for (int i = 0; i < batches.batchesPerEpoch(); i++) {
            total = total.plus(lstm.evaluate(batches.batch(i)));
        }
        double nll = total.nll() / total.targets();
        double accuracy = (double) total.correct() / total.targets();
        spec.commandLine().getOut().println(json
                ? String.format(Locale.ROOT, "{\"model\":\"%s\",\"corpus\":\"%s\",\"split\":\"%s\",\"pieces\":%d,"
                        + "\"tokens\":%d,\"nll\":%.6f,\"nllUnit\":\"nats per token\",\"accuracy\":%.6f}",
                        escape(model), escape(corpus.toString()), split.name().toLowerCase(Locale.ROOT), items.size(),
                        total.targets(), nll, accuracy)
                : String.format(Locale.ROOT, "%s on %s (%s, %d pieces, %d tokens): NLL %.4f nats per token, "
                        + "accuracy %.4f", model, corpus, split.name().toLowerCase(Locale.ROOT), items.size(),
                        total.targets(), nll, accuracy));
        return 0;
    }

    private List<CorpusItem> pieces(Corpus loaded, SavedModel saved) {
        if (split == Split.ALL) {
            return loaded.items();
        }
        double fraction = Double.parseDouble(saved.training().getOrDefault("validFraction", "0.1"));
        long seed = Long.parseLong(saved.training().getOrDefault("seed", "1"));
        Splits splits = Splits.seeded(loaded.items(), fraction, seed);
        return split == Split.VALID ? splits.valid() : splits.train();
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
