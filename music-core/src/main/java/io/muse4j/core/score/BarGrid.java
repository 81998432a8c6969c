package io.muse4j.core.score;

import java.util.Arrays;
import java.util.List;

/**
 * The bar lines of a sequence. A time-signature change takes effect at the first bar line at or after its
 * tick, as notation programs do when a file places it mid-bar.
 */
public final class BarGrid {
    private static final TimeSignature COMMON_TIME = new TimeSignature(0, 4, 4);
    private final int resolution;
    private final List<TimeSignature> timeSignatures;

    BarGrid(int resolution, List<TimeSignature> timeSignatures) {
        this.resolution = resolution;
        this.timeSignatures = timeSignatures;
    }

    /** The ticks at which bars start, from bar 0 up to and including the bar that contains {@code lastTick}. */
    public long[] starts(long lastTick) {
        long[] starts = new long[16];
        int count = 0;
        long tick = 0;
        int signature = -1;
        while (true) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
            }
            starts[count++] = tick;
            while (signature + 1 < timeSignatures.size() && timeSignatures.get(signature + 1).tick() <= tick) {
                signature++;
            }
            tick += barLength(meter(signature));
            if (tick > lastTick) {
                return Arrays.copyOf(starts, count);
            }
        }
    }

    /**
     * Where a pickup bar ends: a first bar in a meter of its own that is shorter than the bars of the meter that
     * follows it (1/8 then 6/8), as notation programs write an anacrusis; 0 when the music has none.
     */
    public long pickupEnd() {
        if (timeSignatures.size() < 2 || timeSignatures.get(0).tick() != 0) {
            return 0;
        }
        long first = barLength(timeSignatures.get(0));
        return timeSignatures.get(1).tick() == first && first < barLength(timeSignatures.get(1)) ? first : 0;
    }

    /** The meter in force for the bar that starts at {@code barStart}. */
    public TimeSignature meterAtBar(long barStart) {
        TimeSignature meter = COMMON_TIME;
        for (TimeSignature ts : timeSignatures) {
            if (ts.tick() <= barStart) {
                meter = ts;
            }
        }
        return meter;
    }

    /** The length of a bar of the given meter in ticks, rounded, and at least 1. */
    public long barLength(TimeSignature meter) {
        return Math.max(1, Math.round((double) meter.numerator() * resolution * 4 / meter.denominator()));
    }

    private TimeSignature meter(int signature) {
        return signature < 0 ? COMMON_TIME : timeSignatures.get(signature);
    }
}
