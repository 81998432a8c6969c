package io.muse4j.models.lookback;

import io.muse4j.core.score.Check;
import io.muse4j.core.token.MelodyTokenizer;

/**
 * The inputs and labels of Magenta's Lookback RNN over the events of the melody encoding ({@link MelodyTokenizer}:
 * NO_EVENT, NOTE_OFF, NOTE_ON of each pitch), one event per sixteenth, {@value #STEPS_PER_BAR} steps a bar (4/4).
 *
 * <p>Labels, with {@code n} melody events:
 * <pre>
 *   0 .. n-1    the melody event itself
 *   n           REPEAT_1_BAR_AGO    the event 16 steps back
 *   n+1         REPEAT_2_BARS_AGO   the event 32 steps back
 * </pre>
 * An event equal to the one a bar back is labelled REPEAT_1_BAR_AGO, else one equal to the one two bars back
 * REPEAT_2_BARS_AGO, else itself; a repeat label that looks back before the first step decodes to NO_EVENT.
 *
 * <p>The input at position {@code p} (which predicts the label of position {@code p + 1}), {@link #inputSize()}
 * floats:
 * <pre>
 *   [0, n)         one-hot of the event at p (NOTE_OFF at p = -1: the silent step before a piece)
 *   [n, 2n)        one-hot of the event at p + 1 - 16: what the next step repeats with REPEAT_1_BAR_AGO
 *   [2n, 3n)       one-hot of the event at p + 1 - 32 (NO_EVENT before the first step)
 *   [3n, 3n+5)     binary counter of p + 1, the next step's position, bit i as +1 or -1 (two bars of 16 steps)
 *   [3n+5, 3n+7)   1 where the event at p equals the event 16 (then 32) steps before it, else 0
 * </pre>
 *
 * @param events the number of melody events (the melody vocabulary's size)
 */
public record LookbackEncoding(int events) {
    /** Steps per bar: sixteenths of 4/4. */
    public static final int STEPS_PER_BAR = 16;
    /** How far back each repeat label looks: one bar, two bars. */
    private static final int[] LOOKBACK = {STEPS_PER_BAR, 2 * STEPS_PER_BAR};
    /** Bits of the step counter: 2^5 = 32 steps, two bars. */
    static final int COUNTER_BITS = 5;
    /** Names of the repeat labels, after the melody events' names. */
    public static final java.util.List<String> REPEAT_NAMES = java.util.List.of("REPEAT_1_BAR_AGO", "REPEAT_2_BARS_AGO");

    public LookbackEncoding {
        Check.range("melody events", events, MelodyTokenizer.NOTE_OFF + 2, 1 << 10);
    }

    /** The number of labels: the events and the two repeats. */
    public int labels() {
        return events + LOOKBACK.length;
    }

    /** The label that repeats the event {@code bars} (1 or 2) bars back. */
    public int repeatLabel(int bars) {
        Check.range("bars back", bars, 1, LOOKBACK.length);
        return events + bars - 1;
    }

    /** The number of floats of an input. */
    public int inputSize() {
        return (1 + LOOKBACK.length) * events + COUNTER_BITS + LOOKBACK.length;
    }

    /** Each step's label. */
    public int[] labels(int[] melody) {
        int[] labels = new int[melody.length];
        for (int p = 0; p < melody.length; p++) {
            checkEvent(melody[p], p);
            labels[p] = melody[p];
            for (int i = LOOKBACK.length - 1; i >= 0; i--) { // the shortest lookback that matches wins
                if (p >= LOOKBACK[i] && melody[p] == melody[p - LOOKBACK[i]]) {
                    labels[p] = events + i;
                }
            }
        }
        return labels;
    }

    /** The events that labels stand for, each repeat resolved against the events decoded before it. */
    public int[] decode(int[] labels) {
        int[] melody = new int[labels.length];
        for (int p = 0; p < labels.length; p++) {
            melody[p] = resolve(melody, p, labels[p]);
        }
        return melody;
    }

    /** The event that {@code label} stands for at position {@code p}, given the events before it. */
    public int resolve(int[] melody, int p, int label) {
        Check.range("lookback label", label, 0, labels() - 1);
        if (label < events) {
            return label;
        }
        int back = p - LOOKBACK[label - events];
        return back >= 0 ? melody[back] : MelodyTokenizer.NO_EVENT;
    }

    /** The input at position {@code p} (-1 up to the last event), reading only the events up to {@code p}. */
    public float[] input(int[] melody, int p) {
        float[] x = new float[inputSize()];
        input(melody, p, x, 0);
        return x;
    }

    /** Writes the input at position {@code p} into {@code into} from {@code offset} (which must hold zeros). */
    public void input(int[] melody, int p, float[] into, int offset) {
        Check.range("position", p, -1, melody.length - 1);
        into[offset + (p >= 0 ? melody[p] : MelodyTokenizer.NOTE_OFF)] = 1;
        for (int i = 0; i < LOOKBACK.length; i++) {
            int back = p + 1 - LOOKBACK[i];
            into[offset + (i + 1) * events + (back >= 0 ? melody[back] : MelodyTokenizer.NO_EVENT)] = 1;
        }
        int counter = offset + (1 + LOOKBACK.length) * events;
        for (int bit = 0; bit < COUNTER_BITS; bit++) {
            into[counter + bit] = ((p + 1) >> bit & 1) == 1 ? 1 : -1;
        }
        int flags = counter + COUNTER_BITS;
        for (int i = 0; i < LOOKBACK.length; i++) {
            into[flags + i] = p >= LOOKBACK[i] && melody[p] == melody[p - LOOKBACK[i]] ? 1 : 0;
        }
    }

    private void checkEvent(int event, int position) {
        if (event < 0 || event >= events) {
            throw new IllegalArgumentException("melody event " + event + " at step " + position + " outside 0.."
                    + (events - 1));
        }
    }
}
