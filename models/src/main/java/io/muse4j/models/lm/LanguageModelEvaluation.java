package io.muse4j.models.lm;

import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.token.PianoRoll;
import io.muse4j.corpora.CorpusItem;
import io.muse4j.corpora.batch.FrameBatches;
import io.muse4j.corpora.batch.TokenBatches;
import io.muse4j.models.kind.Evaluation;
import io.muse4j.models.kind.EvaluationRequest;
import io.muse4j.models.kind.SavedModel;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A language model's NLL and accuracy on a corpus split: token models over windows of the length they were
 * trained on, piano-roll models over whole sequences.
 */
final class LanguageModelEvaluation {
    /** Piano-roll sequences are scored whole, this many at a time. */
    private static final int ROLL_BATCH = 8;
    /** Token windows scored at a time. */
    private static final int TOKEN_BATCH = 16;

    private LanguageModelEvaluation() {
    }

    static Evaluation of(SavedModel saved, EvaluationRequest request) throws IOException {
        List<NoteSequence> scores = request.pieces(saved.training(), saved.encoding().rolls()).stream()
                .map(CorpusItem::score).toList();
        return saved.model() instanceof PianoRollModel rolls ? frames(saved, rolls, scores) : tokens(saved, scores);
    }

    private static Evaluation tokens(SavedModel saved, List<NoteSequence> scores) throws IOException {
        int steps = trainedSequenceLength(saved);
        TokenModel model = saved.as(TokenModel.class, "a token model");
        List<int[]> sequences = LanguageModelTraining.tokenize(scores, saved.encoding().tokenizer());
        TokenModel.Evaluation total = new TokenModel.Evaluation(0, 0, 0);
        for (TokenBatches.Batch batch : new TokenBatches(sequences, TOKEN_BATCH, steps, 0).epoch()) {
            total = total.plus(model.evaluate(batch));
        }
        return result(scores.size(), total.targets(), total.nll() / total.targets(), "nats per token", null,
                (double) total.correct() / total.targets(), "next-token accuracy");
    }

    /** Each sequence whole from its first frame, scoring every frame after the first (Bai et al. 2018). */
    private static Evaluation frames(SavedModel saved, PianoRollModel model, List<NoteSequence> scores)
            throws IOException {
        List<PianoRoll> rolls = LanguageModelTraining.encode(saved.encoding().rolls(), scores);
        int longest = rolls.stream().mapToInt(PianoRoll::length).max().orElse(1);
        PianoRollModel.Evaluation total = new PianoRollModel.Evaluation(0, 0, 0, 0, 0);
        for (FrameBatches.Batch batch : new FrameBatches(rolls, ROLL_BATCH, longest, 0, false).epoch()) {
            total = total.plus(model.evaluate(batch));
        }
        // exact under independent keys and a NADE (which sums to one over all frames); an RBM's is an estimate
        return result(rolls.size(), total.frames(), total.nllPerFrame(), "nats per frame", model.nllEstimator(),
                total.accuracy(), "frame accuracy");
    }

    /** The evaluation; {@code estimator} says how the NLL was found where that needs saying (else null). */
    private static Evaluation result(int pieces, long targets, double nll, String unit, String estimator,
                                     double accuracy, String accuracyKind) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("targets", targets);
        values.put("nll", nll);
        values.put("nllUnit", unit);
        if (estimator != null) {
            values.put("nllEstimator", estimator);
        }
        values.put("accuracy", accuracy);
        values.put("accuracyKind", accuracyKind);
        return new Evaluation(pieces, targets + " scored", String.format(Locale.ROOT, "NLL %.4f %s%s, %s %.4f", nll,
                unit, estimator == null ? "" : " (" + estimator + ")", accuracyKind, accuracy), values);
    }

    /** The sequence length the model was trained with, from its training record (64 when it does not say). */
    static int trainedSequenceLength(SavedModel model) {
        try {
            return Integer.parseInt(model.training().getOrDefault("sequenceLength", "64"));
        } catch (NumberFormatException e) {
            return 64;
        }
    }
}
