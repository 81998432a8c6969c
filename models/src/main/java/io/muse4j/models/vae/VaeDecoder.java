package io.muse4j.models.vae;

import io.muse4j.models.nn.Initialisers;
import io.muse4j.models.nn.LstmLayers;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * MusicVAE's decoders over whole windows, teacher-forced. z first goes through a dense layer with tanh (as the paper
 * does before the conductor's initial state), giving h = tanh(z W + b); each step's input is the embedded previous
 * token (zeros before the first) concatenated with a conditioning vector.
 * <ul>
 *   <li>flat (the VRAE): one LSTM over the window, conditioned on h at every step;</li>
 *   <li>hierarchical (Roberts et al. 2018, section 3.2): a conductor LSTM takes h at each of its {@code bars}
 *   steps and gives one embedding per bar; the bar decoder runs over each bar as a sequence of its own, starting
 *   every bar from states made of that bar's embedding (a dense layer with tanh gives every layer's hidden and cell
 *   state) and conditioned on the embedding at every step. Its first input in a bar is the previous bar's last
 *   token.</li>
 * </ul>
 * Row layouts are time-major per decoded sequence: flat row {@code t * B + b}; hierarchical row
 * {@code s * (bars * B) + k * B + b} for step {@code s} of bar {@code k} ({@link #row}).
 */
final class VaeDecoder {
    private final VaeConfig config;
    private final LstmLayers conductor;
    private final LstmLayers decoder;
    private final INDArray latentW;
    private final INDArray latentB;
    private final INDArray barStateW;
    private final INDArray barStateB;
    private final INDArray softmaxW;
    private final INDArray softmaxB;

    VaeDecoder(VaeConfig config, Random random, DataType type) {
        this.config = config;
        boolean hierarchical = config.decoder() == VaeConfig.Decoder.HIERARCHICAL;
        latentW = Initialisers.fanIn(random, config.latent(), config.hidden(), type);
        latentB = Nd4j.zeros(type, config.hidden());
        conductor = hierarchical ? new LstmLayers(config.stack(config.hidden()), config.hidden(), random, type) : null;
        int stateWidth = 2 * config.layers() * config.hidden();
        barStateW = hierarchical
                ? Initialisers.fanIn(random, config.hidden(), stateWidth, type) : null;
        barStateB = hierarchical ? Nd4j.zeros(type, stateWidth) : null;
        int input = config.embedding() + config.hidden();
        decoder = new LstmLayers(config.stack(input), input, random, type);
        softmaxW = Initialisers.fanIn(random, config.hidden(), config.vocabularySize(), type);
        softmaxB = Nd4j.zeros(type, config.vocabularySize());
    }

    /** The weights by name, live. */
    Map<String, INDArray> weights() {
        Map<String, INDArray> weights = new LinkedHashMap<>();
        weights.put("latent_w", latentW);
        weights.put("latent_b", latentB);
        if (conductor != null) {
            conductor.weights().forEach((name, w) -> weights.put("conductor_" + name, w));
            weights.put("bar_state_w", barStateW);
            weights.put("bar_state_b", barStateB);
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
     * @param z the latent vectors (B, Z)
     * @param previous one-hot previous tokens in row layout (R, V)
     * @param latent tanh(z W + b), z's projection (B, H)
     * @param conductorPass the conductor's pass, null for the flat decoder
     * @param barStates tanh of the bar-state layer over the conductor's embeddings (bars*B, 2*layers*H), each row
     *                  the bar decoder's initial states [h0, c0, h1, c1, ...]; null for the flat decoder
     * @param decoderPass the (bar) decoder's pass
     * @param logits (R, V)
     */
    record Pass(INDArray z, INDArray previous, INDArray latent, LstmLayers.Pass conductorPass, INDArray barStates,
                LstmLayers.Pass decoderPass, INDArray logits, int batch) {
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
        INDArray latent = Transforms.tanh(z.mmul(latentW).addiRowVector(latentB), false);
        LstmLayers.Pass conductorPass = null;
        INDArray barStates = null;
        INDArray condition;
        int sequences = batch;
        int steps = config.steps();
        if (conductor == null) {
            condition = Nd4j.tile(latent, steps, 1);
        } else {
            conductorPass = conductor.forward(Nd4j.tile(latent, config.bars(), 1), batch, config.bars());
            sequences = batch * config.bars();
            steps = config.stepsPerBar();
            condition = Nd4j.tile(conductorPass.top(), steps, 1);
            barStates = Transforms.tanh(conductorPass.top().mmul(barStateW).addiRowVector(barStateB), false);
        }
        INDArray input = Nd4j.hstack(oneHot.mmul(embedding), condition);
        LstmLayers.Pass decoderPass = barStates == null ? decoder.forward(input, sequences, steps)
                : decoder.forward(input, sequences, steps, initialStates(barStates));
        INDArray logits = decoderPass.top().mmul(softmaxW).addiRowVector(softmaxB);
        return new Pass(z, oneHot, latent, conductorPass, barStates, decoderPass, logits, batch);
    }

    /** Layer {@code layer}'s hidden (part 0) or cell (part 1) block of packed states [h0, c0, h1, c1, ...]. */
    private INDArray block(INDArray packed, int layer, int part) {
        int h = config.hidden();
        long from = (2L * layer + part) * h;
        return packed.get(NDArrayIndex.all(), NDArrayIndex.interval(from, from + h));
    }

    private LstmLayers.States initialStates(INDArray barStates) {
        INDArray[] hidden = new INDArray[config.layers()];
        INDArray[] cells = new INDArray[config.layers()];
        for (int layer = 0; layer < config.layers(); layer++) {
            hidden[layer] = block(barStates, layer, 0);
            cells[layer] = block(barStates, layer, 1);
        }
        return new LstmLayers.States(hidden, cells);
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
        LstmLayers.States dStates = pass.barStates() == null ? null : LstmLayers.States.zeros(config.layers(),
                (int) pass.barStates().rows(), config.hidden(), dLogits.dataType());
        INDArray dInput = decoder.backward(pass.decoderPass(), Nd4j.gemm(dLogits, softmaxW, false, true), own, true,
                dStates);
        own.forEach((name, g) -> gradients.put("decoder_" + name, g));
        int e = config.embedding();
        INDArray dEmbedded = dInput.get(NDArrayIndex.all(), NDArrayIndex.interval(0, e));
        gradients.merge("embedding", Nd4j.gemm(pass.previous(), dEmbedded, true, false), INDArray::addi);
        INDArray dCondition = stepSums(dInput.get(NDArrayIndex.all(), NDArrayIndex.interval(e, dInput.columns())),
                conductor == null ? config.steps() : config.stepsPerBar());
        INDArray dLatent = dCondition;
        if (conductor != null) {
            INDArray dPacked = Nd4j.zeros(dLogits.dataType(), pass.barStates().shape());
            for (int layer = 0; layer < config.layers(); layer++) {
                block(dPacked, layer, 0).assign(dStates.hidden()[layer]);
                block(dPacked, layer, 1).assign(dStates.cells()[layer]);
            }
            INDArray dStatePre = pass.barStates().mul(pass.barStates()).rsubi(1).muli(dPacked);
            gradients.put("bar_state_w", Nd4j.gemm(pass.conductorPass().top(), dStatePre, true, false));
            gradients.put("bar_state_b", LstmLayers.columnSums(dStatePre));
            dCondition.addi(Nd4j.gemm(dStatePre, barStateW, false, true));
            own.clear();
            INDArray dConductorInput = conductor.backward(pass.conductorPass(), dCondition, own, true);
            own.forEach((name, g) -> gradients.put("conductor_" + name, g));
            dLatent = stepSums(dConductorInput, config.bars());
        }
        INDArray dPre = pass.latent().mul(pass.latent()).rsubi(1).muli(dLatent); // tanh' = 1 - tanh^2
        gradients.put("latent_w", Nd4j.gemm(pass.z(), dPre, true, false));
        gradients.put("latent_b", LstmLayers.columnSums(dPre));
        return Nd4j.gemm(dPre, latentW, false, true);
    }

    /** Time-major rows (T*N, W) summed over the T steps: (N, W). */
    private static INDArray stepSums(INDArray rows, int steps) {
        long sequences = rows.rows() / steps;
        return rows.dup('c').reshape(steps, sequences, rows.columns()).sum(0);
    }
}
