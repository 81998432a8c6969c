package io.muse4j.models.deepbach;

import io.muse4j.core.token.ChoraleParts;
import io.muse4j.core.token.SymbolGrid;
import io.muse4j.core.token.VoiceRoll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** DeepBach's written-out backward pass (through {@code OneHotLayer}) against finite differences. */
class DeepBachGradientTest {
    @Test
    void gradientsMatchFiniteDifferences() {
        ChoraleParts parts = new ChoraleParts(new int[] {60, 55, 48, 40}, new int[] {64, 58, 52, 44});
        DeepBach model = new DeepBach(1, 4, parts, 5, 11);
        int[][] grid = SymbolGrid.of(VoiceRoll.held(new int[][] {{60, 55, 48, 40}, {62, 55, 50, 42},
            {62, VoiceRoll.REST, 52, 44}}), parts, 0, 3);
        for (int part = 0; part < 4; part++) {
            int[][] input = {model.active(grid, 0, part), model.active(grid, 1, part), model.active(grid, 2, part)};
            int[] targets = {grid[0][part], grid[1][part], grid[2][part]};
            Map<String, INDArray> gradients = new HashMap<>();
            model.lossAndGradients(part, input, targets, 3, 0, new SplittableRandom(1), gradients);
            double eps = 1e-3; // small, so that no leaky ReLU input crosses its kink
            for (String name : List.of("hidden" + part + "_w", "hidden" + part + "_b", "out" + part + "_w")) {
                INDArray w = model.weights().get(name);
                for (long i : new long[] {0, w.length() / 2, w.length() - 1, input[1][0] * 5L + 2}) {
                    if (i >= w.length()) {
                        continue;
                    }
                    double original = w.getDouble(i);
                    w.putScalar(i, original + eps);
                    double up = model.loss(part, input, targets);
                    w.putScalar(i, original - eps);
                    double down = model.loss(part, input, targets);
                    w.putScalar(i, original);
                    double numeric = (up - down) / (2 * eps);
                    double analytic = gradients.get(name).getDouble(i);
                    assertEquals(numeric, analytic, 2e-3 + 0.05 * Math.abs(numeric), name + "[" + i + "]");
                }
            }
        }
    }
}
