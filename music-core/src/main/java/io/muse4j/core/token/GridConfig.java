package io.muse4j.core.token;

import io.muse4j.core.score.Check;
import io.muse4j.core.score.TempoChange;

/**
 * The frame in which grid codecs (melody, piano roll) write what they decode: the grid, and the resolution,
 * tempo and velocity of the decoded score, none of which the tokens themselves carry.
 *
 * @param stepsPerQuarter grid steps per quarter note (4 = sixteenth notes)
 * @param resolution ticks per quarter of decoded scores; a multiple of {@code stepsPerQuarter}
 * @param microsPerQuarter tempo of decoded scores
 * @param velocity velocity of decoded notes
 */
public record GridConfig(int stepsPerQuarter, int resolution, int microsPerQuarter, int velocity) {
    /** Sixteenth notes, 480 ticks per quarter, 120 quarters per minute, velocity 100. */
    public static final GridConfig SIXTEENTHS = new GridConfig(4, 480, TempoChange.DEFAULT_MICROS_PER_QUARTER, 100);
    /** Quarter notes, as the Boulanger-Lewandowski piano-roll benchmarks use. */
    public static final GridConfig QUARTERS = new GridConfig(1, 480, TempoChange.DEFAULT_MICROS_PER_QUARTER, 100);

    public GridConfig {
        Check.range("steps per quarter", stepsPerQuarter, 1, 96);
        Check.range("resolution", resolution, 1, 32767);
        if (resolution % stepsPerQuarter != 0) {
            throw new IllegalArgumentException(
                    "resolution " + resolution + " is not a multiple of steps per quarter " + stepsPerQuarter);
        }
        new TempoChange(0, microsPerQuarter);
        Check.range("velocity", velocity, 1, 127);
    }

    /** Ticks per grid step in decoded scores. */
    public long ticksPerStep() {
        return resolution / stepsPerQuarter;
    }
}
