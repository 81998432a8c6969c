package io.muse4j.models;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A token language model: embedding, stacked LSTM layers, a softmax over the vocabulary. With the melody
 * encoding it is Magenta's Melody RNN; with the performance encoding, Performance RNN (Oore et al. 2018).
 *
 * <p>The loss is the mean negative log-likelihood in nats per token over the positions the mask marks, so
 * padded batches train as if unpadded.
 */
public final class TokenLstm implements LstmModel, Trainable<TokenBatches.Batch> {
    static final String TOKENS = "tokens";
    static final String TARGETS = "targets";
    static final String MASK = "mask";
    static final String LOSS = "loss";
    static final String LOGITS = "logits";

    static {
        CpuThreads.configure();
    }

    private final LstmConfig config;
    private final SameDiff sd;
    private final int batch;
    private final int steps;
    private final long seed;
    private final LstmStack stack;

    /**
     * A model with weights drawn from {@code seed}, as a graph for batches of {@code batch} sequences of
     * {@code steps} tokens (a graph's placeholders have fixed shapes in ND4J's LSTM layer).
     */
    public TokenLstm(LstmConfig config, int batch, int steps, long seed) {
        this.config = config;
        this.batch = batch;
        this.steps = steps;
        this.seed = seed;
        this.sd = SameDiff.create();
        this.stack = new LstmStack(sd, config, batch, steps);
        build(new Random(seed));
    }

    /** The same model (a copy of its weights) as a graph for batches of another shape. */
    public TokenLstm withBatchShape(int newBatch, int newSteps) {
        TokenLstm copy = new TokenLstm(config, newBatch, newSteps, 0);
        weights().forEach((name, w) -> copy.weight(name).assign(w));
        return copy;
    }

    @Override
    public LstmConfig config() {
        return config;
    }

    SameDiff graph() {
        return sd;
    }

    private void build(Random random) {
        int v = config.vocabularySize();
        int h = config.hidden();
        // one-hot inputs: a gather from an INT32 placeholder fails in SameDiff 1.0.0-M2.1 training
        SDVariable tokens = sd.placeHolder(TOKENS, DataType.FLOAT, batch * steps, v);    // (B*T, V)
        sd.placeHolder(TARGETS, DataType.FLOAT, batch * steps, v);                      // (B*T, V) one-hot
        sd.placeHolder(MASK, DataType.FLOAT, batch * steps);                            // (B*T)
        SDVariable embedding = sd.var("embedding", LstmStack.init(random, 0.1, v, config.embedding()));
        SDVariable embedded = sd.reshape(tokens.mmul(embedding), batch, steps, config.embedding());
        SDVariable hidden = stack.sequence(sd.permute(embedded, 1, 0, 2), config.embedding(), random); // (B*T, H)
        SDVariable logits = hidden.mmul(sd.var("softmax_w", LstmStack.init(random, 1 / Math.sqrt(h), h, v)))
                .add(LOGITS, sd.var("softmax_b", Nd4j.zeros(DataType.FLOAT, v)));      // (B*T, V)
        // mean over the positions with a non-zero mask weight
        sd.loss().softmaxCrossEntropy(LOSS, sd.getVariable(TARGETS), logits,
                sd.getVariable(MASK));
        sd.setLossVariables(LOSS);
    }

    /** The names of the trainable arrays, in a fixed order. */
    public List<String> weightNames() {
        List<String> names = new ArrayList<>(List.of("embedding"));
        names.addAll(LstmStack.weightNames(config.layers()));
        names.addAll(List.of("softmax_w", "softmax_b"));
        return names;
    }

    /** Every trainable array by name, in {@link #weightNames()} order (live: writing to one changes the model). */
    @Override
    public Map<String, INDArray> weights() {
        Map<String, INDArray> weights = new java.util.LinkedHashMap<>();
        for (String name : weightNames()) {
            weights.put(name, weight(name));
        }
        return weights;
    }

    /** The array of a named weight (live: writing to it changes the model). */
    public INDArray weight(String name) {
        return sd.getVariable(name).getArr();
    }

    @Override
    public LossAndGradients lossAndGradients(TokenBatches.Batch batch, long step) {
        Map<String, INDArray> feeds = feeds(batch.tokens(), batch.targets(), batch.mask());
        stack.feedDropout(feeds, seed * 1_000_003L + Arrays.deepHashCode(batch.tokens()));
        return GraphRuns.lossAndGradients(sd, feeds, LOSS, weightNames());
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
        float[] logits = logits(batch.tokens()).dup('c').data().asFloat();
        int v = config.vocabularySize();
        double nll = 0;
        long correct = 0;
        long targets = 0;
        for (int b = 0; b < batch.tokens().length; b++) {
            for (int t = 0; t < batch.tokens()[b].length; t++) {
                if (batch.mask()[b][t] == 0) {
                    continue;
                }
                int row = (b * steps + t) * v;
                int best = 0;
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < v; k++) {
                    if (logits[row + k] > max) {
                        max = logits[row + k];
                        best = k;
                    }
                }
                double sum = 0;
                for (int k = 0; k < v; k++) {
                    sum += Math.exp(logits[row + k] - max);
                }
                nll += -(logits[row + batch.targets()[b][t]] - max - Math.log(sum));
                correct += best == batch.targets()[b][t] ? 1 : 0;
                targets++;
            }
        }
        return new Evaluation(nll, correct, targets);
    }

    /** Logits (B*T, V) for a batch of token ids (B, T). */
    public INDArray logits(int[][] tokens) {
        Map<String, INDArray> feeds = new HashMap<>(Map.of(TOKENS, ids(tokens)));
        stack.feedNoDropout(feeds);
        return GraphRuns.output(sd, feeds, LOGITS);
    }

    /** Mean NLL in nats per token of {@code targets} after {@code tokens}, over the positions {@code mask} marks. */
    public double loss(int[][] tokens, int[][] targets, float[][] mask) {
        Map<String, INDArray> feeds = feeds(tokens, targets, mask);
        stack.feedNoDropout(feeds);
        return GraphRuns.output(sd, feeds, LOSS).getDouble(0);
    }

    Map<String, INDArray> feeds(int[][] tokens, int[][] targets, float[][] mask) {
        float[] flatMask = new float[batch * steps];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < steps; t++) {
                flatMask[b * steps + t] = mask[b][t];
            }
        }
        return new HashMap<>(Map.of(TOKENS, ids(tokens), TARGETS, oneHot(targets),
                MASK, Nd4j.createFromArray(flatMask)));
    }

    private INDArray ids(int[][] tokens) {
        if (tokens.length != batch || tokens[0].length != steps) {
            throw new IllegalArgumentException("batch of " + tokens.length + "x" + tokens[0].length
                    + " tokens, but this graph takes " + batch + "x" + steps);
        }
        return oneHot(tokens);
    }

    INDArray oneHot(int[][] ids) {
        INDArray oneHot = Nd4j.zeros(DataType.FLOAT, batch * steps, config.vocabularySize());
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < steps; t++) {
                config.checkId(ids[b][t]);
                oneHot.putScalar(b * steps + t, ids[b][t], 1f);
            }
        }
        return oneHot;
    }
}
