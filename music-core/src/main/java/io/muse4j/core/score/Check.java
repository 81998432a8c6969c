package io.muse4j.core.score;

/** Argument checks whose messages name the value and the allowed range. */
public final class Check {
    private Check() {
    }

    /** Fails unless {@code min <= value <= max}. */
    public static void range(String what, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " " + value + " outside " + min + ".." + max);
        }
    }

    /** Fails unless {@code value >= min}. */
    public static void atLeast(String what, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(what + " " + value + " must be at least " + min);
        }
    }

    /** Fails unless the value is a finite number above zero. */
    public static void positive(String what, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " " + value + " must be a finite number above 0");
        }
    }
}
