package io.muse4j.models.lm;

import io.muse4j.models.file.StoredModel;
import io.muse4j.models.nn.StackConfig;
import java.util.Map;

/**
 * A model a {@link io.muse4j.models.file.ModelFile} holds: a token language model or a piano-roll model, over an LSTM or a transformer
 * stack.
 */
public sealed interface SequenceModel extends StoredModel permits TokenModel, PianoRollModel {
    /** The model's shape. */
    StackConfig config();

    @Override
    default Map<String, Number> configValues() {
        return config().values();
    }

    @Override
    default int vocabularySize() {
        return config().vocabularySize();
    }

    /** The model file's name for this kind of model: what goes in and out, then the stack's family. */
    @Override
    default String kind() {
        return (this instanceof TokenModel ? "token-" : "pianoroll-") + config().family();
    }
}
