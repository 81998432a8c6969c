package io.muse4j.models.deephear;

import io.muse4j.core.score.Check;
import io.muse4j.core.token.ChoraleParts;
import io.muse4j.models.file.StoredModel;
import io.muse4j.models.nn.DenseLayer;
import io.muse4j.models.nn.Nd4jSetup;
import io.muse4j.models.nn.PartSoftmax;
import io.muse4j.models.sampling.Sampler;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * DeepHear (Sun 2016), the stacked autoencoder of Briot et al.'s auto-bach (2019), over windows of
 * four-part chorales. A window is each part's symbols ({@link ChoraleParts}) one-hot at every step, part by part:
 * (B, D) with D = window * (n_soprano + n_alto + n_tenor + n_bass). The encoder is dense layers D -> h_1 -> ... ->
 * h_L -> code; the decoder mirrors it, code -> h_L -> ... -> h_1, then a softmax over each part's symbols at each
 * step. The hidden layers are leaky ReLU, as mini-bach's, and the code is linear. The classic stack has sigmoid
 * layers and a code in (0, 1), so that uniform random codes fit it; on the chorales a sigmoid stack sat at the
 * symbols' marginal distribution for thousands of steps, and a sigmoid code under leaky ReLU layers saturated at 0
 * or 1 for every window, carrying nothing. Encoder layer k and decoder layer k are the k-th autoencoder of layer-wise
 * pretraining (Bengio et al. 2007): the first reconstructs the window (cross-entropy of its symbols), each one above
 * the layer below it (mean squared error); fine-tuning then trains the whole stack end to end. It generates by
 * decoding random codes, drawn from a normal fitted to each code unit over training windows and kept in the model
 * file.
 */
public final class DeepHear implements StoredModel {
    /** The model files' name for the kind. */
    public static final String KIND = "deephear";
    /** The most weights a layer may have: 1 GB of floats. */
    static final long MAX_LAYER_WEIGHTS = 1L << 28;

    static {
        Nd4jSetup.configure();
    }

    private final Shape shape;
    private final ChoraleParts parts;
    /** encoders[k]: widths[k] to widths[k + 1]; decoders[k] back. */
    private final DenseLayer[] encoders;
    private final DenseLayer[] decoders;
    /** The code units' mean and standard deviation over training windows: the prior generation draws from. */
    private final INDArray codeMean;
    private final INDArray codeSd;
    private final int[] widths;

    /**
     * The sizes of a DeepHear.
     *
     * @param window grid steps a window spans
     * @param stepsPerQuarter the grid
     * @param hidden units of the first hidden layer; each further one has half as many
     * @param layers hidden layers between the window and the code
     * @param code units of the code
     */
    public record Shape(int window, int stepsPerQuarter, int hidden, int layers, int code) {
        public Shape {
            Check.range("window", window, 1, 4096);
            Check.range("steps per quarter", stepsPerQuarter, 1, 96);
            Check.range("hidden layers", layers, 0, 8);
            Check.range("code units", code, 1, 4096);
            if (layers > 0 && (hidden >> (layers - 1)) < 1) {
                throw new IllegalArgumentException(layers + " hidden layers halving from " + hidden
                        + " units leave none");
            }
        }
    }

    /** A model of that shape over the parts' ranges, with fresh weights drawn from {@code seed}. */
    DeepHear(Shape shape, ChoraleParts parts, long seed) {
        this.shape = shape;
        this.parts = parts;
        widths = new int[shape.layers() + 2];
        widths[0] = inputWidth(shape.window(), parts);
        for (int k = 1; k <= shape.layers(); k++) {
            widths[k] = shape.hidden() >> (k - 1);
        }
        widths[widths.length - 1] = shape.code();
        long first = (long) widths[0] * widths[1];
        if (first > MAX_LAYER_WEIGHTS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "a window of %d steps (%,d inputs) into %,d "
                    + "units is %,d weights, more than the %,d a layer may have: give a shorter --window or fewer "
                    + "--hidden", shape.window(), widths[0], widths[1], first, MAX_LAYER_WEIGHTS));
        }
        Random random = new Random(seed);
        encoders = new DenseLayer[widths.length - 1];
        decoders = new DenseLayer[widths.length - 1];
        for (int k = 0; k < encoders.length; k++) {
            // leaky ReLU throughout but for the code and the output, which are linear
            encoders[k] = DenseLayer.of("enc" + k, widths[k], widths[k + 1], k < widths.length - 2, random,
                    DataType.FLOAT);
            decoders[k] = DenseLayer.of("dec" + k, widths[k + 1], widths[k], k > 0, random, DataType.FLOAT);
        }
        codeMean = Nd4j.zeros(DataType.FLOAT, shape.code()); // N(0, I) until training fits the prior
        codeSd = Nd4j.ones(DataType.FLOAT, shape.code());
    }

    private static int inputWidth(int window, ChoraleParts parts) {
        int width = 0;
        for (int p = 0; p < ChoraleParts.COUNT; p++) {
            width += window * parts.symbols(p);
        }
        return width;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Map<String, Number> configValues() {
        Map<String, Number> config = new LinkedHashMap<>();
        config.put("window", shape.window());
        config.put("stepsPerQuarter", shape.stepsPerQuarter());
        config.put("hidden", shape.hidden());
        config.put("layers", shape.layers());
        config.put("code", shape.code());
        parts.putConfig(config);
        return config;
    }

    /** The model a header's config describes. */
    static DeepHear of(Map<String, Number> config) {
        return new DeepHear(new Shape(config.get("window").intValue(), config.get("stepsPerQuarter").intValue(),
                config.get("hidden").intValue(), config.get("layers").intValue(), config.get("code").intValue()),
                ChoraleParts.ofConfig(config), 0);
    }

    /** Every weight by name, live, the code prior's included. */
    @Override
    public Map<String, INDArray> weights() {
        Map<String, INDArray> all = trained();
        all.put("code_mean", codeMean);
        all.put("code_sd", codeSd);
        return all;
    }

    /** The weights training changes, by name, live. */
    Map<String, INDArray> trained() {
        Map<String, INDArray> all = new LinkedHashMap<>();
        for (int k = 0; k < encoders.length; k++) {
            encoders[k].putWeights(all);
            decoders[k].putWeights(all);
        }
        return all;
    }

    Shape shape() {
        return shape;
    }

    ChoraleParts parts() {
        return parts;
    }

    /** The autoencoders of pretraining, one per encoder layer: the last trains the code. */
    int stages() {
        return encoders.length;
    }

    /** One-hot rows (B, D) of symbol grids ([step][part], one window each). */
    INDArray input(List<int[][]> grids) {
        int[] symbols = symbols();
        float[][] rows = new float[grids.size()][widths[0]];
        for (int b = 0; b < grids.size(); b++) {
            int from = 0;
            for (int p = 0; p < ChoraleParts.COUNT; p++) {
                for (int s = 0; s < shape.window(); s++) {
                    rows[b][from + s * symbols[p] + grids.get(b)[s][p]] = 1;
                }
                from += shape.window() * symbols[p];
            }
        }
        return Nd4j.createFromArray(rows);
    }

    /** The grids' symbols as targets, [part][b * window + s]. */
    int[][] targets(List<int[][]> grids) {
        int[][] targets = new int[ChoraleParts.COUNT][grids.size() * shape.window()];
        for (int b = 0; b < grids.size(); b++) {
            for (int s = 0; s < shape.window(); s++) {
                for (int p = 0; p < ChoraleParts.COUNT; p++) {
                    targets[p][b * shape.window() + s] = grids.get(b)[s][p];
                }
            }
        }
        return targets;
    }

    /** The codes (B, code) of one-hot windows. */
    INDArray encode(INDArray input) {
        INDArray a = input;
        for (int k = 0; k < encoders.length; k++) {
            a = up(k, a).y();
        }
        return a;
    }

    /** Each part's symbol probabilities at each step, (B * window, n_part), decoded from codes (B, code). */
    INDArray[] decode(INDArray codes) {
        INDArray a = codes;
        for (int k = decoders.length - 1; k > 0; k--) {
            a = decoders[k].forward(a).y();
        }
        return PartSoftmax.probabilities(decoders[0].forward(a).y(), shape.window(), symbols());
    }

    /**
     * Symbol grids ([b][step][part]) decoded from codes, each symbol drawn by {@code sampler} from its part's
     * distribution at its step (greedy at temperature 0).
     */
    int[][][] grids(double[][] codes, Sampler sampler) {
        INDArray[] p = decode(Nd4j.createFromArray(codes).castTo(DataType.FLOAT));
        int[][][] grids = new int[codes.length][shape.window()][ChoraleParts.COUNT];
        for (int part = 0; part < ChoraleParts.COUNT; part++) {
            float[][] probabilities = p[part].toFloatMatrix();
            for (int row = 0; row < probabilities.length; row++) {
                float[] logits = new float[probabilities[row].length];
                for (int i = 0; i < logits.length; i++) {
                    logits[i] = (float) Math.log(Math.max(probabilities[row][i], 1e-30f));
                }
                grids[row / shape.window()][row % shape.window()][part] = sampler.sample(logits);
            }
        }
        return grids;
    }

    /** The mean cross-entropy of the windows' symbols reconstructed through the whole stack, per part step. */
    double reconstructionLoss(INDArray input, int[][] targets) {
        return PartSoftmax.crossEntropy(decode(encode(input)), targets, shape.window(), null);
    }

    /**
     * The loss of pretraining stage {@code stage} (0 .. stages - 1), or of the whole stack for {@code stages()},
     * with its gradients into {@code gradients}; only that stage's weights (or every weight) get gradients.
     */
    double lossAndGradients(int stage, INDArray input, int[][] targets, Map<String, INDArray> gradients) {
        if (stage == stages()) {
            return fineTuning(input, targets, gradients);
        }
        INDArray below = input;
        for (int k = 0; k < stage; k++) {
            below = up(k, below).y();
        }
        DenseLayer.Pass up = up(stage, below);
        INDArray dUp;
        double loss;
        if (stage == 0) {
            DenseLayer.Pass out = decoders[0].forward(up.y());
            INDArray dLogits = Nd4j.zeros(out.y().dataType(), out.y().shape());
            loss = PartSoftmax.crossEntropy(PartSoftmax.probabilities(out.y(), shape.window(), symbols()), targets,
                    shape.window(), dLogits);
            dUp = decoders[0].backward(out, dLogits, gradients);
        } else {
            // the layer below reconstructed: mean squared error
            DenseLayer.Pass back = decoders[stage].forward(up.y());
            INDArray error = back.y().sub(below);
            loss = error.norm2Number().doubleValue() * error.norm2Number().doubleValue() / below.length();
            dUp = decoders[stage].backward(back, error.muli(2.0 / below.length()), gradients);
        }
        encoders[stage].backward(up, dUp, gradients);
        return loss;
    }

    private double fineTuning(INDArray input, int[][] targets, Map<String, INDArray> gradients) {
        DenseLayer.Pass[] up = new DenseLayer.Pass[encoders.length];
        INDArray a = input;
        for (int k = 0; k < encoders.length; k++) {
            up[k] = up(k, a);
            a = up[k].y();
        }
        DenseLayer.Pass[] down = new DenseLayer.Pass[decoders.length];
        for (int k = decoders.length - 1; k > 0; k--) {
            down[k] = decoders[k].forward(a);
            a = down[k].y();
        }
        DenseLayer.Pass out = decoders[0].forward(a);
        INDArray dLogits = Nd4j.zeros(out.y().dataType(), out.y().shape());
        double loss = PartSoftmax.crossEntropy(PartSoftmax.probabilities(out.y(), shape.window(), symbols()),
                targets, shape.window(), dLogits);
        INDArray d = decoders[0].backward(out, dLogits, gradients);
        for (int k = 1; k < decoders.length; k++) {
            d = decoders[k].backward(down[k], d, gradients);
        }
        for (int k = encoders.length - 1; k >= 0; k--) {
            d = encoders[k].backward(up[k], d, gradients);
        }
        return loss;
    }

    /** Fits the prior to codes (N, code): each unit's mean and standard deviation. */
    void fitPrior(INDArray codes) {
        codeMean.assign(codes.mean(0));
        codeSd.assign(codes.std(false, 0));
    }

    /** {@code count} codes drawn from the prior, each unit normal with its mean and standard deviation. */
    double[][] prior(int count, Random random) {
        double[] mean = codeMean.toDoubleVector();
        double[] sd = codeSd.toDoubleVector();
        double[][] codes = new double[count][shape.code()];
        for (double[] code : codes) {
            for (int u = 0; u < code.length; u++) {
                code[u] = mean[u] + sd[u] * random.nextGaussian();
            }
        }
        return codes;
    }

    /** Symbols of each part. */
    private int[] symbols() {
        int[] symbols = new int[ChoraleParts.COUNT];
        for (int p = 0; p < ChoraleParts.COUNT; p++) {
            symbols[p] = parts.symbols(p);
        }
        return symbols;
    }

    /** Encoder layer {@code k} over its input. */
    private DenseLayer.Pass up(int k, INDArray x) {
        return encoders[k].forward(x);
    }
}
