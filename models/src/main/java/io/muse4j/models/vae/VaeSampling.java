package io.muse4j.models.vae;

import io.muse4j.models.lm.LstmStepper;
import io.muse4j.models.nn.LstmCells;
import io.muse4j.models.nn.RowProducts;
import io.muse4j.models.sampling.Sampler;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link MusicVae}'s decoder run one token at a time from latent vectors, each step's input the token it drew at
 * the step before, over copies of the weights ({@link LstmCells}). The hierarchical decoder steps the conductor once
 * per bar and starts the bar decoder at every bar from the states made of that bar's embedding, as in training.
 */
public final class VaeSampling {
    private final VaeConfig config;
    private final float[] embedding;
    private final LstmCells conductor;
    private final LstmCells decoder;
    private final float[][] latentWeights;
    private final float[] latentBias;
    private final float[][] barStateWeights;
    private final float[] barStateBias;
    private final float[][] outputWeights;
    private final float[] outputBias;

    /** Sampling over the model's weights, for {@code rows} windows at once. */
    VaeSampling(MusicVae model, int rows) {
        config = model.config();
        Map<String, INDArray> weights = model.weights();
        embedding = RowProducts.floats(weights.get("embedding"));
        conductor = config.decoder() == VaeConfig.Decoder.HIERARCHICAL
                ? new LstmCells(unprefixed(weights, "conductor_"), config.layers(), config.hidden(), rows) : null;
        decoder = new LstmCells(unprefixed(weights, "decoder_"), config.layers(), config.hidden(), rows);
        latentWeights = RowProducts.rows(weights.get("latent_w"));
        latentBias = RowProducts.floats(weights.get("latent_b"));
        barStateWeights = conductor == null ? null : RowProducts.rows(weights.get("bar_state_w"));
        barStateBias = conductor == null ? null : RowProducts.floats(weights.get("bar_state_b"));
        outputWeights = RowProducts.rows(weights.get("softmax_w"));
        outputBias = RowProducts.floats(weights.get("softmax_b"));
    }

    private static Map<String, INDArray> unprefixed(Map<String, INDArray> weights, String prefix) {
        Map<String, INDArray> own = new LinkedHashMap<>();
        weights.forEach((name, w) -> {
            if (name.startsWith(prefix)) {
                own.put(name.substring(prefix.length()), w);
            }
        });
        return own;
    }

    /** Windows (B, T) drawn by {@code sampler} from latent vectors (B, Z). */
    int[][] decode(double[][] z, Sampler sampler) {
        if (z.length != decoder.rows()) {
            throw new IllegalArgumentException(z.length + " latent vectors for a decoder of " + decoder.rows() + " rows");
        }
        int[][] windows = new int[z.length][config.steps()];
        for (int b = 0; b < z.length; b++) {
            if (z[b].length != config.latent()) {
                throw new IllegalArgumentException("a latent vector of " + z[b].length + " values for a model of "
                        + config.latent());
            }
            float[] latent = tanhLayer(floats(z[b]), latentWeights, latentBias);
            int previous = -1;
            for (int k = 0; k < config.bars(); k++) {
                float[] condition = latent;
                if (conductor != null) {
                    condition = conductor.step(b, latent).clone();
                    startBar(b, tanhLayer(condition, barStateWeights, barStateBias));
                }
                int barSteps = conductor != null ? config.stepsPerBar() : config.steps();
                for (int s = 0; s < barSteps; s++) {
                    float[] top = decoder.step(b, input(previous, condition));
                    previous = sampler.sample(LstmStepper.logits(top, outputWeights, outputBias));
                    windows[b][k * config.stepsPerBar() + s] = previous;
                }
                if (conductor == null) {
                    break;
                }
            }
        }
        return windows;
    }

    /** tanh(x W + b). */
    private static float[] tanhLayer(float[] x, float[][] weights, float[] bias) {
        float[] y = LstmStepper.logits(x, weights, bias);
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) Math.tanh(y[i]);
        }
        return y;
    }

    /** Starts row {@code b}'s bar decoder from packed states [h0, c0, h1, c1, ...]. */
    private void startBar(int b, float[] states) {
        int h = config.hidden();
        for (int layer = 0; layer < config.layers(); layer++) {
            int from = 2 * layer * h;
            decoder.start(b, layer, Arrays.copyOfRange(states, from, from + h),
                    Arrays.copyOfRange(states, from + h, from + 2 * h));
        }
    }

    /** The embedded previous token (zeros for none) followed by the condition. */
    private float[] input(int previous, float[] condition) {
        int e = config.embedding();
        float[] x = new float[e + condition.length];
        if (previous >= 0) {
            System.arraycopy(embedding, previous * e, x, 0, e);
        }
        System.arraycopy(condition, 0, x, e, condition.length);
        return x;
    }

    private static float[] floats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }
}
