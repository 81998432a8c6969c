package io.muse4j.midi.abc;

import java.util.ArrayList;
import java.util.List;

/** The small numbers of ABC: note lengths ("3/2", "/", "//") and ending lists ("1", "1,3", "1-2"). */
final class AbcLength {
    private AbcLength() {
    }

    /** A length suffix as {numerator, denominator}: "" is 1, "3" is 3, "/" is 1/2, "//" is 1/4, "3/2" is 3/2. */
    static long[] parse(String text) {
        if (text == null || text.isEmpty()) {
            return new long[] {1, 1};
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            return new long[] {Long.parseLong(text), 1};
        }
        long num = slash == 0 ? 1 : Long.parseLong(text.substring(0, slash));
        String rest = text.substring(slash);
        int slashes = (int) rest.chars().filter(c -> c == '/').count();
        String digits = rest.replace("/", "");
        long den = digits.isEmpty() ? 1L << slashes : Long.parseLong(digits) << (slashes - 1);
        if (den < 1 || den > 1 << 12 || num > 1 << 12) {
            throw new AbcSyntaxError("note length '" + text + "' is outside what ABC tunes use");
        }
        return new long[] {num, den};
    }

    /** The ending numbers of "1", "1,3" or "1-3"; empty for null. */
    static List<Integer> endings(String text) {
        List<Integer> endings = new ArrayList<>();
        if (text == null) {
            return endings;
        }
        for (String part : text.split(",")) {
            String[] range = part.split("-");
            int from = Integer.parseInt(range[0]);
            int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
            for (int e = from; e <= to && e - from < 16; e++) {
                endings.add(e);
            }
        }
        return endings;
    }
}
