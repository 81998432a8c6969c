package io.muse4j.models.lm;

import io.muse4j.models.nn.LstmConfig;
import io.muse4j.models.nn.StackConfig;
import io.muse4j.models.nn.TransformerConfig;
import io.muse4j.models.sampling.TokenStepper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A widened stepper continues a fed sequence in several rows exactly as feeding it to each row would. */
class WidenedStepperTest {
    static List<StackConfig> configs() {
        return List.of(new LstmConfig(9, 6, 8, 2), new TransformerConfig(9, 8, 2, 2, 16, 4, false, 0));
    }

    @ParameterizedTest
    @MethodSource("configs")
    void eachRowContinuesFromTheFedSequence(StackConfig config) {
        TokenModel model = new TokenModel(config, 3);
        int[] body = {1, 4, 2, 8, 5, 7}; // longer than the transformer's window of 4: its ring has wrapped
        int[] next = {3, 0, 6};
        TokenStepper fedEach = model.stepper(3);
        for (int token : body) {
            fedEach.step(new int[] {token, token, token});
        }
        float[][] expected = fedEach.step(next);

        TokenStepper one = model.stepper(1);
        for (int token : body) {
            one.step(new int[] {token});
        }
        TokenStepper widened = one.widened(3);
        assertEquals(3, widened.rows());
        float[][] actual = widened.step(next);
        for (int row = 0; row < 3; row++) {
            assertArrayEquals(expected[row], actual[row], 0f, "row " + row + " (the same arithmetic, bit for bit)");
        }
        assertArrayEquals(expected[2], one.step(new int[] {6})[0], 0f, "the stepper widened is left as it was");
        assertArrayEquals(fedEach.step(new int[] {1, 1, 1})[0], widened.step(new int[] {1, 1, 1})[0], 0f,
                "and goes on alike");
    }
}
