package io.muse4j.corpora.batch;

import io.muse4j.core.random.Seeds;
import io.muse4j.core.score.Check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Cuts sequences into windows of {@code steps} inputs, each with its next-step targets (so consecutive windows
 * overlap by one item), and deals them into batches. Every epoch visits every window once in an order drawn from
 * the seed and the epoch number, so batch {@code i} is a pure function of the lengths, the seed and {@code i}: a
 * resumed run continues from its saved batch index with exactly the batches an uninterrupted run would have seen.
 */
final class Windows {
    /** A window: a sequence index and the offset of its first input. */
    record Window(int sequence, int start) {
    }

    private final List<Window> windows = new ArrayList<>();
    private final int batch;
    private final long seed;

    /**
     * Windows over sequences of the given lengths; sequences shorter than two items have none. {@code items} names
     * what the sequences hold ("tokens", "frames") for the error raised when no window is left.
     */
    Windows(int[] lengths, String items, int batch, int steps, long seed) {
        Check.atLeast("batch size", batch, 1);
        Check.atLeast("sequence length", steps, 1);
        this.batch = batch;
        this.seed = seed;
        for (int s = 0; s < lengths.length; s++) {
            for (int start = 0; start + 1 < lengths[s]; start += steps) {
                windows.add(new Window(s, start));
            }
        }
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("no sequence has two " + items + " or more to learn from");
        }
    }

    /** Batches in one epoch; the last may be partly empty. */
    int batchesPerEpoch() {
        return (windows.size() + batch - 1) / batch;
    }

    /** The windows of batch number {@code index}, counting from 0 across epochs: at most one per batch row. */
    List<Window> batch(long index) {
        Check.atLeast("batch index", index, 0);
        long epoch = index / batchesPerEpoch();
        int first = (int) (index % batchesPerEpoch()) * batch;
        List<Window> order = new ArrayList<>(windows);
        Collections.shuffle(order, new Random(Seeds.mix(seed, epoch)));
        return order.subList(first, Math.min(first + batch, order.size()));
    }
}
