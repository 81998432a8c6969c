package io.muse4j.corpora.batch;

import java.util.List;

/**
 * Language-model batches from token sequences: windows of {@code steps} tokens with their next-token targets, the
 * last window of a sequence padded, with a mask that is 0 over padding. Batch {@code i} is a pure function of the
 * data, the seed and {@code i} (see {@link Windows}), so a resumed run sees the batches an uninterrupted one would.
 */
public final class TokenBatches {
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

        /** The sequences {@code from} (inclusive) to {@code to} (exclusive) as a batch of their own. */
        public Batch rows(int from, int to) {
            return new Batch(java.util.Arrays.copyOfRange(tokens, from, to),
                    java.util.Arrays.copyOfRange(targets, from, to), java.util.Arrays.copyOfRange(mask, from, to));
        }
    }

    private final List<int[]> sequences;
    private final Windows windows;
    private final int batch;
    private final int steps;

    /** Batches of {@code batch} windows of {@code steps} tokens; sequences shorter than two tokens are skipped. */
    public TokenBatches(List<int[]> sequences, int batch, int steps, long seed) {
        this.sequences = List.copyOf(sequences);
        this.windows = new Windows(this.sequences.stream().mapToInt(s -> s.length).toArray(), "tokens", batch, steps, seed);
        this.batch = batch;
        this.steps = steps;
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
        int[][] tokens = new int[batch][steps];
        int[][] targets = new int[batch][steps];
        float[][] mask = new float[batch][steps];
        List<Windows.Window> chosen = windows.batch(index);
        for (int row = 0; row < chosen.size(); row++) {
            Windows.Window w = chosen.get(row);
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
