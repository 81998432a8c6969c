package io.muse4j.models.vae;

import io.muse4j.core.score.Check;

import java.util.List;
import java.util.Map;

/**
 * A MusicVAE as a {@link VaeFile} holds it.
 *
 * @param model the model, holding the saved weights
 * @param tokenizer the spec of its tokenizer (see {@code io.muse4j.core.token.Encodings})
 * @param vocabulary the names of its token ids
 * @param training what training recorded
 * @param attributes the attribute vectors computed after training (mean z of the top quartile minus the bottom's)
 * @param libraryVersion the muse4j version that wrote the file
 */
public record SavedVae(MusicVae model, Map<String, String> tokenizer, List<String> vocabulary,
                       Map<String, String> training, Map<MelodyAttribute, double[]> attributes, String libraryVersion) {
    /** The window's grid resolution in steps per quarter note (4 unless the tokenizer says otherwise). */
    public int stepsPerQuarter() {
        int steps = Integer.parseInt(tokenizer.getOrDefault("stepsPerQuarter", "4"));
        Check.atLeast("steps per quarter", steps, 1);
        return steps;
    }
}
