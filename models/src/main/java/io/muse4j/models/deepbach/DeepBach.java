package io.muse4j.models.deepbach;

import io.muse4j.core.random.Seeds;
import io.muse4j.core.token.ChoraleParts;
import io.muse4j.core.token.VoiceRoll;
import io.muse4j.models.file.StoredModel;
import io.muse4j.models.kind.ChoraleRegenerator;
import io.muse4j.models.kind.RequestException;
import io.muse4j.models.nn.DenseLayer;
import io.muse4j.models.nn.LstmLayers;
import io.muse4j.models.nn.Nd4jSetup;
import io.muse4j.models.nn.OneHotLayer;
import io.muse4j.models.nn.Softmax;
import io.muse4j.models.sampling.GenerationRequest;
import io.muse4j.models.sampling.Sampler;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * A DeepBach-style model (Hadjeres, Pachet & Nielsen, "DeepBach: a Steerable Model for Bach Chorales Generation",
 * 2017): for each of the four parts, the distribution of its symbol ({@link ChoraleParts}: a pitch, a rest or a hold)
 * at one grid step given its neighbourhood: every part's symbols {@code context} steps before and after, the other
 * three parts at the step itself, and the step's place in its beat (the paper's time-grid input). Where DeepBach
 * reads the past and the future with two LSTMs, this model reads the neighbourhood window at once: its one-hot
 * symbols, (2 * context + 1) * width + stepsPerQuarter inputs with about 4 * (2 * context + 1) ones, through one
 * leaky ReLU layer ({@link OneHotLayer}) (with inverted dropout
 * in training) to a softmax over the part's symbols; one such network per part. Each part's symbol block has one
 * more entry, "outside the piece", for steps before its start and after its end.
 */
public final class DeepBach implements StoredModel, ChoraleRegenerator {
    /** The model files' name for the kind. */
    public static final String KIND = "deepbach";

    static {
        Nd4jSetup.configure();
    }

    private final int context;
    private final int stepsPerQuarter;
    private final ChoraleParts parts;
    private final int[] blockStart = new int[ChoraleParts.COUNT];
    private final int stepWidth;
    private final OneHotLayer[] hidden = new OneHotLayer[ChoraleParts.COUNT];
    private final DenseLayer[] out = new DenseLayer[ChoraleParts.COUNT];

    /** A model reading {@code context} steps each side on a grid of {@code stepsPerQuarter}, weights from the seed. */
    DeepBach(int context, int stepsPerQuarter, ChoraleParts parts, int hiddenUnits, long seed) {
        if (context < 0 || hiddenUnits < 1 || stepsPerQuarter < 1) {
            throw new IllegalArgumentException("DeepBach needs a context, a grid and hidden units, not " + context
                    + ", " + stepsPerQuarter + " and " + hiddenUnits);
        }
        this.context = context;
        this.stepsPerQuarter = stepsPerQuarter;
        this.parts = parts;
        int width = 0;
        for (int p = 0; p < ChoraleParts.COUNT; p++) {
            blockStart[p] = width;
            width += parts.symbols(p) + 1;
        }
        stepWidth = width;
        Random random = new Random(seed);
        for (int p = 0; p < ChoraleParts.COUNT; p++) {
            hidden[p] = OneHotLayer.of("hidden" + p, inputs(), hiddenUnits, random);
            out[p] = DenseLayer.of("out" + p, hiddenUnits, parts.symbols(p), false, random, DataType.FLOAT);
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Map<String, Number> configValues() {
        Map<String, Number> config = new LinkedHashMap<>();
        config.put("context", context);
        config.put("stepsPerQuarter", stepsPerQuarter);
        config.put("hidden", hidden[0].b().length());
        parts.putConfig(config);
        return config;
    }

    /** The model a header's config describes. */
    static DeepBach of(Map<String, Number> config) {
        return new DeepBach(config.get("context").intValue(), config.get("stepsPerQuarter").intValue(),
                ChoraleParts.ofConfig(config), config.get("hidden").intValue(), 0);
    }

    @Override
    public Map<String, INDArray> weights() {
        Map<String, INDArray> all = new LinkedHashMap<>();
        for (int p = 0; p < ChoraleParts.COUNT; p++) {
            hidden[p].putWeights(all);
            out[p].putWeights(all);
        }
        return all;
    }

    @Override
    public int stepsPerQuarter() {
        return stepsPerQuarter;
    }

    /** Pseudo-Gibbs sampling of the free cells ({@link PseudoGibbs}), {@value PseudoGibbs#SWEEPS} draws of each. */
    @Override
    public VoiceRoll regenerate(VoiceRoll roll, boolean[][] free, GenerationRequest.Sampling sampling,
                                boolean rules) {
        Sampler sampler = RequestException.checked(() -> sampling.sampler(0));
        return PseudoGibbs.regenerate(this, roll, free, sampler, PseudoGibbs.SWEEPS, Seeds.mix(sampling.seed(), 1),
                rules);
    }

    ChoraleParts parts() {
        return parts;
    }

    /** Inputs of each part's network. */
    int inputs() {
        return (2 * context + 1) * stepWidth + stepsPerQuarter;
    }

    /**
     * The inputs that are 1 for the symbol of {@code part} at {@code step} of a grid of symbols ([step][part], as
     * {@link ChoraleParts#symbol}), the symbol itself left out.
     */
    int[] active(int[][] grid, int step, int part) {
        int[] active = new int[(2 * context + 1) * ChoraleParts.COUNT];
        int k = 0;
        for (int offset = -context; offset <= context; offset++) {
            int s = step + offset;
            int base = (offset + context) * stepWidth;
            for (int p = 0; p < ChoraleParts.COUNT; p++) {
                if (offset == 0 && p == part) {
                    continue;
                }
                int symbol = s < 0 || s >= grid.length ? parts.symbols(p) : grid[s][p];
                active[k++] = base + blockStart[p] + symbol;
            }
        }
        active[k] = (2 * context + 1) * stepWidth + Math.floorMod(step, stepsPerQuarter);
        return active;
    }

    /** The mean cross-entropy of a part's symbols given their inputs, in nats per symbol, with no dropout. */
    double loss(int part, int[][] input, int[] targets) {
        INDArray p = Softmax.rows(out[part].forward(hidden[part].forward(input).y()).y());
        return crossEntropy(p, targets, null) / targets.length;
    }

    /**
     * The summed cross-entropy of a part's symbols with {@code dropout} of the hidden units drawn from
     * {@code random}; the gradients of its mean over {@code count} symbols go into {@code gradients}.
     */
    double lossAndGradients(int part, int[][] input, int[] targets, long count, double dropout,
                            SplittableRandom random, Map<String, INDArray> gradients) {
        OneHotLayer.Pass h = hidden[part].forward(input);
        INDArray mask = dropout > 0 ? LstmLayers.dropoutMask(random, dropout, h.y().rows(), h.y().columns(),
                h.y().dataType()) : null;
        DenseLayer.Pass o = out[part].forward(mask == null ? h.y() : h.y().mul(mask));
        INDArray p = Softmax.rows(o.y());
        INDArray dLogits = Nd4j.zeros(o.y().dataType(), o.y().shape());
        double loss = crossEntropy(p, targets, dLogits);
        INDArray dHidden = out[part].backward(o, dLogits.divi(count), gradients);
        hidden[part].backward(h, mask == null ? dHidden : dHidden.muli(mask), gradients);
        return loss;
    }

    /** The summed cross-entropy of the targets; p - one-hot goes into {@code dLogits} when given. */
    private static double crossEntropy(INDArray p, int[] targets, INDArray dLogits) {
        float[][] probabilities = p.toFloatMatrix();
        double loss = 0;
        for (int row = 0; row < probabilities.length; row++) {
            loss -= Math.log(Math.max(probabilities[row][targets[row]], 1e-30));
            probabilities[row][targets[row]] -= 1;
        }
        if (dLogits != null) {
            dLogits.assign(Nd4j.createFromArray(probabilities));
        }
        return loss;
    }

    /** The weights as arrays, for drawing one symbol at a time from sparse inputs ({@link Conditionals}). */
    Conditionals conditionals() {
        float[][][] w1 = new float[ChoraleParts.COUNT][][];
        float[][] b1 = new float[ChoraleParts.COUNT][];
        float[][][] w2 = new float[ChoraleParts.COUNT][][];
        float[][] b2 = new float[ChoraleParts.COUNT][];
        for (int p = 0; p < ChoraleParts.COUNT; p++) {
            w1[p] = hidden[p].w().toFloatMatrix();
            b1[p] = hidden[p].b().toFloatVector();
            w2[p] = out[p].w().toFloatMatrix();
            b2[p] = out[p].b().toFloatVector();
        }
        return new Conditionals(this, w1, b1, w2, b2);
    }
}
