package io.muse4j.models;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;

/** An LSTM model a {@link ModelFile} holds: a token language model or a piano-roll model. */
public sealed interface LstmModel permits TokenLstm, PianoRollLstm {
    /** The model's shape. */
    LstmConfig config();

    /** The trainable arrays by name, live. */
    Map<String, INDArray> weights();

    /** The model file's name for this kind of model. */
    default String kind() {
        return this instanceof TokenLstm ? "token-lstm" : "pianoroll-lstm";
    }
}
