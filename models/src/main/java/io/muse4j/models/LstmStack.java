package io.muse4j.models;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMActivations;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMDataFormat;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMDirectionMode;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.config.LSTMLayerConfig;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.outputs.LSTMLayerOutputs;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.weights.LSTMLayerWeights;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The stacked LSTM layers that {@link TokenLstm} and {@link PianoRollLstm} share, built into a graph either over
 * whole sequences (training, evaluation) or as one step that carries its states in and out (sampling).
 *
 * <p>Dropout multiplies each layer's outputs by a mask fed as a placeholder: inverted dropout masks while
 * training, drawn from a given seed so that a resumed run draws the same masks, and ones otherwise.
 */
final class LstmStack {
    private final SameDiff sd;
    private final LstmConfig config;
    private final int batch;
    private final int steps;
    private final List<String> masks = new ArrayList<>();
    private INDArray ones;

    /** A stack in {@code sd} for batches of {@code batch} sequences of {@code steps} steps. */
    LstmStack(SameDiff sd, LstmConfig config, int batch, int steps) {
        this.sd = sd;
        this.config = config;
        this.batch = batch;
        this.steps = steps;
    }

    /** The layers over {@code x} (T, B, in); returns the last layer's outputs as (B*T, H). */
    SDVariable sequence(SDVariable x, int in, Random random) {
        for (int layer = 0; layer < config.layers(); layer++) {
            x = new LSTMLayerOutputs(sd.rnn().lstmLayer(x, weights(layer, in, random), cell(false)), cell(false))
                    .getOutput();                                                         // (T, B, H)
            if (config.dropout() > 0) {
                String name = "dropout" + layer;
                masks.add(name);
                x = x.mul(sd.placeHolder(name, DataType.FLOAT, steps, batch, config.hidden()));
            }
            in = config.hidden();
        }
        return sd.reshape(sd.permute(x, 1, 0, 2), batch * steps, config.hidden());
    }

    /**
     * One step of the layers over {@code x} (1, B, in), starting from the states fed as {@link #hIn(int)} and
     * {@link #cIn(int)} (B, H) and giving the new ones as {@link #hOut(int)} and {@link #cOut(int)}; returns the
     * last layer's output (B, H).
     */
    SDVariable step(SDVariable x, int in, Random random) {
        int h = config.hidden();
        for (int layer = 0; layer < config.layers(); layer++) {
            SDVariable c0 = sd.placeHolder(cIn(layer), DataType.FLOAT, batch, h);
            SDVariable h0 = sd.placeHolder(hIn(layer), DataType.FLOAT, batch, h);
            // SDRNN names these arguments (cLast, yLast), but the op takes the hidden state first: checked
            // against the whole-sequence graph in TokenStepperTest.
            LSTMLayerOutputs out = new LSTMLayerOutputs(
                    sd.rnn().lstmLayer(x, h0, c0, null, weights(layer, in, random), cell(true)), cell(true));
            sd.identity(hOut(layer), out.getLastOutput());
            sd.identity(cOut(layer), out.getLastState());
            x = out.getOutput();                                                          // (1, B, H)
            in = h;
        }
        return sd.reshape(x, batch, h);
    }

    static String hIn(int layer) {
        return "h" + layer + "_in";
    }

    static String cIn(int layer) {
        return "c" + layer + "_in";
    }

    static String hOut(int layer) {
        return "h" + layer + "_out";
    }

    static String cOut(int layer) {
        return "c" + layer + "_out";
    }

    private static LSTMLayerConfig cell(boolean lastStates) {
        return LSTMLayerConfig.builder().lstmdataformat(LSTMDataFormat.TNS)
                .directionMode(LSTMDirectionMode.FWD).gateAct(LSTMActivations.SIGMOID)
                .cellAct(LSTMActivations.TANH).outAct(LSTMActivations.TANH)
                .retFullSequence(true).retLastC(lastStates).retLastH(lastStates).build();
    }

    private LSTMLayerWeights weights(int layer, int in, Random random) {
        int h = config.hidden();
        INDArray bias = Nd4j.zeros(DataType.FLOAT, 4 * h);
        bias.get(NDArrayIndex.interval(h, 2 * h)).assign(1.0); // the forget gate starts open
        return LSTMLayerWeights.builder()
                .weights(sd.var("lstm" + layer + "_w", init(random, 1 / Math.sqrt(in), in, 4 * h)))
                .rWeights(sd.var("lstm" + layer + "_r", init(random, 1 / Math.sqrt(h), h, 4 * h)))
                .bias(sd.var("lstm" + layer + "_b", bias)).build();
    }

    /** The names of the layers' weights, in a fixed order. */
    static List<String> weightNames(int layers) {
        List<String> names = new ArrayList<>();
        for (int layer = 0; layer < layers; layer++) {
            names.addAll(List.of("lstm" + layer + "_w", "lstm" + layer + "_r", "lstm" + layer + "_b"));
        }
        return names;
    }

    /** A (rows, cols) array uniform in [-scale, scale). */
    static INDArray init(Random random, double scale, int rows, int cols) {
        float[] values = new float[rows * cols];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((random.nextDouble() * 2 - 1) * scale);
        }
        return Nd4j.create(values, new long[] {rows, cols}, 'c');
    }

    /** Adds training dropout masks drawn from {@code seed} to {@code feeds}. */
    void feedDropout(Map<String, INDArray> feeds, long seed) {
        if (masks.isEmpty()) {
            return;
        }
        Nd4j.getRandom().setSeed(seed);
        double keep = 1 - config.dropout();
        for (String mask : masks) {
            INDArray kept = Nd4j.rand(DataType.FLOAT, steps, batch, config.hidden()).lt(keep);
            feeds.put(mask, kept.castTo(DataType.FLOAT).divi(keep));
        }
    }

    /** Adds masks that keep everything to {@code feeds}, for inference. */
    void feedNoDropout(Map<String, INDArray> feeds) {
        if (masks.isEmpty()) {
            return;
        }
        if (ones == null) {
            ones = Nd4j.ones(DataType.FLOAT, steps, batch, config.hidden());
        }
        for (String mask : masks) {
            feeds.put(mask, ones);
        }
    }
}
