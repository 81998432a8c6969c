package io.muse4j.cli;

import io.muse4j.corpora.CorpusItem;
import io.muse4j.corpora.CorpusSplits;
import io.muse4j.models.lm.LanguageModelTraining;
import io.muse4j.corpora.batch.MelodyWindows;
import io.muse4j.models.vae.MusicVae;
import io.muse4j.models.vae.SavedVae;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code eval} for a MusicVAE: over the windows of a corpus split, per-token reconstruction accuracy from z = mu,
 * teacher-forced and free-running (greedy), the reconstruction NLL per token and the KL per window.
 */
final class VaeEvaluation {
    private static final int BATCH = 64;
    private final String model;
    private final Path corpus;
    private final CorpusSplits.Split split;
    private final boolean json;

    VaeEvaluation(String model, Path corpus, CorpusSplits.Split split, boolean json) {
        this.model = model;
        this.corpus = corpus;
        this.split = split;
        this.json = json;
    }

    /** Evaluates and prints one line; returns the exit code. */
    int print(PrintWriter out) throws Exception {
        SavedVae saved = VaeMelodies.load(model);
        double fraction = Double.parseDouble(saved.training().getOrDefault("validFraction", "0.1"));
        long seed = Long.parseLong(saved.training().getOrDefault("seed", "1"));
        List<CorpusItem> items = CorpusSplits.pieces(corpus, split, LanguageModelTraining.rollsFor(saved.tokenizer()),
                fraction, seed);
        MusicVae vae = saved.model();
        MelodyWindows.Extraction windows = new MelodyWindows(VaeMelodies.tokenizer(saved), vae.config().bars(),
                vae.config().stepsPerBar()).extract(items.stream().map(CorpusItem::score).toList());
        if (windows.windows().isEmpty()) {
            throw new IllegalArgumentException(corpus + ": no window of " + vae.config().bars() + " bars in the "
                    + split.name().toLowerCase(Locale.ROOT) + " split (" + windows.report() + ")");
        }
        MusicVae.Reconstruction total = new MusicVae.Reconstruction(0, 0, 0);
        double nll = 0;
        double kl = 0;
        List<int[]> all = windows.windows();
        for (int from = 0; from < all.size(); from += BATCH) {
            int[][] batch = all.subList(from, Math.min(from + BATCH, all.size())).toArray(int[][]::new);
            total = total.plus(vae.reconstruction(batch));
            MusicVae.Terms terms = vae.terms(batch);
            nll += terms.nllPerToken() * batch.length * vae.config().steps();
            kl += terms.klPerWindow() * batch.length;
        }
        double teacherForced = (double) total.teacherForced() / total.tokens();
        double sampled = (double) total.sampled() / total.tokens();
        String splitName = split.name().toLowerCase(Locale.ROOT);
        out.println(json
                ? String.format(Locale.ROOT, "{\"model\":\"%s\",\"corpus\":\"%s\",\"split\":\"%s\",\"pieces\":%d,"
                        + "\"windows\":%d,\"tokens\":%d,\"teacherForcedAccuracy\":%.6f,\"sampledAccuracy\":%.6f,"
                        + "\"nllPerToken\":%.6f,\"klPerWindow\":%.6f}", EvalCommand.escape(model),
                        EvalCommand.escape(corpus.toString()), splitName, items.size(), all.size(), total.tokens(),
                        teacherForced, sampled, nll / total.tokens(), kl / all.size())
                : String.format(Locale.ROOT, "%s on %s (%s, %d pieces, %d windows of %d bars): reconstruction "
                        + "accuracy %.4f teacher-forced, %.4f sampled; NLL %.4f nats per token, KL %.2f nats per "
                        + "window", model, corpus, splitName, items.size(), all.size(), vae.config().bars(),
                        teacherForced, sampled, nll / total.tokens(), kl / all.size()));
        return 0;
    }
}
