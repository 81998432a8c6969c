package io.muse4j.models.nn;

import io.muse4j.core.score.Check;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * A restricted Boltzmann machine over a frame's keys whose biases the stack's top row gives, as the frame head of a
 * piano-roll stack: over an LSTM, the RNN-RBM of Boulanger-Lewandowski et al. (2012). For a top row u the visible
 * biases are {@code bv = u Cv + b} and the hidden biases {@code bh = u Ch + c}; the weights {@code W} are shared by
 * every frame.
 *
 * <p>Training is contrastive divergence per frame (k Gibbs steps from the frame), as in the paper: the gradient at
 * each frame's biases is the chain's statistics less the data's, and it flows back through the stack from there.
 * The loss it reports and validates on is the pseudo-NLL (each key's -log p given the other keys, summed), since the
 * likelihood needs the partition function of every frame's RBM; {@link #nll} estimates that per frame by annealed
 * importance sampling along the path that scales {@code W} from 0 (where log Z is exact) to 1.
 */
final class ConditionalRbm implements FrameHead {
    /** The config value naming the hidden units; its presence in a model file's header means an RBM head. */
    static final String CONFIG_HIDDEN = "rbmHidden";
    /** The config value naming the Gibbs steps of training and of each draw. */
    static final String CONFIG_GIBBS_STEPS = "rbmGibbsSteps";
    /** Annealed importance sampling: runs per frame and intermediate distributions. */
    static final int AIS_RUNS = 20;
    static final int AIS_TEMPERATURES = 1000;
    /** Keys a training step's pseudo-NLL is estimated from. */
    private static final int LOGGED_KEYS = 8;
    /** Gibbs steps of a drawn frame, at least: chains start from silence. */
    private static final int DRAW_STEPS = 100;

    private final int keys;
    private final int hidden;
    private final int gibbsSteps;
    private final INDArray w;
    private final INDArray b;
    private final INDArray c;
    private final INDArray contextVisible;
    private final INDArray contextHidden;

    ConditionalRbm(int inputSize, int keys, int hidden, int gibbsSteps, Random random, DataType type) {
        Check.range("RBM hidden units", hidden, 1, 1 << 14);
        Check.range("Gibbs steps", gibbsSteps, 1, 1000);
        this.keys = keys;
        this.hidden = hidden;
        this.gibbsSteps = gibbsSteps;
        contextVisible = Initialisers.fanIn(random, inputSize, keys, type);
        contextHidden = Initialisers.fanIn(random, inputSize, hidden, type);
        w = Initialisers.uniform(random, 0.01, keys, hidden, type);
        // a key sounds in about 4 of 88 places: start the visible biases there rather than at one half
        b = Nd4j.valueArrayOf(new long[] {keys}, -3.0, type);
        c = Nd4j.zeros(type, hidden);
    }

    @Override
    public Map<String, INDArray> weights() {
        Map<String, INDArray> weights = new LinkedHashMap<>();
        weights.put("rbm_context_visible", contextVisible);
        weights.put("rbm_context_hidden", contextHidden);
        weights.put("rbm_w", w);
        weights.put("rbm_visible_b", b);
        weights.put("rbm_hidden_b", c);
        return weights;
    }

    @Override
    public Map<String, Number> configValues() {
        Map<String, Number> values = new LinkedHashMap<>();
        values.put(CONFIG_HIDDEN, hidden);
        values.put(CONFIG_GIBBS_STEPS, gibbsSteps);
        return values;
    }

    @Override
    public Step train(INDArray top, INDArray frames, double[] rowWeights, Random random,
                      Map<String, INDArray> gradients) {
        INDArray visibleBiases = visibleBiases(top);
        INDArray hiddenBiases = hiddenBiases(top);
        INDArray data = frames.castTo(w.dataType());
        INDArray chain = data;
        for (int step = 0; step < gibbsSteps; step++) {
            chain = gibbsStep(chain, visibleBiases, hiddenBiases, 1, random);
        }
        INDArray weight = Nd4j.createFromArray(rowWeights).castTo(w.dataType()).reshape(rowWeights.length, 1);
        INDArray dataHidden = hiddenProbabilities(data, hiddenBiases, 1);
        INDArray chainHidden = hiddenProbabilities(chain, hiddenBiases, 1);
        // the gradient of F(data) - F(chain), the chain held fixed, at every weight and at each frame's biases
        INDArray dVisible = chain.sub(data).muliColumnVector(weight);
        INDArray dHidden = chainHidden.sub(dataHidden).muliColumnVector(weight);
        INDArray dW = Nd4j.gemm(chain, chainHidden.muliColumnVector(weight), true, false)
                .subi(Nd4j.gemm(data, dataHidden.muliColumnVector(weight), true, false));
        gradients.put("rbm_context_visible", Nd4j.gemm(top, dVisible, true, false));
        gradients.put("rbm_context_hidden", Nd4j.gemm(top, dHidden, true, false));
        gradients.put("rbm_w", dW);
        gradients.put("rbm_visible_b", LstmLayers.columnSums(dVisible));
        gradients.put("rbm_hidden_b", LstmLayers.columnSums(dHidden));
        INDArray dTop = Nd4j.gemm(dVisible, contextVisible, false, true);
        Nd4j.gemm(dHidden, contextHidden, dTop, false, true, 1, 1);
        double[] estimates = pseudoNll(data, visibleBiases, hiddenBiases, sampledKeys(random));
        double loss = 0;
        for (int row = 0; row < rowWeights.length; row++) {
            loss += rowWeights[row] == 0 ? 0 : rowWeights[row] * estimates[row] * keys / LOGGED_KEYS;
        }
        return new Step(loss, dTop);
    }

    @Override
    public double[] losses(INDArray top, INDArray frames) {
        return pseudoNll(frames.castTo(w.dataType()), visibleBiases(top), hiddenBiases(top),
                IntStream.range(0, keys).toArray());
    }

    /** F(v) + log Z per frame, log Z by AIS of {@link #AIS_RUNS} runs over {@link #AIS_TEMPERATURES} steps. */
    @Override
    public double[] nll(INDArray top, INDArray frames) {
        INDArray v = frames.castTo(w.dataType());
        INDArray visibleBiases = visibleBiases(top);
        INDArray hiddenBiases = hiddenBiases(top);
        double[] freeEnergies = freeEnergies(v, visibleBiases, hiddenBiases);
        // seeded by the frames scored, so that a file's estimate is repeatable
        long seed = Arrays.hashCode(v.castTo(DataType.FLOAT).data().asFloat());
        double[] logZ = RbmAnnealing.logPartitions(w, visibleBiases, hiddenBiases, AIS_RUNS, AIS_TEMPERATURES, seed);
        double[] nll = new double[freeEnergies.length];
        for (int row = 0; row < nll.length; row++) {
            nll[row] = freeEnergies[row] + logZ[row];
        }
        return nll;
    }

    @Override
    public String nllEstimator() {
        return "AIS, " + AIS_RUNS + " runs of " + AIS_TEMPERATURES + " temperatures per frame";
    }

    /**
     * Block Gibbs sampling from silence for max(k, {@value #DRAW_STEPS}) steps; without {@code random}, mean-field
     * updates of the keys' probabilities instead, thresholded at one half.
     */
    @Override
    public INDArray draw(INDArray top, Random random) {
        INDArray visibleBiases = visibleBiases(top);
        INDArray hiddenBiases = hiddenBiases(top);
        INDArray v = Nd4j.zeros(w.dataType(), top.rows(), keys);
        for (int step = 0; step < Math.max(gibbsSteps, DRAW_STEPS); step++) {
            v = random == null ? visibleProbabilities(hiddenProbabilities(v, hiddenBiases, 1), visibleBiases, 1)
                    : gibbsStep(v, visibleBiases, hiddenBiases, 1, random);
        }
        return random == null ? v.gt(0.5).castTo(top.dataType()) : v.castTo(top.dataType());
    }

    private INDArray gibbsStep(INDArray v, INDArray visibleBiases, INDArray hiddenBiases, double beta, Random random) {
        INDArray h = Bernoulli.draw(hiddenProbabilities(v, hiddenBiases, beta), random);
        return Bernoulli.draw(visibleProbabilities(h, visibleBiases, beta), random);
    }

    /** p(h = 1 | v) = sigmoid(beta v W + bh) per row. */
    INDArray hiddenProbabilities(INDArray v, INDArray hiddenBiases, double beta) {
        return Transforms.sigmoid(Nd4j.gemm(v, w, false, false).muli(beta).addi(hiddenBiases), false);
    }

    /** p(v = 1 | h) = sigmoid(beta h W' + bv) per row. */
    INDArray visibleProbabilities(INDArray h, INDArray visibleBiases, double beta) {
        return Transforms.sigmoid(Nd4j.gemm(h, w, false, true).muli(beta).addi(visibleBiases), false);
    }

    /** F(v) = -v.bv - sum_j softplus((v W)_j + bh_j) per row. */
    private double[] freeEnergies(INDArray v, INDArray visibleBiases, INDArray hiddenBiases) {
        INDArray softplus = Transforms.softPlus(Nd4j.gemm(v, w, false, false).addi(hiddenBiases), false);
        return softplus.sum(1).addi(v.mul(visibleBiases).sum(1)).negi().castTo(DataType.DOUBLE).toDoubleVector();
    }

    /**
     * Per row, the sum over {@code units} of -log p(v_i | the other keys) = softplus(F(v) - F(v with key i
     * flipped)); flipping key i moves the hidden pre-activations by (1 - 2 v_i) W_i.
     */
    private double[] pseudoNll(INDArray v, INDArray visibleBiases, INDArray hiddenBiases, int[] units) {
        INDArray pre = Nd4j.gemm(v, w, false, false).addi(hiddenBiases);
        INDArray base = Transforms.softPlus(pre, true).sum(1);
        INDArray total = Nd4j.zeros(DataType.DOUBLE, v.rows());
        for (int unit : units) {
            INDArray sign = v.getColumn(unit).rsub(1).subi(v.getColumn(unit)).reshape(v.rows(), 1);
            INDArray flipped = Transforms.softPlus(pre.add(Nd4j.gemm(sign, w.getRow(unit).reshape(1, hidden),
                    false, false)), false).sum(1);
            // F(v) - F(flipped) = sign * bv_i + sum softplus(flipped pre) - sum softplus(pre)
            INDArray difference = flipped.subi(base)
                    .addi(sign.reshape(v.rows()).mul(visibleBiases.getColumn(unit).reshape(v.rows())));
            total.addi(Transforms.softPlus(difference, false).castTo(DataType.DOUBLE));
        }
        return total.toDoubleVector();
    }

    private int[] sampledKeys(Random random) {
        int[] order = IntStream.range(0, keys).toArray();
        for (int i = 0; i < LOGGED_KEYS; i++) {
            int j = i + random.nextInt(keys - i);
            int unit = order[j];
            order[j] = order[i];
            order[i] = unit;
        }
        return Arrays.copyOf(order, LOGGED_KEYS);
    }

    private INDArray visibleBiases(INDArray top) {
        return top.mmul(contextVisible).addiRowVector(b);
    }

    private INDArray hiddenBiases(INDArray top) {
        return top.mmul(contextHidden).addiRowVector(c);
    }
}
