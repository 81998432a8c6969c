package io.muse4j.models;

import io.muse4j.core.score.Check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Language-model batches from token sequences. Each sequence is cut into windows of {@code steps + 1} tokens
 * (input and the next-token target, overlapping by one), the last window of a sequence padded, with a mask that
 * is 0 over padding. Every epoch visits every window once in an order drawn from the seed and the epoch number,
 * so batch {@code i} is a pure function of the data, the seed and {@code i}: a resumed run continues from its
 * saved batch index with exactly the batches an uninterrupted run would have seen.
 */
public final class TokenBatches {
    /** A window: a sequence index and the offset of its first token. */
    private record Window(int sequence, int start) {
    }

    /**
     * One batch.
     *
     * @param tokens input ids (B, T)
     * @param targets next-token ids (B, T)
     * @param mask 1 where a target counts, 0 over padding (B, T)
     */
    public record Batch(int[][] tokens, int[][] targets, float[][] mask) {
        /** The number of targets that count. */
        public int tokenCount() {
            int count = 0;
            for (float[] row : mask) {
                for (float m : row) {
                    count += m > 0 ? 1 : 0;
                }
            }
            return count;
        }
    }

    private final List<int[]> sequences;
    private final List<Window> windows = new ArrayList<>();
    private final int batch;
    private final int steps;
    private final long seed;

    /** Batches of {@code batch} windows of {@code steps} tokens; sequences shorter than two tokens are skipped. */
    public TokenBatches(List<int[]> sequences, int batch, int steps, long seed) {
        Check.atLeast("batch size", batch, 1);
        Check.atLeast("sequence length", steps, 1);
        this.sequences = List.copyOf(sequences);
        this.batch = batch;
        this.steps = steps;
        this.seed = seed;
        for (int s = 0; s < this.sequences.size(); s++) {
            for (int start = 0; start + 1 < this.sequences.get(s).length; start += steps) {
                windows.add(new Window(s, start));
            }
        }
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("no sequence has two tokens or more to learn from");
        }
    }

    /** Batches in one epoch; the last may be partly padding. */
    public int batchesPerEpoch() {
        return (windows.size() + batch - 1) / batch;
    }

    /** Batch number {@code index}, counting from 0 across epochs. */
    public Batch batch(long index) {
        Check.atLeast("batch index", index, 0);
        long epoch = index / batchesPerEpoch();
        int first = (int) (index % batchesPerEpoch()) * batch;
        List<Window> order = new ArrayList<>(windows);
        Collections.shuffle(order, new Random(seed * 1_000_003L + epoch));
        int[][] tokens = new int[batch][steps];
        int[][] targets = new int[batch][steps];
        float[][] mask = new float[batch][steps];
        for (int row = 0; row < batch && first + row < order.size(); row++) {
            Window w = order.get(first + row);
            int[] seq = sequences.get(w.sequence());
            for (int t = 0; t < steps && w.start() + t + 1 < seq.length; t++) {
                tokens[row][t] = seq[w.start() + t];
                targets[row][t] = seq[w.start() + t + 1];
                mask[row][t] = 1;
            }
        }
        return new Batch(tokens, targets, mask);
    }
}
