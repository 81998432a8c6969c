package io.muse4j.models.lookback;

import io.muse4j.core.random.Seeds;
import io.muse4j.core.score.Check;
import io.muse4j.core.token.MelodyTokenizer;
import io.muse4j.models.file.ConfigValues;
import io.muse4j.models.file.StoredModel;
import io.muse4j.models.nn.DenseLayer;
import io.muse4j.models.nn.LstmCells;
import io.muse4j.models.nn.LstmLayers;
import io.muse4j.models.nn.Nd4jSetup;
import io.muse4j.models.nn.PassMemory;
import io.muse4j.models.nn.RowProducts;
import io.muse4j.models.nn.SequenceStack;
import io.muse4j.models.nn.Softmax;
import io.muse4j.models.sampling.Sampler;
import io.muse4j.models.training.Shards;
import io.muse4j.models.training.Trainable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Magenta's Lookback RNN (Waite 2016, "Generating Long-Term Structure in Songs and Stories"): a stack of LSTM
 * layers over dense input vectors ({@link LookbackEncoding}: the event, the events one and two bars back, a step
 * counter and repeat flags, no embedding) and a softmax over the melody events and two repeat labels, so the model
 * can choose to repeat the bar before or the one before that. Trained with teacher forcing on the masked mean
 * cross-entropy in nats per step.
 *
 * <p>Rows are time-major, as in {@link LstmLayers}: row {@code t * B + b} is step {@code t} of sequence {@code b}.
 */
public final class LookbackRnn implements StoredModel, Trainable<LookbackBatch> {
    /** The model file's kind. */
    public static final String KIND = "lookback";

    static {
        Nd4jSetup.configure();
    }

    private final LookbackConfig config;
    private final LookbackEncoding encoding;
    private final long seed;
    private final LstmLayers layers;   // (T*B, inputSize) -> (T*B, H)
    private final DenseLayer softmax;  // (T*B, H) -> (T*B, labels), the logits

    /** A model with weights drawn from {@code seed}. */
    public LookbackRnn(LookbackConfig config, long seed) {
        this.config = config;
        this.encoding = config.encoding();
        this.seed = seed;
        Random random = new Random(seed);
        layers = new LstmLayers(config.lstm(), encoding.inputSize(), random, DataType.FLOAT);
        softmax = DenseLayer.of("softmax", config.hidden(), encoding.labels(), false, random, DataType.FLOAT);
    }

    /** The model's shape. */
    public LookbackConfig config() {
        return config;
    }

    /** Its inputs and labels. */
    public LookbackEncoding encoding() {
        return encoding;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Map<String, Number> configValues() {
        return ConfigValues.of(config);
    }

    @Override
    public int vocabularySize() {
        return encoding.labels();
    }

    @Override
    public Map<String, INDArray> weights() {
        Map<String, INDArray> weights = new LinkedHashMap<>(layers.weights());
        softmax.putWeights(weights);
        return weights;
    }

    @Override
    public LossAndGradients lossAndGradients(LookbackBatch batch, long step) {
        double scale = 1.0 / Math.max(batch.counted(), 1);
        return Shards.sum(Shards.passes(layers, batch.sequences(), batch.steps(), (from, to) ->
                shardGradients(batch.rows(from, to), scale, Seeds.mix(Seeds.mix(seed, step), from))));
    }

    /** A shard's loss and gradients, each times {@code scale}, with dropout drawn from {@code dropoutSeed}. */
    private LossAndGradients shardGradients(LookbackBatch shard, double scale, long dropoutSeed) {
        SequenceStack.Pass pass = layers.forwardWithDropout(rows(shard.inputs()), shard.sequences(), shard.steps(),
                dropoutSeed);
        DenseLayer.Pass out = softmax.forward(pass.top());
        double[] dLogits = new double[(int) out.y().length()];
        double loss = -scale * logLikelihood(out.y().data().asDouble(), shard, scale, dLogits, null);
        INDArray dz = Nd4j.create(dLogits, out.y().shape(), 'c').castTo(DataType.FLOAT);
        Map<String, INDArray> gradients = new LinkedHashMap<>();
        layers.backward(pass, softmax.backward(out, dz, gradients), gradients, false);
        return new LossAndGradients(loss, PassMemory.detached(gradients));
    }

    /**
     * The summed log-likelihood of the batch's counted labels under softmax(logits), time-major (T*B, labels);
     * unless null, the gradient of -scale times it at the logits goes into {@code dLogits}, and the number of labels
     * that were the likeliest into {@code correct[0]}.
     */
    private double logLikelihood(double[] z, LookbackBatch batch, double scale, double[] dLogits, long[] correct) {
        int n = encoding.labels();
        int sequences = batch.sequences();
        double sum = 0;
        for (int b = 0; b < sequences; b++) {
            for (int t = 0; t < batch.steps(); t++) {
                float m = batch.mask()[b][t];
                if (m == 0) {
                    continue;
                }
                int row = (t * sequences + b) * n;
                int label = batch.labels()[b][t];
                sum += m * Softmax.logProbability(z, row, n, label, m * scale, dLogits);
                if (correct != null) {
                    int best = 0;
                    for (int k = 1; k < n; k++) {
                        best = z[row + k] > z[row + best] ? k : best;
                    }
                    correct[0] += best == label ? 1 : 0;
                }
            }
        }
        return sum;
    }

    /** Inputs (B, T, D) as time-major rows (T*B, D). */
    private static INDArray rows(float[][][] inputs) {
        int batch = inputs.length;
        int steps = inputs[0].length;
        int width = inputs[0][0].length;
        float[] rows = new float[batch * steps * width];
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < batch; b++) {
                System.arraycopy(inputs[b][t], 0, rows, (t * batch + b) * width, width);
            }
        }
        return Nd4j.create(rows, new long[] {(long) steps * batch, width}, 'c');
    }

    @Override
    public double loss(LookbackBatch batch) {
        Evaluation e = evaluate(batch);
        return e.nll() / Math.max(e.counted(), 1);
    }

    @Override
    public int targets(LookbackBatch batch) {
        return batch.counted();
    }

    /**
     * Summed negative log-likelihood (nats), labels that were the model's likeliest, and labels counted.
     *
     * @param nll summed NLL over the counted labels
     * @param correct counted labels that were the likeliest
     * @param counted labels counted
     */
    public record Evaluation(double nll, long correct, long counted) {
        /** This evaluation plus another. */
        public Evaluation plus(Evaluation other) {
            return new Evaluation(nll + other.nll, correct + other.correct, counted + other.counted);
        }
    }

    /** The NLL and accuracy of the model on a batch, without dropout. */
    Evaluation evaluate(LookbackBatch batch) {
        return Shards.passes(layers, batch.sequences(), batch.steps(), (from, to) -> {
            LookbackBatch shard = batch.rows(from, to);
            INDArray top = layers.forward(rows(shard.inputs()), shard.sequences(), shard.steps()).top();
            long[] correct = {0};
            double ll = logLikelihood(softmax.forward(top).y().data().asDouble(), shard, 1, null, correct);
            return new Evaluation(-ll, correct[0], shard.counted());
        }).stream().reduce(new Evaluation(0, 0, 0), Evaluation::plus);
    }

    /**
     * The primer's events followed by {@code steps} sampled ones, each sampled label resolved to its event; without a
     * primer (an empty one) the first is drawn among the note-ons only.
     */
    public int[] sample(int[] primer, int steps, Sampler sampler) {
        Check.atLeast("steps to generate", steps, 0);
        Stepper stepper = stepper();
        int[] melody = Arrays.copyOf(primer, primer.length + steps);
        float[] logits = null;
        for (int p = -1; p < primer.length; p++) {
            logits = stepper.step(encoding.input(melody, p));
        }
        for (int p = primer.length; p < melody.length; p++) {
            if (p == 0) {
                for (int label = 0; label < logits.length; label++) {
                    if (label <= MelodyTokenizer.NOTE_OFF || label >= encoding.events()) {
                        logits[label] = Float.NEGATIVE_INFINITY;
                    }
                }
            }
            melody[p] = encoding.resolve(melody, p, sampler.sample(logits));
            if (p + 1 < melody.length) {
                logits = stepper.step(encoding.input(melody, p));
            }
        }
        return melody;
    }

    /** The label logits after each position -1 .. L-2 of a melody: row {@code p + 1} predicts position p + 1. */
    public float[][] stepLogits(int[] melody) {
        Stepper stepper = stepper();
        float[][] logits = new float[melody.length][];
        for (int p = -1; p < melody.length - 1; p++) {
            logits[p + 1] = stepper.step(encoding.input(melody, p));
        }
        return logits;
    }

    /** A stepper over a copy of the weights: one input vector in, the next step's label logits out. */
    public Stepper stepper() {
        return new Stepper();
    }

    /**
     * The model run one input at a time on plain float arrays, carrying the LSTM states (constant work per step),
     * as the token LSTM's stepper runs a token model.
     */
    public final class Stepper {
        private final LstmCells cells = new LstmCells(layers.weights(), config.layers(), config.hidden(), 1);
        private final float[][] outputWeights = RowProducts.rows(softmax.w());
        private final float[] outputBias = RowProducts.floats(softmax.b());

        /** The logits of the next step's label after input {@code x}. */
        public float[] step(float[] x) {
            float[] logits = outputBias.clone();
            RowProducts.addProduct(cells.step(0, x), outputWeights, logits, 0, logits.length);
            return logits;
        }
    }
}
