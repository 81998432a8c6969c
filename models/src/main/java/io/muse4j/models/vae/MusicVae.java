package io.muse4j.models.vae;

import io.muse4j.core.random.Seeds;
import io.muse4j.models.file.StoredModel;
import io.muse4j.models.nn.Initialisers;
import io.muse4j.models.nn.Nd4jSetup;
import io.muse4j.models.nn.PassMemory;
import io.muse4j.models.nn.Softmax;
import io.muse4j.models.sampling.Sampler;
import io.muse4j.models.training.Shards;
import io.muse4j.models.training.Trainable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * MusicVAE (Roberts et al. 2018, "A Hierarchical Latent Vector Model for Learning Long-Term Structure in Music") and
 * its flat ancestor, the VRAE (Fabius and van Amersfoort 2014): a {@link VaeEncoder} gives mu and log sigma^2 of a
 * latent z for a window of tokens, z = mu + sigma * eps is drawn with a seeded generator (the reparameterisation
 * trick), and a {@link VaeDecoder} reconstructs the window from z. Batches are windows (B, T) of
 * {@link VaeConfig#steps()} tokens.
 *
 * <p>The loss, per token, is (sum of the windows' token NLLs + beta * B * KL) / (B * T), with KL the sum over latent
 * dimensions of max(batch-mean KL of the dimension, free bits), as a {@link VaeObjective} sets it: the per-window
 * ELBO over T. A batch runs in {@link Shards}, each shard taking its own batch mean for the free bits.
 */
public final class MusicVae implements Trainable<int[][]>, StoredModel {
    static {
        Nd4jSetup.configure();
    }

    private final VaeConfig config;
    private final VaeObjective objective;
    private final long seed;
    private final INDArray embedding;
    private final VaeEncoder encoder;
    private final VaeDecoder decoder;

    /** A model with weights drawn from {@code seed}. */
    public MusicVae(VaeConfig config, VaeObjective objective, long seed) {
        this(config, objective, seed, DataType.FLOAT);
    }

    /** A model whose arrays are of {@code type} (double precision for checking gradients). */
    MusicVae(VaeConfig config, VaeObjective objective, long seed, DataType type) {
        this.config = config;
        this.objective = objective;
        this.seed = seed;
        Random random = new Random(seed);
        embedding = Initialisers.uniform(random, 1.0, config.vocabularySize(), config.embedding(), type);
        encoder = new VaeEncoder(config, random, type);
        decoder = new VaeDecoder(config, random, type);
    }

    /** The model's shape. */
    public VaeConfig config() {
        return config;
    }

    @Override
    public String kind() {
        return config.kind();
    }

    @Override
    public Map<String, Number> configValues() {
        return config.values();
    }

    @Override
    public int vocabularySize() {
        return config.vocabularySize();
    }

    /** The training objective. */
    public VaeObjective objective() {
        return objective;
    }

    /** The same weights under another objective (for training a saved model further, or measuring it). */
    public MusicVae withObjective(VaeObjective other) {
        MusicVae copy = new MusicVae(config, other, seed, embedding.dataType());
        copy.weights().forEach((name, w) -> w.assign(weights().get(name)));
        return copy;
    }

    @Override
    public Map<String, INDArray> weights() {
        Map<String, INDArray> weights = new LinkedHashMap<>();
        weights.put("embedding", embedding);
        weights.putAll(encoder.weights());
        weights.putAll(decoder.weights());
        return weights;
    }

    /**
     * What a shard's pass found, its loss terms already scaled to the whole batch.
     *
     * @param reconstruction summed token NLL times the scale
     * @param kl the beta-weighted, floored KL term times its share
     * @param rawKl summed KL of the shard's windows (unfloored, unweighted)
     * @param gradients by weight name, null when not asked for
     */
    private record ShardResult(double reconstruction, double kl, double rawKl, Map<String, INDArray> gradients) {
    }

    @Override
    public LossAndGradients lossAndGradients(int[][] batch, long step) {
        checkWindows(batch);
        List<ShardResult> parts = Shards.passes(encoder.stack(), batch.length, config.steps(), (from, to) ->
                shard(Arrays.copyOfRange(batch, from, to), batch.length, step, true));
        return Shards.sum(parts.stream().map(p -> new LossAndGradients(p.reconstruction() + p.kl(), p.gradients()))
                .toList());
    }

    @Override
    public double loss(int[][] batch) {
        checkWindows(batch);
        return Shards.passes(encoder.stack(), batch.length, config.steps(), (from, to) ->
                shard(Arrays.copyOfRange(batch, from, to), batch.length, -1, false)).stream()
                .mapToDouble(p -> p.reconstruction() + p.kl()).sum();
    }

    @Override
    public int targets(int[][] batch) {
        return batch.length * config.steps();
    }

    /**
     * The two terms of the loss on a batch, with z drawn as in validation.
     *
     * @param nllPerToken reconstruction NLL in nats per token
     * @param klPerWindow mean KL(q(z|x) || N(0, I)) per window in nats, without the free-bits floor
     */
    public record Terms(double nllPerToken, double klPerWindow) {
    }

    /** The loss terms on a batch of windows (B, T). */
    public Terms terms(int[][] batch) {
        checkWindows(batch);
        List<ShardResult> parts = Shards.passes(encoder.stack(), batch.length, config.steps(), (from, to) ->
                shard(Arrays.copyOfRange(batch, from, to), batch.length, -1, false));
        return new Terms(parts.stream().mapToDouble(ShardResult::reconstruction).sum(),
                parts.stream().mapToDouble(ShardResult::rawKl).sum() / batch.length);
    }

    /** One shard's pass, scaled to a batch of {@code batchSize} windows; step -1 is validation. */
    private ShardResult shard(int[][] tokens, int batchSize, long step, boolean withGradients) {
        int n = tokens.length;
        int steps = config.steps();
        double scale = 1.0 / ((double) batchSize * steps);
        double beta = step < 0 ? objective.beta() : objective.betaSchedule().at(step);
        SplittableRandom random = new SplittableRandom(Seeds.mix(seed, step * 7_919L + Arrays.deepHashCode(tokens)));
        INDArray oneHot = oneHot(tokens);
        VaeEncoder.Pass enc = encoder.forward(oneHot.mmul(embedding), n, steps);
        INDArray eps = gaussian(random, n);
        INDArray sigma = Transforms.exp(enc.logVar().mul(0.5), false);
        INDArray z = enc.mu().add(sigma.mul(eps));
        double rate = step < 0 ? 0 : objective.samplingSchedule().at(step);
        int[][] previous = previousTokens(tokens, rate > 0 ? decoder.forward(z, previousTokens(tokens, null, 0, null),
                embedding).logits() : null, rate, random);
        VaeDecoder.Pass dec = decoder.forward(z, previous, embedding);
        double[] dLogits = withGradients ? new double[(int) dec.logits().length()] : null;
        double nll = crossEntropy(dec.logits(), tokens, scale, dLogits);
        double[][] mu = enc.mu().toDoubleMatrix();
        double[][] logVar = enc.logVar().toDoubleMatrix();
        double[] klByDimension = new double[config.latent()];
        double rawKl = 0;
        for (int b = 0; b < n; b++) {
            for (int d = 0; d < config.latent(); d++) {
                double kl = 0.5 * (mu[b][d] * mu[b][d] + Math.exp(logVar[b][d]) - logVar[b][d] - 1);
                klByDimension[d] += kl / n;
                rawKl += kl;
            }
        }
        double floored = Arrays.stream(klByDimension).map(kl -> Math.max(kl, objective.freeBits())).sum();
        double klTerm = beta * floored * n / batchSize / steps;
        if (!withGradients) {
            return new ShardResult(nll, klTerm, rawKl, null);
        }
        Map<String, INDArray> gradients = new LinkedHashMap<>();
        INDArray dz = decoder.backward(dec, Nd4j.create(dLogits, dec.logits().shape(), 'c')
                .castTo(embedding.dataType()), gradients);
        double[][] dMu = new double[n][config.latent()];
        double[][] dLogVar = new double[n][config.latent()];
        for (int d = 0; d < config.latent(); d++) {
            if (klByDimension[d] <= objective.freeBits() && objective.freeBits() > 0) {
                continue; // under the floor: the KL term is constant here
            }
            for (int b = 0; b < n; b++) {
                dMu[b][d] = beta * scale * mu[b][d];
                dLogVar[b][d] = beta * scale * 0.5 * (Math.exp(logVar[b][d]) - 1);
            }
        }
        INDArray dMuArray = matrix(dMu).addi(dz);
        INDArray dLogVarArray = matrix(dLogVar).addi(dz.mul(eps).muli(sigma).muli(0.5));
        INDArray dEmbedded = encoder.backward(enc, dMuArray, dLogVarArray, gradients);
        gradients.merge("embedding", Nd4j.gemm(oneHot, dEmbedded, true, false), INDArray::addi);
        return new ShardResult(nll, klTerm, rawKl, PassMemory.detached(gradients));
    }

    /**
     * Each step's input token: the window's previous token (-1 before the first), or with probability {@code rate}
     * a token drawn from the teacher-forced {@code logits} of the step before (scheduled sampling).
     */
    private int[][] previousTokens(int[][] tokens, INDArray logits, double rate, SplittableRandom random) {
        double[] z = logits == null ? null : logits.data().asDouble();
        int v = config.vocabularySize();
        int[][] previous = new int[tokens.length][config.steps()];
        for (int b = 0; b < tokens.length; b++) {
            previous[b][0] = -1;
            for (int t = 1; t < config.steps(); t++) {
                previous[b][t] = tokens[b][t - 1];
                if (z != null && random.nextDouble() < rate) {
                    previous[b][t] = draw(z, decoder.row(tokens.length, b, t - 1) * v, v, random);
                }
            }
        }
        return previous;
    }

    /** A token drawn from softmax of {@code count} logits from {@code from}. */
    private static int draw(double[] z, int from, int count, SplittableRandom random) {
        double logSum = Softmax.logSumExp(z, from, count);
        double u = random.nextDouble();
        for (int k = 0; k < count; k++) {
            u -= Math.exp(z[from + k] - logSum);
            if (u < 0) {
                return k;
            }
        }
        return count - 1;
    }

    /** Summed NLL of the windows' tokens times {@code scale}, and its gradient at the logits unless null. */
    private double crossEntropy(INDArray logits, int[][] tokens, double scale, double[] dLogits) {
        double[] z = logits.data().asDouble();
        int v = config.vocabularySize();
        double loss = 0;
        for (int b = 0; b < tokens.length; b++) {
            for (int t = 0; t < config.steps(); t++) {
                int row = decoder.row(tokens.length, b, t) * v;
                loss -= Softmax.logProbability(z, row, v, tokens[b][t], scale, dLogits);
            }
        }
        return loss * scale;
    }

    /** The means mu (B, Z) of q(z | x) for windows (B, T). */
    public double[][] encode(int[][] windows) {
        checkWindows(windows);
        return PassMemory.run(() -> encoder.forward(oneHot(windows).mmul(embedding), windows.length, config.steps())
                .mu().toDoubleMatrix());
    }

    /**
     * Token-level reconstruction of windows from their means: how many tokens the teacher-forced decoder's likeliest
     * token gets right, and how many the free-running greedy decoding does.
     *
     * @param teacherForced tokens right when each step is fed the true previous token
     * @param sampled tokens right when the decoder runs on its own greedy outputs
     * @param tokens tokens in all
     */
    public record Reconstruction(long teacherForced, long sampled, long tokens) {
        /** This count plus another. */
        public Reconstruction plus(Reconstruction other) {
            return new Reconstruction(teacherForced + other.teacherForced, sampled + other.sampled,
                    tokens + other.tokens);
        }
    }

    /** The reconstruction counts of windows (B, T), decoding from z = mu. */
    public Reconstruction reconstruction(int[][] windows) {
        double[][] mu = encode(windows);
        double[] logits = teacherForcedLogits(mu, windows);
        int v = config.vocabularySize();
        int[][] greedy = decode(mu, 0, 0);
        long teacherForced = 0;
        long sampled = 0;
        for (int b = 0; b < windows.length; b++) {
            for (int t = 0; t < config.steps(); t++) {
                int row = logitRow(windows.length, b, t) * v;
                int best = 0;
                for (int k = 1; k < v; k++) {
                    best = logits[row + k] > logits[row + best] ? k : best;
                }
                teacherForced += best == windows[b][t] ? 1 : 0;
                sampled += greedy[b][t] == windows[b][t] ? 1 : 0;
            }
        }
        return new Reconstruction(teacherForced, sampled, (long) windows.length * config.steps());
    }

    /**
     * The decoder's logits from latent vectors (B, Z), fed each window's tokens (B, T): rows of V values in the
     * decoder's row layout ({@link VaeDecoder#row}), flattened.
     */
    double[] teacherForcedLogits(double[][] z, int[][] windows) {
        return PassMemory.run(() -> decoder.forward(matrix(z), previousTokens(windows, null, 0, null), embedding)
                .logits().data().asDouble());
    }

    /** The row of step {@code t} of window {@code b} of {@code batch} in {@link #teacherForcedLogits}. */
    int logitRow(int batch, int b, int t) {
        return decoder.row(batch, b, t);
    }

    /** Windows (B, T) decoded from latent vectors (B, Z), sampled at {@code temperature} (0 takes the likeliest). */
    public int[][] decode(double[][] z, double temperature, long samplingSeed) {
        return new VaeSampling(this, z.length).decode(z, new Sampler(temperature, 0, 1, samplingSeed));
    }

    /** Token windows (B, T) as time-major one-hot rows (T*B, V). */
    private INDArray oneHot(int[][] ids) {
        INDArray oneHot = Nd4j.zeros(embedding.dataType(), (long) ids.length * config.steps(), config.vocabularySize());
        for (int b = 0; b < ids.length; b++) {
            for (int t = 0; t < config.steps(); t++) {
                oneHot.putScalar((long) t * ids.length + b, ids[b][t], 1.0);
            }
        }
        return oneHot;
    }

    private INDArray matrix(double[][] values) {
        return Nd4j.create(values).castTo(embedding.dataType());
    }

    /** Standard normal noise eps (rows, Z) for the reparameterisation. */
    private INDArray gaussian(SplittableRandom random, int rows) {
        double[][] values = new double[rows][config.latent()];
        Random normal = new Random(random.nextLong());
        for (double[] row : values) {
            for (int c = 0; c < row.length; c++) {
                row[c] = normal.nextGaussian();
            }
        }
        return matrix(values);
    }

    /** Fails unless every window has {@link VaeConfig#steps()} token ids of the vocabulary. */
    private void checkWindows(int[][] windows) {
        if (windows.length == 0) {
            throw new IllegalArgumentException("no windows");
        }
        for (int[] window : windows) {
            if (window.length != config.steps()) {
                throw new IllegalArgumentException("a window of " + window.length + " tokens for a model of "
                        + config.steps() + " (" + config.bars() + " bars of " + config.stepsPerBar() + ")");
            }
            for (int id : window) {
                if (id < 0 || id >= config.vocabularySize()) {
                    throw new IllegalArgumentException("token id " + id + " outside 0.." + (config.vocabularySize() - 1));
                }
            }
        }
    }
}
