package io.muse4j.models.vae;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The step-by-step decoder ({@link VaeSampling}) against the teacher-forced pass over the same weights: fed back
 * the tokens it chose greedily, the teacher-forced decoder finds each of them its likeliest token. For the
 * hierarchical decoder this checks that both start every bar from the same conductor-made states.
 */
class VaeSamplingTest {
    private static void greedyDecodingAgreesWithTeacherForcing(VaeConfig.Decoder kind) {
        VaeConfig config = new VaeConfig(7, 4, 6, 2, 3, 3, 4, kind);
        MusicVae model = new MusicVae(config, VaeObjective.of(1), 11, DataType.DOUBLE);
        Random random = new Random(5);
        double[][] z = new double[4][config.latent()];
        for (double[] row : z) {
            for (int i = 0; i < row.length; i++) {
                row[i] = 2 * random.nextGaussian();
            }
        }
        int[][] greedy = model.decode(z, 0, 0);
        double[] logits = model.teacherForcedLogits(z, greedy);
        int v = config.vocabularySize();
        int distinct = 0;
        for (int b = 0; b < z.length; b++) {
            for (int t = 0; t < config.steps(); t++) {
                int row = model.logitRow(z.length, b, t) * v;
                double best = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < v; k++) {
                    best = Math.max(best, logits[row + k]);
                }
                assertEquals(best, logits[row + greedy[b][t]], 1e-4, kind + " window " + b + " step " + t);
                distinct += t > 0 && greedy[b][t] != greedy[b][t - 1] ? 1 : 0;
            }
        }
        assertTrue(distinct > 0, "the decodings are not one repeated token");
    }

    @Test
    void flatGreedyDecodingAgreesWithTeacherForcing() {
        greedyDecodingAgreesWithTeacherForcing(VaeConfig.Decoder.FLAT);
    }

    @Test
    void hierarchicalGreedyDecodingAgreesWithTeacherForcing() {
        greedyDecodingAgreesWithTeacherForcing(VaeConfig.Decoder.HIERARCHICAL);
    }
}
