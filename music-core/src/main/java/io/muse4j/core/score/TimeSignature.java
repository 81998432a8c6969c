package io.muse4j.core.score;

/**
 * A meter that holds from {@code tick} until the next change.
 *
 * @param tick where the meter starts, at least 0
 * @param numerator beats per bar, 1..255
 * @param denominator the beat's note value, a power of two from 1 to 64
 */
public record TimeSignature(long tick, int numerator, int denominator) {
    public TimeSignature {
        Check.atLeast("time signature tick", tick, 0);
        Check.range("time signature numerator", numerator, 1, 255);
        if (denominator < 1 || denominator > 64 || Integer.bitCount(denominator) != 1) {
            throw new IllegalArgumentException(
                    "time signature denominator " + denominator + " must be a power of two from 1 to 64");
        }
    }

    /** The length of one bar in ticks at the given resolution, or -1 if it is not a whole number of ticks. */
    public long barTicks(int resolution) {
        long numeratorTicks = (long) numerator * resolution * 4;
        return numeratorTicks % denominator == 0 ? numeratorTicks / denominator : -1;
    }

    /**
     * The length of one beat in ticks at the given resolution: a dotted quarter in compound meters (6/8, 9/8, 12/8
     * and the like), else one unit of the meter; -1 if it is not a whole number of ticks.
     */
    public long beatTicks(int resolution) {
        long units = numerator % 3 == 0 && numerator > 3 && denominator == 8 ? 3 : 1;
        long unitTicks = (long) resolution * 4;
        return unitTicks % denominator == 0 ? units * unitTicks / denominator : -1;
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator + "@" + tick;
    }
}
