package io.muse4j.core.score;

/**
 * A tempo that holds from {@code tick} until the next change.
 *
 * @param tick where the tempo starts, at least 0
 * @param microsPerQuarter length of a quarter note in microseconds, as MIDI stores it: 1..16777215
 */
public record TempoChange(long tick, int microsPerQuarter) {
    /** The MIDI default of 120 quarter notes per minute. */
    public static final int DEFAULT_MICROS_PER_QUARTER = 500_000;

    public TempoChange {
        Check.atLeast("tempo tick", tick, 0);
        Check.range("microseconds per quarter", microsPerQuarter, 1, 0xFFFFFF);
    }

    /** A tempo given in quarter notes per minute, rounded to the nearest microsecond per quarter. */
    public static TempoChange ofBpm(long tick, double quartersPerMinute) {
        Check.positive("tempo in quarters per minute", quartersPerMinute);
        return new TempoChange(tick, (int) Math.round(60_000_000.0 / quartersPerMinute));
    }

    /** Quarter notes per minute. */
    public double bpm() {
        return 60_000_000.0 / microsPerQuarter;
    }
}
