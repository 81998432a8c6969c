package io.muse4j.models.sampling;

import io.muse4j.core.token.Tokenizer;

import java.util.function.Predicate;

/** Generation by duration: how many tokens to allow for some seconds of music, and when there is enough. */
public final class Durations {
    /** Tokens allowed per second asked for, far above any encoding's rate, against endless silence. */
    private static final double TOKENS_PER_SECOND_CAP = 200;
    /** The most tokens one piece may take. */
    public static final int MAX_TOKENS = 200_000;

    private Durations() {
    }

    /** The most tokens that {@code seconds} of music may take. */
    public static int tokenBudget(double seconds) {
        return (int) Math.min(MAX_TOKENS, Math.ceil(seconds * TOKENS_PER_SECOND_CAP));
    }

    /**
     * True once the music after the primer lasts at least {@code seconds}. Decoding is linear in the tokens, so the
     * check runs on every token for the first hundred and then ever more sparsely (overshooting by at most 1%),
     * which keeps long pieces from costing quadratic time.
     */
    public static Predicate<int[]> lasting(Tokenizer tokenizer, int[] primer, double seconds) {
        double primed = tokenizer.seconds(primer);
        return sparsely(tokens -> tokenizer.seconds(tokens) - primed >= seconds);
    }

    /**
     * A check that decodes the tokens so far, asked on every token for the first hundred and then ever more sparsely
     * (on every n/100-th, so it answers at most 1% late): one generation's worth, as it counts the calls.
     */
    public static Predicate<int[]> sparsely(Predicate<int[]> check) {
        int[] asked = {0};
        return tokens -> {
            int n = ++asked[0];
            return n % Math.max(1, n / 100) == 0 && check.test(tokens);
        };
    }
}
