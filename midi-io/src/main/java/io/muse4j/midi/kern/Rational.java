package io.muse4j.midi.kern;

/**
 * A non-negative fraction in lowest terms, for kern's durations and onsets, which are exact fractions of a whole note
 * (a triplet eighth is 1/12). Numerators and denominators stay small in real scores; an overflow fails loudly.
 */
record Rational(long num, long den) implements Comparable<Rational> {
    static final Rational ZERO = new Rational(0, 1);

    Rational {
        if (den <= 0 || num < 0) {
            throw new IllegalArgumentException("not a duration: " + num + "/" + den);
        }
        long g = gcd(num, den);
        num /= g;
        den /= g;
    }

    Rational plus(Rational other) {
        return new Rational(Math.addExact(Math.multiplyExact(num, other.den), Math.multiplyExact(other.num, den)),
                Math.multiplyExact(den, other.den));
    }

    Rational minus(Rational other) {
        return new Rational(Math.subtractExact(Math.multiplyExact(num, other.den), Math.multiplyExact(other.num, den)),
                Math.multiplyExact(den, other.den));
    }

    Rational times(long factor, long divisor) {
        return new Rational(Math.multiplyExact(num, factor), Math.multiplyExact(den, divisor));
    }

    @Override
    public int compareTo(Rational other) {
        return Long.compare(Math.multiplyExact(num, other.den), Math.multiplyExact(other.num, den));
    }

    static long gcd(long a, long b) {
        return b == 0 ? Math.max(a, 1) : gcd(b, a % b);
    }
}
