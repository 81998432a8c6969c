package io.muse4j.models.kind;

import io.muse4j.corpora.CorpusItem;
import io.muse4j.corpora.CorpusSplits;
import io.muse4j.core.token.PianoRollCodec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What to evaluate a model on.
 *
 * @param corpus a MIDI folder, list file or MIDI file, or a piano-roll JSON split file
 * @param split the split: a piano-roll JSON corpus takes it from its sibling files, others rebuild the model's own
 *              seeded split from its training record
 */
public record EvaluationRequest(Path corpus, CorpusSplits.Split split) {
    /** The split's pieces, drawn as a model's training drew them (by its training record). */
    public List<CorpusItem> pieces(Map<String, String> training, PianoRollCodec rolls) throws IOException {
        double fraction = Double.parseDouble(training.getOrDefault("validFraction", "0.1"));
        long seed = Long.parseLong(training.getOrDefault("seed", "1"));
        return CorpusSplits.pieces(corpus, split, rolls, fraction, seed);
    }
}
