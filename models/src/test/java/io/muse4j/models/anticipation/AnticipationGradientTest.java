package io.muse4j.models.anticipation;

import io.muse4j.core.token.ChoraleParts;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Anticipation-RNN's written-out backward pass, through both LSTMs and the time reversals, by finite differences. */
class AnticipationGradientTest {
    @Test
    void gradientsMatchFiniteDifferences() {
        ChoraleParts parts = new ChoraleParts(new int[] {60, 55, 48, 40}, new int[] {62, 57, 50, 42});
        AnticipationRnn model = new AnticipationRnn(2, parts, 4, 2, 0, 5);
        int[][] tokens = new int[2][12];
        int[][] constraints = new int[2][12];
        for (int w = 0; w < 2; w++) {
            for (int t = 0; t < 12; t++) {
                int part = t % ChoraleParts.COUNT;
                tokens[w][t] = model.token(part, (t * 7 + w * 3) % parts.symbols(part));
                constraints[w][t] = (t + w) % 3 == 0 ? tokens[w][t] : -1;
            }
        }
        Windows batch = new Windows(tokens, constraints, new int[] {0, 1});
        Map<String, INDArray> gradients = new HashMap<>();
        double loss = model.lossAndGradients(batch, 1, 1, gradients);
        assertEquals(loss, nll(model, batch), 1e-4);
        double eps = 1e-2;
        for (String name : model.weights().keySet()) {
            INDArray w = model.weights().get(name);
            for (long i : new long[] {0, w.length() / 3, w.length() - 1}) {
                double original = w.getDouble(i);
                w.putScalar(i, original + eps);
                double up = nll(model, batch);
                w.putScalar(i, original - eps);
                double down = nll(model, batch);
                w.putScalar(i, original);
                double numeric = (up - down) / (2 * eps);
                double analytic = gradients.get(name).getDouble(i);
                assertEquals(numeric, analytic, 2e-3 + 0.03 * Math.abs(numeric), name + "[" + i + "]");
            }
        }
    }

    private static double nll(AnticipationRnn model, Windows batch) {
        return -Arrays.stream(model.logLikelihoods(batch)).flatMapToDouble(Arrays::stream).sum();
    }
}
