package io.muse4j.corpora.batch;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Batches of whole windows for a MusicVAE: every epoch deals every window once, in an order drawn from the
 * seed and the epoch ({@link Windows}), so batch {@code i} is a pure function of the data, the seed and {@code i}
 * and a resumed run sees the batches an uninterrupted one would. An epoch's last batch may be smaller.
 */
public final class VaeBatches {
    private final List<int[]> windows;
    private final Windows order;

    /** Batches of {@code batch} of the windows, which all have the same length. */
    public VaeBatches(List<int[]> windows, int batch, long seed) {
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("no windows to learn from");
        }
        this.windows = List.copyOf(windows);
        int steps = windows.get(0).length;
        int[] lengths = new int[windows.size()];
        for (int i = 0; i < lengths.length; i++) {
            if (windows.get(i).length != steps) {
                throw new IllegalArgumentException("windows of " + steps + " and " + windows.get(i).length + " tokens");
            }
            lengths[i] = steps; // one window of `steps` per sequence, starting at 0
        }
        this.order = new Windows(lengths, "tokens", batch, steps, seed);
    }

    /** Batches in one epoch. */
    public int batchesPerEpoch() {
        return order.batchesPerEpoch();
    }

    /** Batch number {@code index}, counting from 0 across epochs: windows (B, T). */
    public int[][] batch(long index) {
        return order.batch(index).stream().map(w -> windows.get(w.sequence())).toArray(int[][]::new);
    }

    /** Every batch of one epoch, in order. */
    public List<int[][]> epoch() {
        return IntStream.range(0, batchesPerEpoch()).mapToObj(this::batch).toList();
    }
}
