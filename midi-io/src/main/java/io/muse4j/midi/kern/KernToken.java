package io.muse4j.midi.kern;

import java.util.ArrayList;
import java.util.List;

/**
 * One data token of a **kern spine: a note, a chord (notes separated by spaces) or a rest, with its duration as a
 * fraction of a whole note. A duration is a reciprocal note value ({@code 4} a quarter, {@code 12} a triplet eighth,
 * {@code 0} a breve, {@code 3%2} two thirds of a whole), then dots. A pitch is a letter repeated for its octave
 * ({@code c} middle C, {@code cc} the C above, {@code C} the C below, {@code CC} the one below that) with {@code #}
 * or {@code -} for each sharp or flat. {@code [}, {@code _} and {@code ]} start, continue and end a tie; {@code ;} is
 * a fermata; {@code q} or {@code Q} marks a grace note, which has no duration. Other signs (beams, stems,
 * articulations) do not change what sounds and are skipped.
 *
 * @param duration the token's length, of a whole note; zero for a grace note
 * @param notes its notes; none for a rest
 * @param grace whether it is a grace note or chord
 * @param fermata whether it carries a fermata
 */
record KernToken(Rational duration, List<Pitch> notes, boolean grace, boolean fermata) {
    /** A pitch and its place in a tie. */
    enum Tie { NONE, START, MIDDLE, END }

    /**
     * A sounding note of the token.
     *
     * @param midi its MIDI pitch
     * @param tie where it stands in a tie
     */
    record Pitch(int midi, Tie tie) {
    }

    private static final int[] STEPS = {9, 11, 0, 2, 4, 5, 7}; // a, b, c, d, e, f, g above C

    /** Parses a data token; a token it cannot read is an {@link IllegalArgumentException} saying why. */
    static KernToken parse(String token) {
        List<Pitch> notes = new ArrayList<>();
        Rational duration = null;
        boolean grace = false;
        boolean fermata = false;
        for (String part : token.trim().split(" +")) {
            Sub sub = sub(part);
            if (duration == null || sub.duration != null && sub.duration.compareTo(duration) > 0) {
                duration = sub.duration;
            }
            grace |= sub.grace;
            fermata |= sub.fermata;
            if (sub.pitch != null) {
                notes.add(sub.pitch);
            }
        }
        if (grace) {
            return new KernToken(Rational.ZERO, notes, true, fermata);
        }
        if (duration == null) {
            throw new IllegalArgumentException("\"" + token + "\" has no duration");
        }
        return new KernToken(duration, List.copyOf(notes), false, fermata);
    }

    private record Sub(Rational duration, Pitch pitch, boolean grace, boolean fermata) {
    }

    private static Sub sub(String part) {
        int i = 0;
        int n = part.length();
        Rational duration = null;
        while (i < n && !Character.isDigit(part.charAt(i)) && "abcdefgABCDEFGr".indexOf(part.charAt(i)) < 0) {
            i++; // a tie or slur opening before the duration, such as "[4c" or "(4c"
        }
        int digitsFrom = i;
        while (i < n && Character.isDigit(part.charAt(i))) {
            i++;
        }
        if (i > digitsFrom) {
            duration = reciprocal(part.substring(digitsFrom, i));
            if (i < n && part.charAt(i) == '%') {
                int from = ++i;
                while (i < n && Character.isDigit(part.charAt(i))) {
                    i++;
                }
                if (i == from) {
                    throw new IllegalArgumentException("\"" + part + "\": a % needs a number after it");
                }
                duration = duration.times(Long.parseLong(part.substring(from, i)), 1);
            }
            int dots = 0;
            while (i < n && part.charAt(i) == '.') {
                dots++;
                i++;
            }
            duration = dotted(duration, dots);
        }
        int letter = -1;
        int count = 0;
        boolean upper = false;
        int alter = 0;
        Tie tie = Tie.NONE;
        boolean grace = false;
        boolean fermata = false;
        boolean rest = false;
        for (int j = 0; j < n; j++) {
            char c = part.charAt(j);
            int index = "abcdefg".indexOf(Character.toLowerCase(c));
            if (j >= i && index >= 0 && (letter < 0 || index == letter && Character.isUpperCase(c) == upper)) {
                letter = index;
                upper = Character.isUpperCase(c);
                count++;
            } else if (j >= i && index >= 0) {
                throw new IllegalArgumentException("\"" + part + "\" names two pitches");
            } else if (c == 'r') {
                rest = true;
            } else if (c == '#') {
                alter++;
            } else if (c == '-') {
                alter--;
            } else if (c == '[') {
                tie = Tie.START;
            } else if (c == '_') {
                tie = Tie.MIDDLE;
            } else if (c == ']') {
                tie = Tie.END;
            } else if (c == ';') {
                fermata = true;
            } else if (c == 'q' || c == 'Q') {
                grace = true;
            }
        }
        if (letter < 0 && !rest) {
            throw new IllegalArgumentException("\"" + part + "\" is neither a note nor a rest");
        }
        Pitch pitch = null;
        if (letter >= 0) {
            int octave = upper ? 4 - count : 3 + count;
            int midi = 12 * (octave + 1) + STEPS[letter] + alter;
            if (midi < 0 || midi > 127) {
                throw new IllegalArgumentException("\"" + part + "\" is outside the MIDI range");
            }
            pitch = new Pitch(midi, tie);
        }
        if (duration == null && !grace) {
            throw new IllegalArgumentException("\"" + part + "\" has no duration");
        }
        return new Sub(duration, pitch, grace, fermata);
    }

    /** The length of a reciprocal value: 1/r of a whole note, and 0, 00, 000 for a breve, a long and a maxima. */
    private static Rational reciprocal(String digits) {
        if (digits.chars().allMatch(c -> c == '0')) {
            return new Rational(1L << digits.length(), 1);
        }
        if (digits.length() > 9) {
            throw new IllegalArgumentException("the note value " + digits + " is too short");
        }
        return new Rational(1, Long.parseLong(digits));
    }

    private static Rational dotted(Rational duration, int dots) {
        // each dot adds half of what the last added: d (2 - 1/2^dots)
        long scale = 1L << Math.min(dots, 20);
        return duration.times(2 * scale - 1, scale);
    }
}
