package io.muse4j.models;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;

/**
 * A model a {@link ModelFile} holds: a token language model or a piano-roll model, over an LSTM or a transformer
 * stack.
 */
public sealed interface SequenceModel permits TokenModel, PianoRollModel {
    /** The model's shape. */
    StackConfig config();

    /** The trainable arrays by name, live. */
    Map<String, INDArray> weights();

    /** The model file's name for this kind of model: what goes in and out, then the stack's family. */
    default String kind() {
        return (this instanceof TokenModel ? "token-" : "pianoroll-") + config().family();
    }
}
