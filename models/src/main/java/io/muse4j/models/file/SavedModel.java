package io.muse4j.models.file;

import io.muse4j.models.gan.crnngan.CrnnGan;
import io.muse4j.models.gan.midinet.MidiNet;
import io.muse4j.models.lm.TokenModel;
import java.util.List;
import java.util.Map;

/**
 * A model as a file holds it.
 *
 * @param model the model, rebuilt and holding the saved weights
 * @param tokenizer the spec of the tokenizer it was trained with (see {@code io.muse4j.core.token.Encodings})
 * @param vocabulary the names of the token ids the model was trained on
 * @param training what the trainer recorded: corpus, steps, validation loss...
 * @param libraryVersion the muse4j version that wrote the file
 */
public record SavedModel(StoredModel model, Map<String, String> tokenizer, List<String> vocabulary,
                         Map<String, String> training, String libraryVersion) {
    /** The model as a token language model; fails, naming the kind it is, when it is not one. */
    public TokenModel tokenModel(String name) throws ModelFileException {
        if (model instanceof TokenModel lstm) {
            return lstm;
        }
        throw new ModelFileException(name, "is a " + model.kind() + " model; this needs a token model");
    }

    /** The model as a C-RNN-GAN; fails, naming the kind it is, when it is not one. */
    public CrnnGan crnnGan(String name) throws ModelFileException {
        if (model instanceof CrnnGan gan) {
            return gan;
        }
        throw new ModelFileException(name, "is a " + model.kind() + " model; this needs a crnngan model");
    }

    /** The model as a MidiNet; fails, naming the kind it is, when it is not one. */
    public MidiNet midiNet(String name) throws ModelFileException {
        if (model instanceof MidiNet net) {
            return net;
        }
        throw new ModelFileException(name, "is a " + model.kind() + " model; this needs a midinet model");
    }
}
