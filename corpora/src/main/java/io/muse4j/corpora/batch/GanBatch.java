package io.muse4j.corpora.batch;

import java.util.List;

/**
 * The real sequences of one GAN training step: one set (B, T, F) per update a player takes at the step, so that
 * a discriminator taking several updates ({@code --d-steps}) sees fresh data each time.
 *
 * @param rounds the sets of real sequences, each (B, T, F)
 */
public record GanBatch(List<float[][][]> rounds) {
    public GanBatch {
        if (rounds.isEmpty()) {
            throw new IllegalArgumentException("a GAN batch needs real sequences");
        }
        rounds = List.copyOf(rounds);
    }

    /** The real sequences of update {@code repeat} (they cycle when there are more updates than sets). */
    public float[][][] real(int repeat) {
        return rounds.get(repeat % rounds.size());
    }

    /** Sequences per set. */
    public int sequences() {
        return rounds.get(0).length;
    }

    /** Steps per sequence. */
    public int steps() {
        return rounds.get(0)[0].length;
    }
}
