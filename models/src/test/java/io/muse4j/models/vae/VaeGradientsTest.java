package io.muse4j.models.vae;

import io.muse4j.models.lm.LstmGradientsTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** MusicVAE's written-out gradients against central differences, in double precision, for both decoders. */
@Tag("slow") // finite differences over every weight: ~8 s
class VaeGradientsTest {
    static int[][] randomWindows(int count, int steps, int vocabulary, long seed) {
        Random random = new Random(seed);
        int[][] windows = new int[count][steps];
        for (int[] window : windows) {
            for (int t = 0; t < steps; t++) {
                window[t] = random.nextInt(vocabulary);
            }
        }
        return windows;
    }

    private static void checkGradients(VaeConfig.Decoder kind, VaeObjective objective) {
        VaeConfig config = new VaeConfig(6, 4, 5, 2, 3, 2, 3, kind);
        MusicVae model = new MusicVae(config, objective, 9, DataType.DOUBLE);
        int[][] batch = randomWindows(3, config.steps(), 6, 4);
        Map<String, INDArray> gradients = model.lossAndGradients(batch, 5).gradients();
        int nonZero = LstmGradientsTest.check(model.weights(), gradients,
                v -> model.lossAndGradients(batch, 5).loss(), 4);
        int sampled = 4 * model.weights().size();
        assertTrue(nonZero > sampled * 3 / 4, "most sampled gradients are non-zero: " + nonZero + " of " + sampled);
    }

    @Test
    void flatDecoderGradientsMatchDifferences() {
        checkGradients(VaeConfig.Decoder.FLAT, VaeObjective.of(0.7));
    }

    @Test
    void hierarchicalDecoderGradientsMatchDifferences() {
        checkGradients(VaeConfig.Decoder.HIERARCHICAL, VaeObjective.of(1.3));
    }

    @Test
    void freeBitsAnnealingAndScheduledSamplingKeepGradientsExact() {
        // a floor above some dimensions' KL and below others'; beta halfway up its ramp; half the inputs sampled
        checkGradients(VaeConfig.Decoder.HIERARCHICAL, new VaeObjective(2.0, 10, 0.02, 0.5, 0));
    }
}
