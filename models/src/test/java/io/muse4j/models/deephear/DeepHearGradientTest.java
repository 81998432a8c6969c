package io.muse4j.models.deephear;

import io.muse4j.core.token.ChoraleParts;
import io.muse4j.core.token.SymbolGrid;
import io.muse4j.core.token.VoiceRoll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 24: DeepHear's written-out backward passes, for each pretraining stage and for fine-tuning. */
class DeepHearGradientTest {
    @Test
    void everyStageMatchesFiniteDifferences() {
        ChoraleParts parts = new ChoraleParts(new int[] {60, 55, 48, 40}, new int[] {64, 58, 52, 44});
        DeepHear model = new DeepHear(new DeepHear.Shape(3, 4, 6, 1, 2), parts, 11);
        List<int[][]> grids = List.of(
                SymbolGrid.of(VoiceRoll.held(new int[][] {{60, 55, 48, 40}, {62, 55, 50, 42},
                    {62, VoiceRoll.REST, 52, 44}}), parts, 0, 3),
                SymbolGrid.of(VoiceRoll.held(new int[][] {{64, 58, 48, 40}, {VoiceRoll.REST, 57, 48, 41},
                    {63, 56, 49, 43}}), parts, 0, 3));
        INDArray input = model.input(grids);
        int[][] targets = model.targets(grids);
        for (int stage = 0; stage <= model.stages(); stage++) {
            Map<String, INDArray> gradients = new HashMap<>();
            model.lossAndGradients(stage, input, targets, gradients);
            assertEquals(stage == model.stages() ? model.trained().size() : 4, gradients.size(),
                    "stage " + stage + " gives gradients to " + gradients.keySet());
            double eps = 1e-2;
            for (Map.Entry<String, INDArray> weight : gradients.entrySet()) {
                INDArray w = model.trained().get(weight.getKey());
                for (long i : new long[] {0, w.length() / 2, w.length() - 1}) {
                    double original = w.getDouble(i);
                    w.putScalar(i, original + eps);
                    double up = model.lossAndGradients(stage, input, targets, new HashMap<>());
                    w.putScalar(i, original - eps);
                    double down = model.lossAndGradients(stage, input, targets, new HashMap<>());
                    w.putScalar(i, original);
                    double numeric = (up - down) / (2 * eps);
                    double analytic = weight.getValue().getDouble(i);
                    assertEquals(numeric, analytic, 2e-3 + 0.05 * Math.abs(numeric),
                            "stage " + stage + ", " + weight.getKey() + "[" + i + "]");
                }
            }
        }
    }
}
