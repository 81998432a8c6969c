package io.muse4j.models;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The stacked LSTM layers that {@link TokenLstm} and {@link PianoRollLstm} share, built into a graph over whole
 * sequences (training, evaluation). Sampling steps the same weights outside the graph ({@link TokenStepper}).
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
            x = layer(x, layer, in, random);                                              // (T, B, H)
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
     * One LSTM layer unrolled over time, as ND4J's lstmLayer computes it (z = xW + hR + b, gates input, forget,
     * cell, output; no peepholes), so that model files and {@link TokenStepper} keep its layout. ND4J 1.0.0-M2.1's
     * lstmLayer backward pass leaks native memory (~12 MB a step at T=64, B=16, H=256, whatever the collector
     * does), which ended long training runs; these plain ops do not. The input projection is one product for
     * all steps.
     */
    private SDVariable layer(SDVariable x, int layer, int in, Random random) {
        int h = config.hidden();
        INDArray initialBias = Nd4j.zeros(DataType.FLOAT, 4 * h);
        initialBias.get(NDArrayIndex.interval(h, 2 * h)).assign(1.0); // the forget gate starts open
        SDVariable w = sd.var("lstm" + layer + "_w", init(random, 1 / Math.sqrt(in), in, 4 * h));
        SDVariable r = sd.var("lstm" + layer + "_r", init(random, 1 / Math.sqrt(h), h, 4 * h));
        SDVariable b = sd.var("lstm" + layer + "_b", initialBias);
        SDVariable projected = sd.reshape(sd.reshape(x, steps * batch, in).mmul(w).add(b), steps, batch, 4 * h);
        SDVariable[] inputs = sd.unstack(projected, 0, steps);                           // T x (B, 4H)
        SDVariable hidden = null;
        SDVariable cell = null;
        SDVariable[] outputs = new SDVariable[steps];
        for (int t = 0; t < steps; t++) {
            SDVariable z = hidden == null ? inputs[t] : inputs[t].add(hidden.mmul(r));
            SDVariable gates = sd.nn().sigmoid(z);
            SDVariable input = sd.slice(gates, new int[] {0, 0}, batch, h);
            SDVariable forget = sd.slice(gates, new int[] {0, h}, batch, h);
            SDVariable candidate = sd.math().tanh(sd.slice(z, new int[] {0, 2 * h}, batch, h));
            SDVariable output = sd.slice(gates, new int[] {0, 3 * h}, batch, h);
            cell = cell == null ? input.mul(candidate) : forget.mul(cell).add(input.mul(candidate));
            hidden = output.mul(sd.math().tanh(cell));
            outputs[t] = hidden;
        }
        return sd.stack(0, outputs);
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
