package io.muse4j.core.score;

import java.util.List;

/**
 * Converts between ticks and time following a sequence's tempo changes. Besides seconds it gives exact time as
 * an integer, microseconds times resolution, for code that must round ticks to a wall-clock grid without
 * floating-point error.
 */
public final class TempoMap {
    private final int resolution;
    private final long[] ticks;
    private final int[] microsPerQuarter;
    /** Microseconds times resolution at the start of each tempo segment. */
    private final long[] microTicks;

    /** A map for sorted tempo changes; before the first change (or with none) 120 quarters per minute holds. */
    public TempoMap(int resolution, List<TempoChange> tempos) {
        this.resolution = resolution;
        boolean startsAtZero = !tempos.isEmpty() && tempos.get(0).tick() == 0;
        int n = tempos.size() + (startsAtZero ? 0 : 1);
        ticks = new long[n];
        microsPerQuarter = new int[n];
        microTicks = new long[n];
        int i = 0;
        if (!startsAtZero) {
            microsPerQuarter[i++] = TempoChange.DEFAULT_MICROS_PER_QUARTER;
        }
        for (TempoChange tempo : tempos) {
            ticks[i] = tempo.tick();
            microsPerQuarter[i] = tempo.microsPerQuarter();
            microTicks[i] = i == 0 ? 0 : microTicksIn(i - 1, tempo.tick());
            i++;
        }
    }

    /**
     * The exact time from tick 0 to {@code tick} in microseconds times resolution; fails with an
     * ArithmeticException where that exceeds a long (ticks at absurd distances).
     */
    public long microTicks(long tick) {
        return microTicksIn(segmentAtTick(tick), tick);
    }

    private long microTicksIn(int segment, long tick) {
        return Math.addExact(microTicks[segment],
                Math.multiplyExact(tick - ticks[segment], (long) microsPerQuarter[segment]));
    }

    /** Seconds from tick 0 to {@code tick}. */
    public double seconds(long tick) {
        int segment = segmentAtTick(tick);
        double micros = microTicks[segment] + (double) (tick - ticks[segment]) * microsPerQuarter[segment];
        return micros / 1e6 / resolution;
    }

    /** The tick nearest to {@code secondsFromStart}. */
    public long tick(double secondsFromStart) {
        double target = secondsFromStart * 1e6 * resolution;
        int segment = 0;
        while (segment + 1 < microTicks.length && microTicks[segment + 1] <= target) {
            segment++;
        }
        return ticks[segment] + Math.round((target - microTicks[segment]) / microsPerQuarter[segment]);
    }

    /** The tempo in microseconds per quarter at {@code tick}. */
    public int microsPerQuarterAt(long tick) {
        return microsPerQuarter[segmentAtTick(tick)];
    }

    private int segmentAtTick(long tick) {
        int lo = 0;
        int hi = ticks.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (ticks[mid] <= tick) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
