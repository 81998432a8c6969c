package io.muse4j.midi.abc;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsing of the M: (meter), L: (unit note length) and Q: (tempo) field values. */
final class AbcFields {
    private static final Pattern FRACTION = Pattern.compile("(\\d+)/(\\d+)");
    private static final Pattern METER = Pattern.compile("\\(?([\\d+]+)\\)?/(\\d+)");
    private static final Pattern TEMPO = Pattern.compile(
            "(?:\"[^\"]*\"\\s*)?(?:((?:\\d+/\\d+\\s*)+)=\\s*)?(\\d+(?:\\.\\d+)?)(?:\\s*\"[^\"]*\")?");

    private AbcFields() {
    }

    /** A meter as {numerator, denominator}: {@code C} is 4/4, {@code C|} 2/2, {@code 2+3/8} 5/8; null for none. */
    static int[] meter(String value) {
        String v = value.strip();
        if (v.equals("C")) {
            return new int[] {4, 4};
        }
        if (v.equals("C|")) {
            return new int[] {2, 2};
        }
        if (v.isEmpty() || v.equalsIgnoreCase("none")) {
            return null;
        }
        Matcher m = METER.matcher(v);
        if (!m.matches()) {
            throw new AbcSyntaxError("meter '" + v + "' is not C, C|, none or n/d");
        }
        int numerator = 0;
        for (String part : m.group(1).split("\\+")) {
            numerator += part.isEmpty() ? 0 : Integer.parseInt(part);
        }
        int denominator = Integer.parseInt(m.group(2));
        if (numerator < 1 || numerator > 255 || denominator < 1 || denominator > 64
                || Integer.bitCount(denominator) != 1) {
            throw new AbcSyntaxError("meter '" + v + "' must be n/d with n in 1..255 and d a power of two up to 64");
        }
        return new int[] {numerator, denominator};
    }

    /** A unit note length as numerator and denominator of a whole note ({@code 1/8}). */
    static int[] unitLength(String value) {
        String v = value.strip().split("\\s")[0];
        Matcher m = FRACTION.matcher(v);
        if (!m.matches() || Integer.parseInt(m.group(1)) < 1 || Integer.parseInt(m.group(2)) < 1) {
            throw new AbcSyntaxError("unit note length '" + value.strip() + "' is not a fraction such as 1/8");
        }
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    /**
     * A tempo in quarter notes per minute. {@code Q:1/4=120} and {@code Q:3/8=80} name the beat; a bare
     * {@code Q:180} counts quarter notes, as the MIDI renderings of the folk corpora do.
     */
    static double quartersPerMinute(String value) {
        String v = value.strip();
        Matcher m = TEMPO.matcher(v);
        if (!m.matches()) {
            throw new AbcSyntaxError("tempo '" + v + "' is not n, a/b=n or \"text\" a/b=n");
        }
        double perMinute = Double.parseDouble(m.group(2));
        double beatWholes = 0.25;
        if (m.group(1) != null) {
            beatWholes = 0;
            Matcher f = FRACTION.matcher(m.group(1));
            while (f.find()) {
                beatWholes += Double.parseDouble(f.group(1)) / Double.parseDouble(f.group(2));
            }
        }
        double quarters = perMinute * beatWholes * 4;
        if (!(quarters > 0) || quarters > 10_000) {
            throw new AbcSyntaxError(
                    "tempo '" + v + "' gives " + quarters + " quarters per minute, outside (0, 10000]");
        }
        return quarters;
    }
}
