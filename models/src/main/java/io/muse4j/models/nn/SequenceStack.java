package io.muse4j.models.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;
import java.util.Random;

/**
 * The layers between a model's input rows and its output layer, with their forward and backward passes written out
 * over ND4J arrays. Rows are time-major: row {@code t * B + b} is step {@code t} of sequence {@code b}. Threads
 * may run passes at once over the same weights while nothing writes to them.
 */
public interface SequenceStack {
    /** A forward pass: what its backward pass needs, and the top layer's output rows. */
    interface Pass {
        /** The top layer's output rows (T*B, outputSize). */
        INDArray top();
    }

    /** The layers for a shape, taking rows of {@code inputSize}, weights drawn from {@code random} as {@code type}. */
    static SequenceStack create(StackConfig config, int inputSize, Random random, DataType type) {
        return config instanceof LstmConfig lstm ? new LstmLayers(lstm, inputSize, random, type)
                : new TransformerLayers((TransformerConfig) config, inputSize, random, type);
    }

    /** The weights by name, live. */
    Map<String, INDArray> weights();

    /** The fewest sequences of {@code steps} worth a thread of their own ({@link io.muse4j.models.training.Shards}). */
    int minShardSequences(int steps);

    /** The layers over {@code x} (T*B, in), without dropout. */
    Pass forward(INDArray x, int batch, int steps);

    /** The layers over {@code x} (T*B, in), with training dropout drawn from {@code dropoutSeed}. */
    Pass forwardWithDropout(INDArray x, int batch, int steps, long dropoutSeed);

    /**
     * Back through the layers from {@code dTop}, the loss's gradient at the top rows: puts each weight's gradient into
     * {@code gradients} and returns the gradient at the input rows when asked for it (else null).
     */
    INDArray backward(Pass pass, INDArray dTop, Map<String, INDArray> gradients, boolean inputGradient);
}
