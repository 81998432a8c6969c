package io.muse4j.models.file;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;

/** What a {@link ModelFile} holds of any model: its kind, its config as named numbers, and its weights. */
public interface StoredModel {
    /** The model file's name for this kind of model. */
    String kind();

    /** The config as named numbers, for the model file's header; the kind's loader rebuilds the model from them. */
    Map<String, Number> configValues();

    /** How many token ids the model reads and writes: the length of its file's vocabulary (0 for none). */
    default int vocabularySize() {
        return 0;
    }

    /** The trainable arrays by name, live. */
    Map<String, INDArray> weights();
}
