package io.muse4j.corpora.batch;

import io.muse4j.core.token.PianoRoll;
import io.muse4j.core.token.PianoRollCodec;

import java.util.List;

/**
 * Piano-roll batches: windows of {@code steps} frames, each frame's 88 keys as 0/1, with the next frame as target.
 * Every roll is preceded by an empty frame, so that the first frame is predicted too; when {@code scoreFirstFrame}
 * is false that prediction is masked out, as in the benchmark convention of Bai et al. 2018 (a sequence's first
 * frame is given, and every later one is scored). Batch {@code i} is a pure function of the rolls, the seed and
 * {@code i} (see {@link Windows}).
 */
public final class FrameBatches {
    /**
     * One batch, flattened row-major.
     *
     * @param sequences the number of windows, B
     * @param steps the frames of each window, T
     * @param inputs (B*T, 88) keys of the frame before each target
     * @param targets (B*T, 88) keys of the target frames
     * @param mask (B*T) 1 where a target counts
     * @param frames the number of targets that count
     */
    public record Batch(int sequences, int steps, float[] inputs, float[] targets, float[] mask, int frames) {
        /** The windows {@code from} (inclusive) to {@code to} (exclusive) as a batch of their own. */
        public Batch rows(int from, int to) {
            int keys = PianoRollCodec.KEYS;
            float[] part = java.util.Arrays.copyOfRange(mask, from * steps, to * steps);
            int counted = 0;
            for (float m : part) {
                counted += m > 0 ? 1 : 0;
            }
            return new Batch(to - from, steps, java.util.Arrays.copyOfRange(inputs, from * steps * keys, to * steps * keys),
                    java.util.Arrays.copyOfRange(targets, from * steps * keys, to * steps * keys), part, counted);
        }
    }

    private final List<int[][]> rolls;
    private final Windows windows;
    private final int batch;
    private final int steps;
    private final boolean scoreFirstFrame;

    /** Batches of {@code batch} windows of {@code steps} frames over the rolls. */
    public FrameBatches(List<PianoRoll> rolls, int batch, int steps, long seed, boolean scoreFirstFrame) {
        this.rolls = rolls.stream().map(FrameBatches::withEmptyStart).toList();
        this.windows = new Windows(this.rolls.stream().mapToInt(r -> r.length).toArray(), "frames", batch, steps, seed);
        this.batch = batch;
        this.steps = steps;
        this.scoreFirstFrame = scoreFirstFrame;
    }

    private static int[][] withEmptyStart(PianoRoll roll) {
        int[][] frames = new int[roll.length() + 1][];
        frames[0] = new int[0];
        for (int f = 0; f < roll.length(); f++) {
            frames[f + 1] = roll.frame(f);
            for (int pitch : frames[f + 1]) {
                if (pitch < PianoRollCodec.LOWEST_PITCH || pitch >= PianoRollCodec.LOWEST_PITCH + PianoRollCodec.KEYS) {
                    throw new IllegalArgumentException("pitch " + pitch + " in frame " + f
                            + " is off the 88 piano keys (21-108)");
                }
            }
        }
        return frames;
    }

    /** Batches in one epoch; the last may be partly padding. */
    public int batchesPerEpoch() {
        return windows.batchesPerEpoch();
    }

    /** Every batch of one epoch, in order: for validation and evaluation. */
    public List<Batch> epoch() {
        return java.util.stream.IntStream.range(0, batchesPerEpoch()).mapToObj(this::batch).toList();
    }

    /** Batch number {@code index}, counting from 0 across epochs. */
    public Batch batch(long index) {
        int keys = PianoRollCodec.KEYS;
        float[] inputs = new float[batch * steps * keys];
        float[] targets = new float[batch * steps * keys];
        float[] mask = new float[batch * steps];
        int counted = 0;
        List<Windows.Window> chosen = windows.batch(index);
        for (int row = 0; row < chosen.size(); row++) {
            Windows.Window w = chosen.get(row);
            int[][] roll = rolls.get(w.sequence());
            for (int t = 0; t < steps && w.start() + t + 1 < roll.length; t++) {
                int at = row * steps + t;
                put(inputs, at, roll[w.start() + t]);
                put(targets, at, roll[w.start() + t + 1]);
                if (scoreFirstFrame || w.start() + t > 0) {
                    mask[at] = 1;
                    counted++;
                }
            }
        }
        return new Batch(batch, steps, inputs, targets, mask, counted);
    }

    private static void put(float[] keys, int frame, int[] pitches) {
        for (int pitch : pitches) {
            keys[frame * PianoRollCodec.KEYS + pitch - PianoRollCodec.LOWEST_PITCH] = 1;
        }
    }
}
