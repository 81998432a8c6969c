package io.muse4j.core.token;

import io.muse4j.core.score.Check;

/**
 * Settings of a {@link PerformanceTokenizer}.
 *
 * @param stepsPerSecond time resolution; must divide 1000 so that a step is a whole number of milliseconds
 *                       (decoded scores count time in milliseconds)
 * @param maxShiftSteps the longest TIME_SHIFT, in steps; longer gaps take several shifts
 * @param velocityBins number of VELOCITY tokens, see {@link VelocityBins}
 */
public record PerformanceConfig(int stepsPerSecond, int maxShiftSteps, int velocityBins) {
    /** Magenta's Performance RNN setting: 10 ms steps, shifts up to 1 s, 32 velocity bins (388 ids). */
    public static final PerformanceConfig DEFAULT = new PerformanceConfig(100, 100, 32);

    public PerformanceConfig {
        Check.range("steps per second", stepsPerSecond, 1, 1000);
        if (1000 % stepsPerSecond != 0) {
            throw new IllegalArgumentException("steps per second " + stepsPerSecond
                    + " must divide 1000, so that a step is a whole number of milliseconds");
        }
        Check.range("max time shift steps", maxShiftSteps, 1, 10_000);
        new VelocityBins(velocityBins);
    }

    /** The length of one step in milliseconds. */
    public int millisPerStep() {
        return 1000 / stepsPerSecond;
    }

    /** The number of ids: 128 note-ons, 128 note-offs, the time shifts and the velocity bins. */
    public int vocabularySize() {
        return 256 + maxShiftSteps + velocityBins;
    }
}
