package io.muse4j.core.token;

import io.muse4j.core.score.Check;

/**
 * Settings of a {@link RemiTokenizer}.
 *
 * @param stepsPerQuarter grid steps per quarter note (4 = sixteenth notes), 1..96
 * @param maxDurationSteps the longest DURATION in steps; longer notes are cut to it
 * @param velocityBins number of VELOCITY tokens, see {@link VelocityBins}
 * @param tempoBins number of TEMPO tokens, spaced evenly in log tempo from {@code minBpm} to {@code maxBpm}
 * @param minBpm the slowest tempo bin, in quarters per minute
 * @param maxBpm the fastest tempo bin, in quarters per minute
 * @param resolution ticks per quarter of normalized and decoded scores; a multiple of {@code stepsPerQuarter}
 */
public record RemiConfig(int stepsPerQuarter, int maxDurationSteps, int velocityBins, int tempoBins,
                         double minBpm, double maxBpm, int resolution) {
    /** Sixteenth notes, durations up to four whole notes, 32 velocity and 32 tempo bins (40..250), 480 ticks. */
    public static final RemiConfig DEFAULT = new RemiConfig(4, 64, 32, 32, 40, 250, 480);

    public RemiConfig {
        Check.range("steps per quarter", stepsPerQuarter, 1, 96);
        Check.range("max duration steps", maxDurationSteps, 1, 4096);
        new VelocityBins(velocityBins);
        new TempoBins(tempoBins, minBpm, maxBpm);
        Check.range("resolution", resolution, 1, 32767);
        if (resolution % stepsPerQuarter != 0) {
            throw new IllegalArgumentException(
                    "resolution " + resolution + " is not a multiple of steps per quarter " + stepsPerQuarter);
        }
    }

    /** Ticks per grid step in normalized and decoded scores. */
    public int ticksPerStep() {
        return resolution / stepsPerQuarter;
    }
}
