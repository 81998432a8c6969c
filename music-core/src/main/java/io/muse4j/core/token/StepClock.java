package io.muse4j.core.token;

import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.TempoChange;

import java.util.List;

/**
 * Converts a sequence's ticks to steps of fixed wall-clock length, exactly: time is kept as
 * {@code microseconds x resolution} (the sum of {@code ticks x microsPerQuarter} over the tempo segments), an
 * integer, so the only rounding is the final one to the nearest step, with halves rounding up. Floating-point
 * seconds would round some ticks that lie exactly half-way between steps, or exactly on one, the wrong way.
 */
final class StepClock {
    private final long[] ticks;
    private final int[] microsPerQuarter;
    private final long[] microTicks;
    private final long ticksTimesMicrosPerStep;

    /** A clock over the tempo map of {@code seq} (120 per minute before its first change), with steps this long. */
    StepClock(NoteSequence seq, long microsPerStep) {
        List<TempoChange> tempos = seq.tempos();
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
        ticksTimesMicrosPerStep = Math.multiplyExact(seq.resolution(), microsPerStep);
    }

    /** The step nearest to {@code tick}. */
    long step(long tick) {
        long time = microTicksIn(segmentAt(tick), tick);
        return Math.addExact(time, ticksTimesMicrosPerStep / 2) / ticksTimesMicrosPerStep;
    }

    private long microTicksIn(int segment, long tick) {
        return Math.addExact(microTicks[segment],
                Math.multiplyExact(tick - ticks[segment], (long) microsPerQuarter[segment]));
    }

    private int segmentAt(long tick) {
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
