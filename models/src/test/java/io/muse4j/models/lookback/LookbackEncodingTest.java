package io.muse4j.models.lookback;

import io.muse4j.core.token.MelodyTokenizer;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LookbackEncodingTest {
    /** The melody encoding's 39 events: NO_EVENT, NOTE_OFF, NOTE_ON 48..84. */
    private static final LookbackEncoding ENCODING = new LookbackEncoding(39);
    private static final int N = MelodyTokenizer.NO_EVENT;
    private static final int OFF = MelodyTokenizer.NOTE_OFF;
    private static final int R1 = 39;
    private static final int R2 = 40;

    private static int on(int pitch) {
        return 2 + pitch - 48;
    }

    /**
     * Bar 1: C D E F in quarters; bar 2: G for six sixteenths, A, a rest from beat 4; bar 3: bar 1 again; then the
     * last note's NOTE_OFF.
     */
    static int[] threeBars() {
        int[] bar1 = {on(60), N, N, N, on(62), N, N, N, on(64), N, N, N, on(65), N, N, N};
        int[] bar2 = {on(67), N, N, N, N, N, on(69), N, N, N, N, N, OFF, N, N, N};
        int[] melody = new int[49];
        System.arraycopy(bar1, 0, melody, 0, 16);
        System.arraycopy(bar2, 0, melody, 16, 16);
        System.arraycopy(bar1, 0, melody, 32, 16);
        melody[48] = OFF;
        return melody;
    }

    @Test
    void aBarEqualToTheOneTwoBackIsLabelledRepeatAndDecodesBackExactly() {
        int[] melody = threeBars();
        int[] labels = ENCODING.labels(melody);
        // bar 1: nothing to look back at
        assertArrayEquals(Arrays.copyOfRange(melody, 0, 16), Arrays.copyOfRange(labels, 0, 16));
        // bar 2: its rests that bar 1 also rests on repeat bar 1; the rest is itself
        assertArrayEquals(new int[] {on(67), R1, R1, R1, N, R1, on(69), R1, N, R1, R1, R1, OFF, R1, R1, R1},
                Arrays.copyOfRange(labels, 16, 32));
        // bar 3: a repeat of bar 1, and where bar 2 holds the same event, a repeat of bar 2 (the shorter lookback)
        assertArrayEquals(new int[] {R2, R1, R1, R1, R2, R1, R2, R1, R2, R1, R1, R1, R2, R1, R1, R1},
                Arrays.copyOfRange(labels, 32, 48));
        assertEquals(OFF, labels[48], "the last NOTE_OFF repeats neither bar 2 (a rest) nor bar 1 (an F)");
        assertArrayEquals(melody, ENCODING.decode(labels));
        MelodyTokenizer tokenizer = new MelodyTokenizer();
        assertEquals(tokenizer.decode(melody), tokenizer.decode(ENCODING.decode(labels)));
        assertEquals(10, tokenizer.decode(melody).notes().size());
    }

    @Test
    void aRepeatBeforeTheFirstStepDecodesToNoEvent() {
        assertArrayEquals(new int[] {on(60), N, N}, ENCODING.decode(new int[] {on(60), R1, R2}));
        assertEquals(on(60), ENCODING.resolve(new int[] {on(60)}, 16, R1));
        assertThrows(IllegalArgumentException.class, () -> ENCODING.resolve(new int[] {on(60)}, 1, 41));
        assertThrows(IllegalArgumentException.class, () -> ENCODING.labels(new int[] {39}));
    }

    @Test
    void randomMelodiesRoundTripThroughTheirLabels() {
        Random random = new Random(7);
        for (int trial = 0; trial < 50; trial++) {
            int[] motif = new int[16 + random.nextInt(40)];
            int[] melody = new int[200];
            for (int p = 0; p < melody.length; p++) {
                melody[p] = random.nextInt(4) == 0 ? random.nextInt(39) : motif[p % motif.length];
            }
            assertArrayEquals(melody, ENCODING.decode(ENCODING.labels(melody)));
        }
    }

    @Test
    void inputsHoldTheEventWhatTheNextStepWouldRepeatTheCounterAndTheRepeatFlags() {
        int[] melody = threeBars();
        assertEquals(3 * 39 + 5 + 2, ENCODING.inputSize());
        // before the piece: the silent step, nothing to look back at, step 0 next
        assertInput(ENCODING.input(melody, -1), OFF, N, N, new int[] {-1, -1, -1, -1, -1}, 0, 0);
        // at step 15: step 16 is next, which would repeat step 0; two bars back is before the piece
        assertInput(ENCODING.input(melody, 15), N, on(60), N, new int[] {-1, -1, -1, -1, 1}, 0, 0);
        // at step 33 (a rest in bar 3): step 34 is next (34 mod 32 = 2, bit 1), it would repeat step 18 or step 2;
        // step 33 itself equals step 17 (a rest) and step 1 (a rest)
        assertInput(ENCODING.input(melody, 33), N, N, N, new int[] {-1, 1, -1, -1, -1}, 1, 1);
        // at step 35: step 36 is next (36 mod 32 = 4, bit 2), it would repeat step 20 (a rest) or step 4 (a D)
        assertInput(ENCODING.input(melody, 35), N, N, on(62), new int[] {-1, -1, 1, -1, -1}, 1, 1);
        // at step 36 (the D again): it equals step 4, not step 20; step 37 is next (37 mod 32 = 5, bits 0 and 2)
        assertInput(ENCODING.input(melody, 36), on(62), N, N, new int[] {1, -1, 1, -1, -1}, 0, 1);
    }

    private static void assertInput(float[] x, int event, int back1, int back2, int[] counter, int flag1, int flag2) {
        float[] expected = new float[ENCODING.inputSize()];
        expected[event] = 1;
        expected[39 + back1] = 1;
        expected[78 + back2] = 1;
        for (int bit = 0; bit < 5; bit++) {
            expected[117 + bit] = counter[bit];
        }
        expected[122] = flag1;
        expected[123] = flag2;
        assertArrayEquals(expected, x);
    }
}
