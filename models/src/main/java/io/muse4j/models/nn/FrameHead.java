package io.muse4j.models.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;
import java.util.Random;

/**
 * The output layer of a piano-roll stack: the distribution of the next frame's keys given the stack's top row.
 * Rows are frames: the top rows (N, C) and the frames they predict (N, K) line up row by row. Heads differ in how
 * they model a frame's keys (independently, or jointly by a NADE or an RBM) and so in how they train and score.
 */
public interface FrameHead {
    /** The head's arrays by name, live. */
    Map<String, INDArray> weights();

    /** What the model file's header needs to rebuild the head, beside the stack's shape (none for independent keys). */
    Map<String, Number> configValues();

    /**
     * One training step's share of these rows: the loss summed over the rows, each row's times its weight (0 for
     * padding), with the gradients of the head's arrays put into {@code gradients}; {@code random} draws what the
     * step samples.
     */
    Step train(INDArray top, INDArray frames, double[] rowWeights, Random random, Map<String, INDArray> gradients);

    /** A training step's loss and the gradient at the top rows. */
    record Step(double loss, INDArray dTop) {
    }

    /** Each row's loss as training reports and validates it ({@link Kind#lossName}): the NLL where it is exact. */
    double[] losses(INDArray top, INDArray frames);

    /** Each row's negative log-likelihood in nats, found as {@link #nllEstimator} says. */
    default double[] nll(INDArray top, INDArray frames) {
        return losses(top, frames);
    }

    /** How {@link #nll} is found: "exact", or the estimator with its settings. */
    default String nllEstimator() {
        return "exact";
    }

    /**
     * Frames (N, K) of 0 and 1 drawn given the top rows, from {@code random}; or, when {@code random} is null, the
     * head's single best guess (each key where its probability given the keys chosen so far is above one half).
     */
    INDArray draw(INDArray top, Random random);

    /**
     * The head a spec asks for, over {@code keys} keys on top rows of width {@code inputSize}; weights are drawn from
     * {@code random}.
     */
    static FrameHead create(Spec spec, int inputSize, int keys, Random random, DataType type) {
        return switch (spec.kind()) {
            case SIGMOID -> new IndependentKeys(inputSize, keys, random, type);
            case NADE -> new Nade(inputSize, keys, spec.hidden(), random, type);
            case RBM -> new ConditionalRbm(inputSize, keys, spec.hidden(), spec.gibbsSteps(), random, type);
        };
    }

    /**
     * What head to build.
     *
     * @param kind the kind of head
     * @param hidden hidden units of a NADE or RBM head (unused by independent keys)
     * @param gibbsSteps the Gibbs steps of an RBM head's contrastive divergence (the k of CD-k) and of each draw
     */
    record Spec(Kind kind, int hidden, int gibbsSteps) {
        /** Independent keys. */
        public static final Spec SIGMOID = new Spec(Kind.SIGMOID, 0, 0);
        /** Hidden units of a NADE or RBM head unless asked otherwise. */
        public static final int DEFAULT_HIDDEN = 150;
        /** Gibbs steps of an RBM head unless asked otherwise (the paper's CD-15 for the RNN-RBM). */
        public static final int DEFAULT_GIBBS_STEPS = 15;

        /** The head a model file's header describes: independent keys when it names no other head. */
        public static Spec of(Map<String, Number> config) {
            if (config.containsKey(Nade.CONFIG_HIDDEN)) {
                return new Spec(Kind.NADE, config.get(Nade.CONFIG_HIDDEN).intValue(), 0);
            }
            if (config.containsKey(ConditionalRbm.CONFIG_HIDDEN)) {
                return new Spec(Kind.RBM, config.get(ConditionalRbm.CONFIG_HIDDEN).intValue(),
                        config.get(ConditionalRbm.CONFIG_GIBBS_STEPS).intValue());
            }
            return SIGMOID;
        }
    }

    /** The kinds of head, each with the name of the loss it trains and validates on. */
    enum Kind {
        /** 88 sigmoids, each key independent of the others given the past. */
        SIGMOID("NLL"),
        /** A NADE over the frame's keys, lowest first (Larochelle &amp; Murray 2011): the RNN-NADE over an LSTM. */
        NADE("NLL"),
        /**
         * An RBM whose biases the stack gives (Boulanger-Lewandowski et al. 2012): the RNN-RBM over an LSTM. Its NLL
         * needs an estimate of each frame's partition function, so it trains and validates on the pseudo-NLL.
         */
        RBM("pseudo-NLL");

        private final String lossName;

        Kind(String lossName) {
            this.lossName = lossName;
        }

        /** The name of {@link FrameHead#losses}: "NLL", or what stands in for it. */
        public String lossName() {
            return lossName;
        }
    }
}
