package io.muse4j.models.lm;

import io.muse4j.models.nn.LstmConfig;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class LstmStepperTest {
    @Test
    void steppingGivesTheLogitsOfTheWholeSequence() {
        TokenModel model = new TokenModel(new LstmConfig(11, 6, 16, 3), 4);
        int[][] tokens = {{1, 4, 2, 8, 5, 7, 0, 10, 3}, {9, 9, 2, 1, 6, 3, 3, 4, 5}};
        float[] whole = model.logits(tokens).dup('c').data().asFloat();
        LstmStepper stepper = new LstmStepper(model, 2);
        for (int t = 0; t < 9; t++) {
            float[][] step = stepper.step(new int[] {tokens[0][t], tokens[1][t]});
            for (int b = 0; b < 2; b++) {
                for (int v = 0; v < 11; v++) {
                    assertEquals(whole[(b * 9 + t) * 11 + v], step[b][v], 1e-5, "row " + b + " step " + t);
                }
            }
        }
    }

    @Test
    void reorderMovesStatesBetweenRows() {
        TokenModel model = new TokenModel(new LstmConfig(5, 4, 8, 2), 2);
        LstmStepper stepper = new LstmStepper(model, 2);
        stepper.step(new int[] {1, 3});
        stepper.reorder(new int[] {1, 1});
        float[][] next = stepper.step(new int[] {2, 2});
        assertArrayEquals(next[0], next[1], 0f);
        stepper.reset();
        LstmStepper single = new LstmStepper(model, 1);
        single.step(new int[] {3});
        assertArrayEquals(single.step(new int[] {2})[0], next[0], 1e-6f);
    }
}
