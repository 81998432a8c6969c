package io.muse4j.core.token;

import java.util.Arrays;

/**
 * Frames on a time grid, each holding the MIDI pitches sounding during it, in ascending order; an empty frame is
 * a rest. This is the layout of the piano-roll benchmark corpora ({@code [frame][pitch]}).
 */
public final class PianoRoll {
    private final int[][] frames;

    /** A roll over copies of the given frames, each sorted and free of repeats. */
    public PianoRoll(int[][] frames) {
        this.frames = new int[frames.length][];
        for (int f = 0; f < frames.length; f++) {
            this.frames[f] = Arrays.stream(frames[f]).sorted().distinct().toArray();
        }
    }

    /** The number of frames. */
    public int length() {
        return frames.length;
    }

    /** The pitches sounding in frame {@code f}, ascending. */
    public int[] frame(int f) {
        return frames[f].clone();
    }

    /** Frames {@code from} (inclusive) to {@code to} (exclusive). */
    public PianoRoll slice(int from, int to) {
        return new PianoRoll(Arrays.copyOfRange(frames, from, to));
    }

    /** Every frame, copied. */
    public int[][] frames() {
        int[][] copy = new int[frames.length][];
        for (int f = 0; f < frames.length; f++) {
            copy[f] = frames[f].clone();
        }
        return copy;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PianoRoll roll && Arrays.deepEquals(frames, roll.frames);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(frames);
    }

    @Override
    public String toString() {
        return "PianoRoll" + Arrays.deepToString(frames);
    }
}
