package io.muse4j.models.vae;

import io.muse4j.models.nn.Initialisers;
import io.muse4j.models.nn.LstmLayers;
import io.muse4j.models.nn.SequenceStack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * MusicVAE's encoder (Roberts et al. 2018, section 3.1): a bidirectional LSTM over the embedded tokens, one
 * {@link LstmLayers} stack running forward and one over the reversed sequence, whose final outputs, concatenated,
 * are projected to the mean mu and the log variance log sigma^2 of the latent z. Rows are time-major (row
 * {@code t * B + b}), as in {@link SequenceStack}.
 */
final class VaeEncoder {
    private static final double INITIAL_LOG_VARIANCE = -6;
    private final VaeConfig config;
    private final LstmLayers forward;
    private final LstmLayers backward;
    private final INDArray muW;
    private final INDArray muB;
    private final INDArray logVarW;
    private final INDArray logVarB;

    VaeEncoder(VaeConfig config, Random random, DataType type) {
        this.config = config;
        forward = new LstmLayers(config.stack(config.embedding()), config.embedding(), random, type);
        backward = new LstmLayers(config.stack(config.embedding()), config.embedding(), random, type);
        double scale = 1 / Math.sqrt(2.0 * config.hidden());
        muW = Initialisers.uniform(random, 1.0, 2 * config.hidden(), config.latent(), type);
        muB = Nd4j.zeros(type, config.latent());
        logVarW = Initialisers.uniform(random, scale, 2 * config.hidden(), config.latent(), type);
        // sigma starts at e^-2: with sigma 1 the noise would drown mu's first small differences and the decoder
        // would learn to ignore z (measured: a tiny VAE then sat at its language-model loss for hundreds of steps)
        logVarB = Nd4j.valueArrayOf(new long[] {config.latent()}, INITIAL_LOG_VARIANCE, type);
    }

    /** The stack that sets how a batch is sharded. */
    SequenceStack stack() {
        return forward;
    }

    /** The weights by name, live. */
    Map<String, INDArray> weights() {
        Map<String, INDArray> weights = new LinkedHashMap<>();
        forward.weights().forEach((name, w) -> weights.put("encoder_fw_" + name, w));
        backward.weights().forEach((name, w) -> weights.put("encoder_bw_" + name, w));
        weights.put("mu_w", muW);
        weights.put("mu_b", muB);
        weights.put("logvar_w", logVarW);
        weights.put("logvar_b", logVarB);
        return weights;
    }

    /**
     * A forward pass.
     *
     * @param forwardPass the forward stack's pass
     * @param backwardPass the reversed stack's pass
     * @param last the final outputs of both directions (B, 2H)
     * @param mu (B, Z)
     * @param logVar (B, Z)
     */
    record Pass(LstmLayers.Pass forwardPass, LstmLayers.Pass backwardPass, INDArray last, INDArray mu,
                INDArray logVar, int batch, int steps) {
    }

    /** The encoder over embedded tokens (T*B, E). */
    Pass forward(INDArray embedded, int batch, int steps) {
        LstmLayers.Pass fw = forward.forward(embedded, batch, steps);
        LstmLayers.Pass bw = backward.forward(LstmLayers.timeReversed(embedded, batch, steps), batch, steps);
        INDArray last = Nd4j.hstack(lastStep(fw.top(), batch, steps), lastStep(bw.top(), batch, steps));
        INDArray mu = last.mmul(muW).addiRowVector(muB);
        INDArray logVar = last.mmul(logVarW).addiRowVector(logVarB);
        return new Pass(fw, bw, last, mu, logVar, batch, steps);
    }

    /**
     * Back from the gradients at mu and log sigma^2: puts the weights' gradients into {@code gradients} and returns
     * the gradient at the embedded tokens (T*B, E).
     */
    INDArray backward(Pass pass, INDArray dMu, INDArray dLogVar, Map<String, INDArray> gradients) {
        gradients.put("mu_w", Nd4j.gemm(pass.last(), dMu, true, false));
        gradients.put("mu_b", LstmLayers.columnSums(dMu));
        gradients.put("logvar_w", Nd4j.gemm(pass.last(), dLogVar, true, false));
        gradients.put("logvar_b", LstmLayers.columnSums(dLogVar));
        INDArray dLast = Nd4j.gemm(dMu, muW, false, true).addi(Nd4j.gemm(dLogVar, logVarW, false, true));
        int h = config.hidden();
        INDArray dEmbedded = direction(forward, pass.forwardPass(), dLast.get(NDArrayIndex.all(),
                NDArrayIndex.interval(0, h)), pass, "encoder_fw_", gradients);
        INDArray dReversed = direction(backward, pass.backwardPass(), dLast.get(NDArrayIndex.all(),
                NDArrayIndex.interval(h, 2 * h)), pass, "encoder_bw_", gradients);
        return dEmbedded.addi(LstmLayers.timeReversed(dReversed, pass.batch(), pass.steps()));
    }

    /** One direction back from the gradient at its final output; returns the gradient at its input rows. */
    private static INDArray direction(LstmLayers stack, LstmLayers.Pass stackPass, INDArray dLast, Pass pass,
                                      String prefix, Map<String, INDArray> gradients) {
        INDArray dTop = Nd4j.zeros(dLast.dataType(), stackPass.top().shape());
        long from = (long) (pass.steps() - 1) * pass.batch();
        dTop.get(NDArrayIndex.interval(from, from + pass.batch()), NDArrayIndex.all()).assign(dLast);
        Map<String, INDArray> own = new LinkedHashMap<>();
        INDArray dInput = stack.backward(stackPass, dTop, own, true);
        own.forEach((name, g) -> gradients.put(prefix + name, g));
        return dInput;
    }

    /** The rows of the last step (B, H) of time-major rows. */
    private static INDArray lastStep(INDArray rows, int batch, int steps) {
        long from = (long) (steps - 1) * batch;
        return rows.get(NDArrayIndex.interval(from, from + batch), NDArrayIndex.all()).dup();
    }
}
