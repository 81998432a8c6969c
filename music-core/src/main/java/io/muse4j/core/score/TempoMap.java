package io.muse4j.core.score;

import java.util.List;

/** Converts between ticks and seconds following a sequence's tempo changes. */
public final class TempoMap {
    private final int resolution;
    private final long[] ticks;
    private final int[] microsPerQuarter;
    private final double[] seconds;

    /** A map for sorted tempo changes; before the first change (or with none) 120 quarters per minute holds. */
    public TempoMap(int resolution, List<TempoChange> tempos) {
        this.resolution = resolution;
        boolean startsAtZero = !tempos.isEmpty() && tempos.get(0).tick() == 0;
        int n = tempos.size() + (startsAtZero ? 0 : 1);
        ticks = new long[n];
        microsPerQuarter = new int[n];
        seconds = new double[n];
        int i = 0;
        if (!startsAtZero) {
            microsPerQuarter[i++] = TempoChange.DEFAULT_MICROS_PER_QUARTER;
        }
        for (TempoChange tempo : tempos) {
            ticks[i] = tempo.tick();
            microsPerQuarter[i] = tempo.microsPerQuarter();
            seconds[i] = seconds[i - 1 < 0 ? 0 : i - 1] + span(i - 1, tempo.tick());
            i++;
        }
    }

    private double span(int segment, long tick) {
        if (segment < 0) {
            return 0;
        }
        return (tick - ticks[segment]) * (microsPerQuarter[segment] / 1e6) / resolution;
    }

    /** Seconds from tick 0 to {@code tick}. */
    public double seconds(long tick) {
        int segment = segmentAtTick(tick);
        return seconds[segment] + span(segment, tick);
    }

    /** The tick nearest to {@code secondsFromStart}. */
    public long tick(double secondsFromStart) {
        int segment = 0;
        while (segment + 1 < seconds.length && seconds[segment + 1] <= secondsFromStart) {
            segment++;
        }
        double quarters = (secondsFromStart - seconds[segment]) * 1e6 / microsPerQuarter[segment];
        return ticks[segment] + Math.round(quarters * resolution);
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
