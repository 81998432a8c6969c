package io.muse4j.models.minibach;

import io.muse4j.core.token.ChoraleParts;
import io.muse4j.core.token.VoiceRoll;
import io.muse4j.models.file.StoredModel;
import io.muse4j.models.nn.DenseLayer;
import io.muse4j.models.nn.LstmLayers;
import io.muse4j.models.nn.Nd4jSetup;
import io.muse4j.models.nn.PartSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * mini-bach (Briot, Hadjeres & Pachet, "Deep Learning Techniques for Music Generation", 2019, section 6.2.1): a
 * feedforward network from a window of soprano steps to the alto, tenor and bass of the same steps. The soprano's
 * symbols ({@link ChoraleParts}) are one-hot over the window, (B, window * n_soprano); one hidden layer of leaky
 * ReLU units (with inverted dropout in training); then, for each lower part, a softmax over its symbols at every
 * step. The loss is the cross-entropy of the real parts' symbols, in nats per part step.
 */
public final class MiniBach implements StoredModel {
    /** The model files' name for the kind. */
    public static final String KIND = "minibach";

    static {
        Nd4jSetup.configure();
    }

    private final int window;
    private final int stepsPerQuarter;
    private final ChoraleParts parts;
    private final DenseLayer hidden;
    private final DenseLayer out;

    /**
     * A model of {@code window} steps of a grid of {@code stepsPerQuarter} over the parts' ranges, with fresh weights
     * drawn from {@code seed}.
     */
    MiniBach(int window, int stepsPerQuarter, ChoraleParts parts, int hiddenUnits, long seed) {
        if (window < 1 || hiddenUnits < 1 || stepsPerQuarter < 1) {
            throw new IllegalArgumentException("mini-bach needs a window, a grid and hidden units, not " + window
                    + ", " + stepsPerQuarter + " and " + hiddenUnits);
        }
        this.window = window;
        this.stepsPerQuarter = stepsPerQuarter;
        this.parts = parts;
        Random random = new Random(seed);
        int outputs = 0;
        for (int p = 1; p < ChoraleParts.COUNT; p++) {
            outputs += window * parts.symbols(p);
        }
        hidden = DenseLayer.of("hidden", window * parts.symbols(0), hiddenUnits, true, random, DataType.FLOAT);
        out = DenseLayer.of("out", hiddenUnits, outputs, false, random, DataType.FLOAT);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Map<String, Number> configValues() {
        Map<String, Number> config = new LinkedHashMap<>();
        config.put("window", window);
        config.put("stepsPerQuarter", stepsPerQuarter);
        config.put("hidden", hidden.b().length());
        parts.putConfig(config);
        return config;
    }

    /** The model a header's config describes. */
    static MiniBach of(Map<String, Number> config) {
        return new MiniBach(config.get("window").intValue(), config.get("stepsPerQuarter").intValue(),
                ChoraleParts.ofConfig(config), config.get("hidden").intValue(), 0);
    }

    @Override
    public Map<String, INDArray> weights() {
        Map<String, INDArray> all = new LinkedHashMap<>();
        hidden.putWeights(all);
        out.putWeights(all);
        return all;
    }

    /** Steps a window spans. */
    int window() {
        return window;
    }

    /** Grid steps per quarter note. */
    int stepsPerQuarter() {
        return stepsPerQuarter;
    }

    /** The parts' ranges and symbols. */
    ChoraleParts parts() {
        return parts;
    }

    /** One-hot soprano rows (B, window * n_soprano) for windows whose voice 0 is the soprano. */
    INDArray input(List<VoiceRoll> windows) {
        int n = parts.symbols(0);
        float[][] rows = new float[windows.size()][window * n];
        for (int b = 0; b < windows.size(); b++) {
            VoiceRoll roll = windows.get(b);
            for (int s = 0; s < window; s++) {
                rows[b][s * n + parts.symbol(roll, s, 0, 0)] = 1;
            }
        }
        return Nd4j.createFromArray(rows);
    }

    /** The lower parts' symbols of four-voice windows: [part - 1][window * step], part 1..3. */
    int[][] targets(List<VoiceRoll> windows) {
        int[][] targets = new int[ChoraleParts.COUNT - 1][windows.size() * window];
        for (int b = 0; b < windows.size(); b++) {
            for (int s = 0; s < window; s++) {
                for (int p = 1; p < ChoraleParts.COUNT; p++) {
                    targets[p - 1][b * window + s] = parts.symbol(windows.get(b), s, p, p);
                }
            }
        }
        return targets;
    }

    /** Each lower part's symbol probabilities, (B * window, n_part) with row b * window + s for step s of window b. */
    INDArray[] probabilities(INDArray input) {
        return partProbabilities(out.forward(hidden.forward(input).y()).y());
    }

    /** The mean cross-entropy of the targets given the input, in nats per part step, with no dropout. */
    double loss(INDArray input, int[][] targets) {
        return crossEntropy(probabilities(input), targets, null);
    }

    /**
     * The loss with {@code dropout} of the hidden units drawn from {@code random}, and its gradients into
     * {@code gradients} by weight name.
     */
    double lossAndGradients(INDArray input, int[][] targets, double dropout, SplittableRandom random,
                            Map<String, INDArray> gradients) {
        DenseLayer.Pass h = hidden.forward(input);
        INDArray mask = dropout > 0 ? LstmLayers.dropoutMask(random, dropout, h.y().rows(), h.y().columns(),
                h.y().dataType()) : null;
        INDArray dropped = mask == null ? h.y() : h.y().mul(mask);
        DenseLayer.Pass o = out.forward(dropped);
        INDArray[] p = partProbabilities(o.y());
        INDArray dLogits = Nd4j.zeros(o.y().dataType(), o.y().shape());
        double loss = crossEntropy(p, targets, dLogits);
        INDArray dHidden = out.backward(o, dLogits, gradients);
        hidden.backward(h, mask == null ? dHidden : dHidden.muli(mask), gradients);
        return loss;
    }

    /** Softmax over each lower part's symbols at each step of the logits (B, outputs). */
    private INDArray[] partProbabilities(INDArray logits) {
        return PartSoftmax.probabilities(logits, window, lowerSymbols());
    }

    /** The mean cross-entropy over every part step, and its gradient into {@code dLogits} when given. */
    private double crossEntropy(INDArray[] p, int[][] targets, INDArray dLogits) {
        return PartSoftmax.crossEntropy(p, targets, window, dLogits);
    }

    private int[] lowerSymbols() {
        int[] symbols = new int[ChoraleParts.COUNT - 1];
        for (int part = 1; part < ChoraleParts.COUNT; part++) {
            symbols[part - 1] = parts.symbols(part);
        }
        return symbols;
    }

    /** Log-probabilities, for averaging windows that overlap. */
    static INDArray log(INDArray probabilities) {
        return Transforms.log(Transforms.max(probabilities, 1e-30, true), false);
    }
}
