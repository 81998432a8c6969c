package io.muse4j.models.vae;

import io.muse4j.corpora.CorpusItem;
import io.muse4j.corpora.batch.MelodyWindows;
import io.muse4j.models.kind.Evaluation;
import io.muse4j.models.kind.EvaluationRequest;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A MusicVAE over the windows of a corpus split: per-token reconstruction accuracy from z = mu, teacher-forced and
 * free-running (greedy), the reconstruction NLL per token and the KL per window.
 */
final class VaeEvaluation {
    private static final int BATCH = 64;

    private VaeEvaluation() {
    }

    static Evaluation of(SavedVae saved, EvaluationRequest request) throws IOException {
        List<CorpusItem> items = request.pieces(saved.training(), saved.encoding().rolls());
        MusicVae vae = saved.model();
        MelodyWindows.Extraction windows = new MelodyWindows(saved.tokenizer(),
                vae.config().bars(), vae.config().stepsPerBar()).extract(items.stream().map(CorpusItem::score).toList());
        if (windows.windows().isEmpty()) {
            throw new IllegalArgumentException(request.corpus() + ": no window of " + vae.config().bars()
                    + " bars in the " + request.split().name().toLowerCase(Locale.ROOT) + " split ("
                    + windows.report() + ")");
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
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("windows", all.size());
        values.put("tokens", total.tokens());
        values.put("teacherForcedAccuracy", teacherForced);
        values.put("sampledAccuracy", sampled);
        values.put("nllPerToken", nll / total.tokens());
        values.put("klPerWindow", kl / all.size());
        return new Evaluation(items.size(), all.size() + " windows of " + vae.config().bars() + " bars",
                String.format(Locale.ROOT, "reconstruction accuracy %.4f teacher-forced, %.4f sampled; NLL %.4f "
                        + "nats per token, KL %.2f nats per window", teacherForced, sampled, nll / total.tokens(),
                        kl / all.size()), values);
    }
}
