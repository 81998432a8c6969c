package io.muse4j.models.lm;

import io.muse4j.core.random.Seeds;
import io.muse4j.corpora.batch.FrameBatches;
import io.muse4j.models.nn.FrameHead;
import io.muse4j.models.nn.Initialisers;
import io.muse4j.models.nn.KeyLogits;
import io.muse4j.models.nn.LstmCells;
import io.muse4j.models.nn.LstmConfig;
import io.muse4j.models.nn.Nd4jSetup;
import io.muse4j.models.nn.PassMemory;
import io.muse4j.models.nn.SequenceStack;
import io.muse4j.models.nn.StackConfig;
import io.muse4j.models.nn.TransformerConfig;
import io.muse4j.models.training.Shards;
import io.muse4j.models.training.Trainable;
import io.muse4j.core.token.PianoRollCodec;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The polyphonic piano-roll model of the frame-level benchmarks (Boulanger-Lewandowski et al. 2012; Bai et al.
 * 2018): each frame's 88 keys go in as 0/1, a stack of layers follows, and a {@link FrameHead} gives each key's
 * probability of sounding in the next frame: independently given the past (88 sigmoids), or jointly with the keys
 * below it by a NADE (the RNN-NADE). An LSTM stack takes the keys as they are; a transformer stack takes them
 * projected to its width ({@code input_w}), one frame per position.
 *
 * <p>The loss is the negative log-likelihood in nats per frame: the binary cross-entropy summed over the 88 keys,
 * averaged over the frames the mask marks.
 */
public final class PianoRollModel implements SequenceModel, Trainable<FrameBatches.Batch> {
    private static final int KEYS = PianoRollCodec.KEYS;

    static {
        Nd4jSetup.configure();
    }

    private final StackConfig config;
    private final long seed;
    private final INDArray inputW;
    private final SequenceStack layers;
    private final FrameHead head;
    private final FrameHead.Kind headKind;

    /**
     * A model with independent keys and weights drawn from {@code seed}; the config's vocabulary must be the 88 keys
     * (see {@link #config}).
     */
    public PianoRollModel(StackConfig config, long seed) {
        this(config, FrameHead.Spec.SIGMOID, seed, DataType.FLOAT);
    }

    /** A model with the frame head {@code head}. */
    public PianoRollModel(StackConfig config, FrameHead.Spec head, long seed) {
        this(config, head, seed, DataType.FLOAT);
    }

    /** A model whose arrays are of {@code type} (double precision for checking gradients). */
    PianoRollModel(StackConfig config, FrameHead.Spec headSpec, long seed, DataType type) {
        boolean projected = config instanceof TransformerConfig;
        if (config.vocabularySize() != KEYS || !projected && config.embedding() != KEYS) {
            throw new IllegalArgumentException("a piano-roll model takes and gives 88 keys, not "
                    + config.vocabularySize() + " and " + config.embedding());
        }
        this.config = config;
        this.seed = seed;
        Random random = new Random(seed);
        inputW = projected ? Initialisers.fanIn(random, KEYS, config.embedding(), type) : null;
        layers = SequenceStack.create(config, config.embedding(), random, type);
        head = FrameHead.create(headSpec, config.outputSize(), KEYS, random, type);
        headKind = headSpec.kind();
    }

    /** The piano-roll model's version of a shape: over the 88 keys, which an LSTM takes as its input rows. */
    public static StackConfig config(StackConfig shape) {
        return shape instanceof LstmConfig lstm ? new LstmConfig(KEYS, KEYS, lstm.hidden(), lstm.layers(), lstm.dropout())
                : shape.withVocabularySize(KEYS);
    }

    @Override
    public StackConfig config() {
        return config;
    }

    /** The stack's shape and, for a NADE head, its hidden units. */
    @Override
    public Map<String, Number> configValues() {
        Map<String, Number> values = new LinkedHashMap<>(config.values());
        values.putAll(head.configValues());
        return values;
    }

    /** The names of the trainable arrays, in a fixed order. */
    public List<String> weightNames() {
        return List.copyOf(weights().keySet());
    }

    @Override
    public Map<String, INDArray> weights() {
        Map<String, INDArray> weights = new LinkedHashMap<>();
        if (inputW != null) {
            weights.put("input_w", inputW);
        }
        weights.putAll(layers.weights());
        weights.putAll(head.weights());
        return weights;
    }

    @Override
    public LossAndGradients lossAndGradients(FrameBatches.Batch batch, long step) {
        double scale = 1 / masked(batch.mask());
        return Shards.sum(Shards.passes(layers, batch.sequences(), batch.steps(),
                (from, to) -> shardGradients(batch.rows(from, to), scale, step)));
    }

    /** The loss and gradients of a shard, each scaled by {@code scale}, one over the whole batch's frames. */
    private LossAndGradients shardGradients(FrameBatches.Batch shard, double scale, long step) {
        INDArray keys = timeMajor(shard.inputs(), shard);
        long shardSeed = Seeds.mix(seed, Arrays.hashCode(shard.inputs()));
        SequenceStack.Pass pass = layers.forwardWithDropout(projected(keys), shard.sequences(), shard.steps(),
                shardSeed);
        Map<String, INDArray> gradients = new LinkedHashMap<>();
        FrameHead.Step headStep = head.train(pass.top(), timeMajor(shard.targets(), shard), rowWeights(shard, scale),
                new Random(Seeds.mix(shardSeed, step)), gradients);
        INDArray dInput = layers.backward(pass, headStep.dTop(), gradients, inputW != null);
        if (inputW != null) {
            gradients.put("input_w", Nd4j.gemm(keys, dInput, true, false));
        }
        return new LossAndGradients(headStep.loss(), PassMemory.detached(gradients));
    }

    /** The sum of a mask's weights (at least a tiny positive number). */
    private static double masked(float[] mask) {
        double sum = 0;
        for (float m : mask) {
            sum += m;
        }
        return Math.max(sum, 1e-9);
    }

    /** Each time-major row's weight: its frame's mask times {@code scale}. */
    private static double[] rowWeights(FrameBatches.Batch batch, double scale) {
        double[] weights = new double[batch.sequences() * batch.steps()];
        for (int b = 0; b < batch.sequences(); b++) {
            for (int t = 0; t < batch.steps(); t++) {
                weights[t * batch.sequences() + b] = batch.mask()[b * batch.steps() + t] * scale;
            }
        }
        return weights;
    }

    /** The rows' losses weighted by {@link #rowWeights} and summed. */
    private static double weighted(double[] losses, double[] weights) {
        double sum = 0;
        for (int row = 0; row < losses.length; row++) {
            sum += weights[row] == 0 ? 0 : weights[row] * losses[row];
        }
        return sum;
    }

    /** The head's loss per frame: "NLL", or what stands in for it where the head has no exact likelihood. */
    public String lossName() {
        return headKind.lossName();
    }

    /** How {@link #evaluate} finds the NLL: "exact", or the estimator with its settings. */
    public String nllEstimator() {
        return head.nllEstimator();
    }

    @Override
    public double loss(FrameBatches.Batch batch) {
        double scale = 1 / masked(batch.mask());
        return Shards.passes(layers, batch.sequences(), batch.steps(), (from, to) -> {
            FrameBatches.Batch shard = batch.rows(from, to);
            return weighted(head.losses(top(shard), timeMajor(shard.targets(), shard)), rowWeights(shard, scale));
        }).stream().mapToDouble(Double::doubleValue).sum();
    }

    @Override
    public int targets(FrameBatches.Batch batch) {
        return batch.frames();
    }

    /**
     * Each key's logit (B*T, 88) of sounding in the next frame, row {@code b * T + t}; under a joint head, given the
     * target frame's keys below it.
     */
    public INDArray logits(FrameBatches.Batch batch) {
        if (!(head instanceof KeyLogits keyLogits)) {
            throw new IllegalStateException("a " + head.getClass().getSimpleName() + " head gives no key logits");
        }
        return PassMemory.run(() -> keyLogits.logits(top(batch), timeMajor(batch.targets(), batch))
                .reshape(batch.steps(), batch.sequences(), KEYS)
                .permute(1, 0, 2).dup('c').reshape((long) batch.sequences() * batch.steps(), KEYS).detach());
    }

    /** The stack's top rows (T*B, outputSize) over a batch's inputs, without dropout. */
    private INDArray top(FrameBatches.Batch batch) {
        return layers.forward(projected(timeMajor(batch.inputs(), batch)), batch.sequences(), batch.steps()).top();
    }

    /** Key rows as the stack's input rows: projected to its width when it is a transformer. */
    private INDArray projected(INDArray keys) {
        return inputW == null ? keys : keys.mmul(inputW);
    }

    /** A batch's frames (inputs or targets), batch-major (B*T*88), as time-major rows (T*B, 88) of the model's type. */
    private INDArray timeMajor(float[] frames, FrameBatches.Batch batch) {
        return Nd4j.create(frames, new long[] {batch.sequences(), batch.steps(), KEYS}, 'c').permute(1, 0, 2)
                .dup('c').reshape((long) batch.steps() * batch.sequences(), KEYS).castTo(dataType());
    }

    private DataType dataType() {
        return layers.weights().values().iterator().next().dataType();
    }

    /**
     * {@code count} frames after {@code given} (rows of 88 keys, 1 for sounding; none to start from silence), each
     * drawn by the head from {@code random} given every frame before it, as training saw them: the first frame
     * predicted from a silent one. An LSTM is stepped frame by frame; a transformer reruns over the frames so far,
     * at most its longest relative distance of them.
     */
    public float[][] continuation(float[][] given, int count, Random random) {
        List<float[]> inputs = new ArrayList<>();
        inputs.add(new float[KEYS]);
        inputs.addAll(List.of(given));
        float[][] drawn = new float[count][];
        LstmCells cells = config instanceof LstmConfig lstm
                ? new LstmCells(layers.weights(), lstm.layers(), lstm.hidden(), 1) : null;
        float[] top = null;
        if (cells != null) {
            for (float[] frame : inputs) {
                top = cells.step(0, frame);
            }
        }
        for (int f = 0; f < count; f++) {
            INDArray topRow = cells != null ? Nd4j.createFromArray(top).reshape(1, top.length).castTo(dataType())
                    : lastTop(inputs);
            drawn[f] = head.draw(topRow, random).castTo(DataType.FLOAT).data().asFloat();
            inputs.add(drawn[f]);
            if (cells != null) {
                top = cells.step(0, drawn[f]);
            }
        }
        return drawn;
    }

    /** The transformer's top row after the last of its inputs, over at most its longest relative distance of them. */
    private INDArray lastTop(List<float[]> inputs) {
        int window = Math.min(inputs.size(), ((TransformerConfig) config).maxRelative());
        float[][] rows = inputs.subList(inputs.size() - window, inputs.size()).toArray(float[][]::new);
        INDArray keys = Nd4j.createFromArray(rows).castTo(dataType());
        INDArray top = layers.forward(projected(keys), 1, window).top();
        return top.getRow(window - 1).reshape(1, top.columns()).dup();
    }

    /**
     * Summed NLL over the counted frames, their number, and the key counts of predictions thresholded at one half
     * (for the frame accuracy TP / (TP + FP + FN) of Bay et al. 2009).
     */
    public record Evaluation(double nll, long frames, long truePositives, long falsePositives, long falseNegatives) {
        /** This evaluation plus another. */
        public Evaluation plus(Evaluation o) {
            return new Evaluation(nll + o.nll, frames + o.frames, truePositives + o.truePositives,
                    falsePositives + o.falsePositives, falseNegatives + o.falseNegatives);
        }

        /** NLL in nats per frame. */
        public double nllPerFrame() {
            return nll / frames;
        }

        /** Frame-level accuracy, TP / (TP + FP + FN). */
        public double accuracy() {
            long all = truePositives + falsePositives + falseNegatives;
            return all == 0 ? 1 : (double) truePositives / all;
        }
    }

    /** The model's NLL and accuracy on a batch. */
    public Evaluation evaluate(FrameBatches.Batch batch) {
        return Shards.passes(layers, batch.sequences(), batch.steps(), (from, to) -> evaluateShard(batch.rows(from, to)))
                .stream()
                .reduce(new Evaluation(0, 0, 0, 0, 0), Evaluation::plus);
    }

    private Evaluation evaluateShard(FrameBatches.Batch batch) {
        INDArray top = top(batch);
        // only the counted rows: an RBM head's NLL costs an annealing run per row
        double[] weights = rowWeights(batch, 1);
        int[] counted = IntStream.range(0, weights.length).filter(row -> weights[row] != 0)
                .toArray();
        double nll = counted.length == 0 ? 0 : weighted(head.nll(top.getRows(counted),
                timeMajor(batch.targets(), batch).getRows(counted)),
                Arrays.stream(counted).mapToDouble(row -> weights[row]).toArray());
        // the prediction is the head's own: key by key where a joint head reads the keys it predicted below
        double[] predictions = head.draw(top, null).castTo(DataType.DOUBLE).data().asDouble();
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int b = 0; b < batch.sequences(); b++) {
            for (int t = 0; t < batch.steps(); t++) {
                int frame = b * batch.steps() + t;
                if (batch.mask()[frame] == 0) {
                    continue;
                }
                for (int k = 0; k < KEYS; k++) {
                    boolean on = batch.targets()[frame * KEYS + k] > 0;
                    boolean predicted = predictions[(t * batch.sequences() + b) * KEYS + k] > 0;
                    tp += on && predicted ? 1 : 0;
                    fp += !on && predicted ? 1 : 0;
                    fn += on && !predicted ? 1 : 0;
                }
            }
        }
        return new Evaluation(nll, batch.frames(), tp, fp, fn);
    }
}
