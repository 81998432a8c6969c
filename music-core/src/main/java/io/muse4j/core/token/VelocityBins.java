package io.muse4j.core.token;

import io.muse4j.core.score.Check;

/**
 * MIDI velocities 1..127 in {@code count} equal bins, numbered from 1, as Magenta's performance encoding does:
 * a bin holds {@code ceil(127 / count)} velocities, velocity {@code v} falls in bin
 * {@code (v - 1) / binSize + 1}, and bin {@code b} decodes to its lowest velocity {@code 1 + (b - 1) * binSize}.
 * With 32 bins the size is 4, so 1..4 is bin 1 (decoded 1) and 125..127 is bin 32 (decoded 125).
 *
 * @param count number of bins, 1..127; every bin must hold at least one velocity
 */
public record VelocityBins(int count) {
    public VelocityBins {
        Check.range("velocity bins", count, 1, 127);
        int size = (127 + count - 1) / count;
        // with ceil-sized bins some counts (33, 100...) never reach their top bins, whose ids would decode to
        // velocities above 127
        if ((127 - 1) / size + 1 != count) {
            throw new IllegalArgumentException("velocity bins " + count + " leave empty bins: bins of " + size
                    + " velocities fill only " + ((127 - 1) / size + 1) + " of them");
        }
    }

    /** The number of velocities in a bin, {@code ceil(127 / count)}. */
    public int binSize() {
        return (127 + count - 1) / count;
    }

    /** The bin, 1..count, of a velocity 1..127. */
    public int bin(int velocity) {
        Check.range("velocity", velocity, 1, 127);
        return (velocity - 1) / binSize() + 1;
    }

    /** The velocity a bin 1..count decodes to: the lowest velocity in it. */
    public int velocity(int bin) {
        Check.range("velocity bin", bin, 1, count);
        return 1 + (bin - 1) * binSize();
    }

    /** The velocity after a round trip through its bin. */
    public int quantize(int velocity) {
        return velocity(bin(velocity));
    }
}
