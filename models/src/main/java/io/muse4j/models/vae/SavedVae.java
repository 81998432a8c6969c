package io.muse4j.models.vae;

import io.muse4j.core.token.MelodyTokenizer;
import io.muse4j.core.token.EncodingSpec;

import java.util.List;
import java.util.Map;

/**
 * A MusicVAE as a {@link VaeFile} holds it.
 *
 * @param model the model, holding the saved weights
 * @param encoding its melody encoding
 * @param vocabulary the names of its token ids
 * @param training what training recorded
 * @param attributes the attribute vectors computed after training (mean z of the top quartile minus the bottom's)
 * @param libraryVersion the muse4j version that wrote the file
 */
public record SavedVae(MusicVae model, EncodingSpec encoding, List<String> vocabulary,
                       Map<String, String> training, Map<MelodyAttribute, double[]> attributes, String libraryVersion) {
    /** The window's grid resolution in steps per quarter note. */
    public int stepsPerQuarter() {
        return encoding.stepsPerQuarter();
    }

    /** The model's melody tokenizer. */
    public MelodyTokenizer tokenizer() {
        return VaeTraining.melody(encoding);
    }
}
