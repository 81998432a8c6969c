package io.muse4j.models.lm;

import io.muse4j.core.random.Seeds;
import io.muse4j.corpora.batch.TokenBatches;
import io.muse4j.models.nn.Initialisers;
import io.muse4j.models.nn.LstmConfig;
import io.muse4j.models.nn.LstmLayers;
import io.muse4j.models.nn.Nd4jSetup;
import io.muse4j.models.nn.PassMemory;
import io.muse4j.models.nn.SequenceStack;
import io.muse4j.models.nn.Softmax;
import io.muse4j.models.nn.StackConfig;
import io.muse4j.models.sampling.TokenStepper;
import io.muse4j.models.training.Shards;
import io.muse4j.models.training.Trainable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A token language model: embedding, a stack of layers, a softmax over the vocabulary. Over an LSTM stack with the
 * melody encoding it is Magenta's Melody RNN; with the performance encoding, Performance RNN (Oore et al. 2018);
 * over a transformer stack, the Music Transformer (Huang et al. 2018).
 *
 * <p>The loss is the mean negative log-likelihood in nats per token over the positions the mask marks, so
 * padded batches train as if unpadded.
 */
public final class TokenModel implements SequenceModel, Trainable<TokenBatches.Batch> {
    static {
        Nd4jSetup.configure();
    }

    private final StackConfig config;
    private final long seed;
    private final INDArray embedding;
    private final SequenceStack layers;
    private final INDArray softmaxW;
    private final INDArray softmaxB;

    /** A model with weights drawn from {@code seed}; it takes batches of any shape. */
    public TokenModel(StackConfig config, long seed) {
        this(config, seed, DataType.FLOAT);
    }

    /** A model whose arrays are of {@code type} (double precision for checking gradients). */
    TokenModel(StackConfig config, long seed, DataType type) {
        this.config = config;
        this.seed = seed;
        Random random = new Random(seed);
        embedding = Initialisers.uniform(random, 0.1, config.vocabularySize(), config.embedding(), type);
        layers = SequenceStack.create(config, config.embedding(), random, type);
        softmaxW = Initialisers.fanIn(random, config.outputSize(), config.vocabularySize(), type);
        softmaxB = Nd4j.zeros(type, config.vocabularySize());
    }

    @Override
    public StackConfig config() {
        return config;
    }

    /** A stepper over a copy of the weights, for {@code rows} sequences at once (see {@link TokenStepper}). */
    public TokenStepper stepper(int rows) {
        return config instanceof LstmConfig ? new LstmStepper(this, rows) : new TransformerStepper(this, rows);
    }

    /** The names of the trainable arrays, in a fixed order. */
    public List<String> weightNames() {
        return List.copyOf(weights().keySet());
    }

    /** Every trainable array by name, in a fixed order (live: writing to one changes the model). */
    @Override
    public Map<String, INDArray> weights() {
        Map<String, INDArray> weights = new LinkedHashMap<>();
        weights.put("embedding", embedding);
        weights.putAll(layers.weights());
        weights.put("softmax_w", softmaxW);
        weights.put("softmax_b", softmaxB);
        return weights;
    }

    /** The array of a named weight (live: writing to it changes the model). */
    public INDArray weight(String name) {
        INDArray weight = weights().get(name);
        if (weight == null) {
            throw new IllegalArgumentException("no weight named " + name);
        }
        return weight;
    }

    @Override
    public LossAndGradients lossAndGradients(TokenBatches.Batch batch, long step) {
        double scale = 1 / masked(batch.mask());
        return Shards.sum(Shards.passes(layers, batch.tokens().length, batch.tokens()[0].length,
                (from, to) -> shardGradients(batch.rows(from, to), scale)));
    }

    /** The loss and gradients of a shard, each scaled by {@code scale}, one over the whole batch's targets. */
    private LossAndGradients shardGradients(TokenBatches.Batch shard, double scale) {
        int[][] tokens = shard.tokens();
        INDArray inputs = oneHot(tokens);
        SequenceStack.Pass pass = layers.forwardWithDropout(inputs.mmul(embedding), tokens.length, tokens[0].length,
                Seeds.mix(seed, Arrays.deepHashCode(tokens)));
        INDArray logits = pass.top().mmul(softmaxW).addiRowVector(softmaxB);
        double[] dLogits = new double[(int) logits.length()];
        double loss = crossEntropy(logits, shard.targets(), shard.mask(), scale, dLogits);
        INDArray dz = Nd4j.create(dLogits, logits.shape(), 'c').castTo(logits.dataType());
        Map<String, INDArray> gradients = new LinkedHashMap<>();
        gradients.put("softmax_w", Nd4j.gemm(pass.top(), dz, true, false));
        gradients.put("softmax_b", LstmLayers.columnSums(dz));
        INDArray dEmbedded = layers.backward(pass, Nd4j.gemm(dz, softmaxW, false, true), gradients, true);
        gradients.put("embedding", Nd4j.gemm(inputs, dEmbedded, true, false));
        return new LossAndGradients(loss, PassMemory.detached(gradients));
    }

    /** The sum of a mask's weights (at least a tiny positive number). */
    private static double masked(float[][] mask) {
        double sum = 0;
        for (float[] row : mask) {
            for (float m : row) {
                sum += m;
            }
        }
        return Math.max(sum, 1e-9);
    }

    /**
     * The negative log-likelihood of {@code targets} under softmax({@code logits}) summed over the masked positions
     * and times {@code scale}, and its gradient at the logits into {@code dLogits} unless null. Logits are
     * time-major (T*B, V); targets and mask (B, T).
     */
    private double crossEntropy(INDArray logits, int[][] targets, float[][] mask, double scale, double[] dLogits) {
        double[] z = logits.data().asDouble();
        int v = config.vocabularySize();
        int batch = targets.length;
        double loss = 0;
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < targets[b].length; t++) {
                if (mask[b][t] == 0) {
                    continue;
                }
                int row = (t * batch + b) * v;
                config.checkId(targets[b][t]);
                loss -= mask[b][t] * Softmax.logProbability(z, row, v, targets[b][t], mask[b][t] * scale, dLogits);
            }
        }
        return loss * scale;
    }

    @Override
    public double loss(TokenBatches.Batch batch) {
        return loss(batch.tokens(), batch.targets(), batch.mask());
    }

    @Override
    public int targets(TokenBatches.Batch batch) {
        return batch.tokenCount();
    }

    /**
     * Summed negative log-likelihood (nats), correct argmax predictions and counted targets of a batch.
     *
     * @param nll summed NLL over the counted targets
     * @param correct targets that were the model's likeliest token
     * @param targets counted targets
     */
    public record Evaluation(double nll, long correct, long targets) {
        /** This evaluation plus another. */
        public Evaluation plus(Evaluation other) {
            return new Evaluation(nll + other.nll, correct + other.correct, targets + other.targets);
        }
    }

    /** The NLL and accuracy of the model on a batch. */
    public Evaluation evaluate(TokenBatches.Batch batch) {
        return Shards.passes(layers, batch.tokens().length, batch.tokens()[0].length,
                (from, to) -> evaluateShard(batch.rows(from, to))).stream()
                .reduce(new Evaluation(0, 0, 0), Evaluation::plus);
    }

    private Evaluation evaluateShard(TokenBatches.Batch batch) {
        int[][] tokens = batch.tokens();
        double[] z = timeMajorLogits(tokens).data().asDouble();
        int v = config.vocabularySize();
        double nll = 0;
        long correct = 0;
        long targets = 0;
        for (int b = 0; b < tokens.length; b++) {
            for (int t = 0; t < tokens[b].length; t++) {
                if (batch.mask()[b][t] == 0) {
                    continue;
                }
                int row = (t * tokens.length + b) * v;
                int best = row;
                for (int k = row; k < row + v; k++) {
                    best = z[k] > z[best] ? k : best;
                }
                int target = batch.targets()[b][t];
                nll -= Softmax.logProbability(z, row, v, target);
                correct += best - row == target ? 1 : 0;
                targets++;
            }
        }
        return new Evaluation(nll, correct, targets);
    }

    /** Logits (B*T, V), row {@code b * T + t} after token {@code t} of sequence {@code b}, for token ids (B, T). */
    public INDArray logits(int[][] tokens) {
        int batch = tokens.length;
        int steps = tokens[0].length;
        return PassMemory.run(() -> timeMajorLogits(tokens).reshape(steps, batch, config.vocabularySize())
                .permute(1, 0, 2).dup('c').reshape((long) batch * steps, config.vocabularySize()).detach());
    }

    private INDArray timeMajorLogits(int[][] tokens) {
        INDArray embedded = oneHot(tokens).mmul(embedding);
        return layers.forward(embedded, tokens.length, tokens[0].length).top().mmul(softmaxW).addiRowVector(softmaxB);
    }

    /** Mean NLL in nats per token of {@code targets} after {@code tokens}, over the positions {@code mask} marks. */
    public double loss(int[][] tokens, int[][] targets, float[][] mask) {
        double scale = 1 / masked(mask);
        return Shards.passes(layers, tokens.length, tokens[0].length, (from, to) -> crossEntropy(
                timeMajorLogits(Arrays.copyOfRange(tokens, from, to)), Arrays.copyOfRange(targets, from, to),
                Arrays.copyOfRange(mask, from, to), scale, null)).stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Token ids (B, T) as time-major one-hot rows (T*B, V). */
    private INDArray oneHot(int[][] ids) {
        int batch = ids.length;
        int steps = ids[0].length;
        INDArray oneHot = Nd4j.zeros(embedding.dataType(), (long) batch * steps, config.vocabularySize());
        for (int b = 0; b < batch; b++) {
            if (ids[b].length != steps) {
                throw new IllegalArgumentException("token rows of " + steps + " and " + ids[b].length);
            }
            for (int t = 0; t < steps; t++) {
                config.checkId(ids[b][t]);
                oneHot.putScalar((long) t * batch + b, ids[b][t], 1.0);
            }
        }
        return oneHot;
    }
}
