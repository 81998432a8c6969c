package io.muse4j.core.random;

/**
 * The one way a seed is mixed with a counter (a step, an epoch, a hash of the data) into the seed of a fresh
 * generator, so that a resumed run draws what an uninterrupted one would.
 */
public final class Seeds {
    /** The multiplier that spreads a seed before a value is added: a prime, so nearby seeds do not collide. */
    private static final long PRIME = 1_000_003L;

    private Seeds() {
    }

    /** {@code seed * 1_000_003 + value}, wrapping as long arithmetic does. */
    public static long mix(long seed, long value) {
        return seed * PRIME + value;
    }
}
