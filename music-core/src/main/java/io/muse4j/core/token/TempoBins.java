package io.muse4j.core.token;

import io.muse4j.core.score.Check;
import io.muse4j.core.score.TempoChange;

/**
 * Tempi in {@code count} bins spaced evenly in log tempo: bin {@code k} (0-based) is
 * {@code minBpm * (maxBpm / minBpm)^(k / (count - 1))} quarters per minute, stored as whole microseconds per
 * quarter. A tempo falls in the nearest bin in log tempo, decided exactly on integers (the boundary between two
 * bins is their geometric mean), and tempi beyond the ends fall in the end bins. The centres come from
 * {@link StrictMath} so that every JVM bins alike.
 */
final class TempoBins {
    private final int[] micros;

    /** Bins from {@code minBpm} to {@code maxBpm}; fails when two bins round to the same microseconds. */
    TempoBins(int count, double minBpm, double maxBpm) {
        Check.range("tempo bins", count, 2, 1024);
        Check.positive("lowest tempo bin (quarters per minute)", minBpm);
        Check.positive("highest tempo bin (quarters per minute)", maxBpm);
        if (!(minBpm < maxBpm)) {
            throw new IllegalArgumentException(
                    "lowest tempo bin " + minBpm + " must be below the highest, " + maxBpm);
        }
        micros = new int[count];
        for (int k = 0; k < count; k++) {
            double bpm = minBpm * StrictMath.pow(maxBpm / minBpm, (double) k / (count - 1));
            micros[k] = TempoChange.ofBpm(0, bpm).microsPerQuarter();
            if (k > 0 && micros[k] >= micros[k - 1]) {
                throw new IllegalArgumentException("tempo bins " + (k - 1) + " and " + k + " both round to "
                        + micros[k] + " microseconds per quarter: use fewer bins or a wider range");
            }
        }
    }

    /** The number of bins. */
    int count() {
        return micros.length;
    }

    /** The bin nearest a tempo given in microseconds per quarter (which fall as bins rise). */
    int bin(int microsPerQuarter) {
        long m = microsPerQuarter;
        for (int k = 0; k + 1 < micros.length; k++) {
            if (m >= micros[k + 1]) {
                // m lies between bin k (slower, more micros) and bin k + 1: compare with their geometric mean
                return m * m >= (long) micros[k] * micros[k + 1] ? k : k + 1;
            }
        }
        return micros.length - 1;
    }

    /** The tempo of a bin in microseconds per quarter. */
    int micros(int bin) {
        return micros[bin];
    }
}
