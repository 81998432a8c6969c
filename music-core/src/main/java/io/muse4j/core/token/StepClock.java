package io.muse4j.core.token;

import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.TempoMap;

/**
 * Converts a sequence's ticks to steps of fixed wall-clock length, exactly: time comes from the tempo map as
 * the integer {@code microseconds x resolution}, so the only rounding is the final one to the nearest step, with
 * halves rounding up. Floating-point seconds would round some ticks that lie exactly half-way between steps, or
 * exactly on one, the wrong way.
 */
final class StepClock {
    private final TempoMap tempoMap;
    private final long ticksTimesMicrosPerStep;

    /** A clock over the tempo map of {@code seq} (120 per minute before its first change), with steps this long. */
    StepClock(NoteSequence seq, long microsPerStep) {
        tempoMap = seq.tempoMap();
        ticksTimesMicrosPerStep = Math.multiplyExact(seq.resolution(), microsPerStep);
    }

    /** The step nearest to {@code tick}. */
    long step(long tick) {
        return Math.addExact(tempoMap.microTicks(tick), ticksTimesMicrosPerStep / 2) / ticksTimesMicrosPerStep;
    }
}
