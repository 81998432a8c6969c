package io.muse4j.models;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * MusicVAE's decoders over whole windows, teacher-forced. Each step's input is the embedded previous token
 * (zeros before the first) concatenated with a conditioning vector.
 * <ul>
 *   <li>flat (the VRAE): one LSTM over the window, conditioned on z at every step;</li>
 *   <li>hierarchical (Roberts et al. 2018, section 3.2): a conductor LSTM takes z at each of its {@code bars}
 *   steps and gives one embedding per bar; the bar decoder runs over each bar as a sequence of its own, so its state
 *   starts afresh every bar, conditioned on that bar's embedding. Its first input in a bar is the previous bar's
 *   last token.</li>
 * </ul>
 * Row layouts are time-major per decoded sequence: flat row {@code t * B + b}; hierarchical row
 * {@code s * (bars * B) + k * B + b} for step {@code s} of bar {@code k} ({@link #row}).
 */
final class VaeDecoder {
    private final VaeConfig config;
    private final LstmLayers conductor;
    private final LstmLayers decoder;
    private final INDArray softmaxW;
    private final INDArray softmaxB;

    VaeDecoder(VaeConfig config, Random random, DataType type) {
        this.config = config;
        boolean hierarchical = config.decoder() == VaeConfig.Decoder.HIERARCHICAL;
        conductor = hierarchical ? new LstmLayers(config.stack(config.latent()), config.latent(), random, type) : null;
        int condition = hierarchical ? config.hidden() : config.latent();
        int input = config.embedding() + condition;
        decoder = new LstmLayers(config.stack(input), input, random, type);
        softmaxW = LstmLayers.init(random, 1 / Math.sqrt(config.hidden()), config.hidden(), config.vocabularySize(),
                type);
        softmaxB = Nd4j.zeros(type, config.vocabularySize());
    }

    /** The weights by name, live. */
    Map<String, INDArray> weights() {
        Map<String, INDArray> weights = new LinkedHashMap<>();
        if (conductor != null) {
            conductor.weights().forEach((name, w) -> weights.put("conductor_" + name, w));
        }
        decoder.weights().forEach((name, w) -> weights.put("decoder_" + name, w));
        weights.put("softmax_w", softmaxW);
        weights.put("softmax_b", softmaxB);
        return weights;
    }

    /** The row of step {@code t} of window {@code b} in a batch of {@code batch} windows. */
    int row(int batch, int b, int t) {
        if (conductor == null) {
            return t * batch + b;
        }
        int s = t % config.stepsPerBar();
        int k = t / config.stepsPerBar();
        return (s * config.bars() + k) * batch + b;
    }

    /**
     * A teacher-forced pass.
     *
     * @param previous one-hot previous tokens in row layout (R, V)
     * @param conductorPass the conductor's pass, null for the flat decoder
     * @param decoderPass the (bar) decoder's pass
     * @param logits (R, V)
     */
    record Pass(INDArray previous, LstmLayers.Pass conductorPass, LstmLayers.Pass decoderPass, INDArray logits,
                int batch) {
    }

    /** The decoder over z (B, Z), given each step's previous token id (B, T), -1 where there is none. */
    Pass forward(INDArray z, int[][] previous, INDArray embedding) {
        int batch = previous.length;
        INDArray oneHot = Nd4j.zeros(z.dataType(), (long) batch * config.steps(), config.vocabularySize());
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < config.steps(); t++) {
                if (previous[b][t] >= 0) {
                    oneHot.putScalar(row(batch, b, t), previous[b][t], 1.0);
                }
            }
        }
        LstmLayers.Pass conductorPass = null;
        INDArray condition;
        int sequences = batch;
        int steps = config.steps();
        if (conductor == null) {
            condition = Nd4j.tile(z, steps, 1);
        } else {
            conductorPass = conductor.forward(Nd4j.tile(z, config.bars(), 1), batch, config.bars());
            sequences = batch * config.bars();
            steps = config.stepsPerBar();
            condition = Nd4j.tile(conductorPass.top(), steps, 1);
        }
        INDArray input = Nd4j.hstack(oneHot.mmul(embedding), condition);
        LstmLayers.Pass decoderPass = decoder.forward(input, sequences, steps);
        INDArray logits = decoderPass.top().mmul(softmaxW).addiRowVector(softmaxB);
        return new Pass(oneHot, conductorPass, decoderPass, logits, batch);
    }

    /**
     * Back from the gradient at the logits: puts the weights' gradients into {@code gradients}, the gradient of the
     * shared embedding into {@code gradients} under "embedding" (added to what is there), and returns the
     * gradient at z (B, Z).
     */
    INDArray backward(Pass pass, INDArray dLogits, Map<String, INDArray> gradients) {
        gradients.put("softmax_w", Nd4j.gemm(pass.decoderPass().top(), dLogits, true, false));
        gradients.put("softmax_b", LstmLayers.columnSums(dLogits));
        Map<String, INDArray> own = new LinkedHashMap<>();
        INDArray dInput = decoder.backward(pass.decoderPass(), Nd4j.gemm(dLogits, softmaxW, false, true), own, true);
        own.forEach((name, g) -> gradients.put("decoder_" + name, g));
        int e = config.embedding();
        INDArray dEmbedded = dInput.get(NDArrayIndex.all(), NDArrayIndex.interval(0, e));
        gradients.merge("embedding", Nd4j.gemm(pass.previous(), dEmbedded, true, false), INDArray::addi);
        INDArray dCondition = stepSums(dInput.get(NDArrayIndex.all(), NDArrayIndex.interval(e, dInput.columns())),
                conductor == null ? config.steps() : config.stepsPerBar());
        if (conductor == null) {
            return dCondition;
        }
        own.clear();
        INDArray dConductorInput = conductor.backward(pass.conductorPass(), dCondition, own, true);
        own.forEach((name, g) -> gradients.put("conductor_" + name, g));
        return stepSums(dConductorInput, config.bars());
    }

    /** Time-major rows (T*N, W) summed over the T steps: (N, W). */
    private static INDArray stepSums(INDArray rows, int steps) {
        long sequences = rows.rows() / steps;
        return rows.dup('c').reshape(steps, sequences, rows.columns()).sum(0);
    }
}
