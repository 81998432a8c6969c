package io.muse4j.core.harmony;

import io.muse4j.core.score.PitchNames;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A chord symbol such as {@code C}, {@code F#m}, {@code Bb7} or {@code Ebmaj7}: a root pitch class and a quality.
 * The root is a letter A-G with any number of sharps ({@code #}) or flats ({@code b}); the quality is one of
 * {@link Quality}'s spellings. {@link #parse} and {@link #progression} fail with a message naming the symbol.
 *
 * @param root the root's pitch class, 0 (C) to 11 (B)
 * @param quality the chord's quality
 */
public record ChordSymbol(int root, Quality quality) {
    private static final String LETTERS = "CDEFGAB";
    private static final int[] LETTER_CLASSES = {0, 2, 4, 5, 7, 9, 11};

    /** A chord's quality: its intervals above the root, and its scale for "in the chord's scale" measures. */
    public enum Quality {
        MAJOR(new int[] {0, 4, 7}, Scale.MAJOR, "", "maj", "M"),
        MINOR(new int[] {0, 3, 7}, Scale.MINOR, "m", "min", "-"),
        DOMINANT_SEVENTH(new int[] {0, 4, 7, 10}, Scale.MIXOLYDIAN, "7", "dom7"),
        MAJOR_SEVENTH(new int[] {0, 4, 7, 11}, Scale.MAJOR, "maj7", "M7", "Δ7"),
        MINOR_SEVENTH(new int[] {0, 3, 7, 10}, Scale.DORIAN, "m7", "min7", "-7"),
        DIMINISHED(new int[] {0, 3, 6}, Scale.LOCRIAN, "dim", "o"),
        HALF_DIMINISHED(new int[] {0, 3, 6, 10}, Scale.LOCRIAN, "m7b5", "ø", "ø7"),
        DIMINISHED_SEVENTH(new int[] {0, 3, 6, 9}, Scale.LOCRIAN, "dim7", "o7"),
        AUGMENTED(new int[] {0, 4, 8}, Scale.MAJOR, "aug", "+"),
        SUSPENDED_SECOND(new int[] {0, 2, 7}, Scale.MAJOR, "sus2"),
        SUSPENDED_FOURTH(new int[] {0, 5, 7}, Scale.MAJOR, "sus4", "sus");

        private final int[] intervals;
        private final Scale scale;
        private final List<String> spellings;

        Quality(int[] intervals, Scale scale, String... spellings) {
            this.intervals = intervals;
            this.scale = scale;
            this.spellings = List.of(spellings);
        }

        /** The usual spelling after the root ("" for a major triad). */
        public String symbol() {
            return spellings.get(0);
        }
    }

    /** The seven-note scale that goes with a quality, as intervals above the root. */
    enum Scale {
        MAJOR(0, 2, 4, 5, 7, 9, 11), MINOR(0, 2, 3, 5, 7, 8, 10), MIXOLYDIAN(0, 2, 4, 5, 7, 9, 10),
        DORIAN(0, 2, 3, 5, 7, 9, 10), LOCRIAN(0, 1, 3, 5, 6, 8, 10);

        private final int[] intervals;

        Scale(int... intervals) {
            this.intervals = intervals;
        }
    }

    public ChordSymbol {
        if (root < 0 || root > 11) {
            throw new IllegalArgumentException("chord root " + root + " outside 0..11");
        }
        if (quality == null) {
            throw new IllegalArgumentException("a chord needs a quality");
        }
    }

    /** The chord a symbol names; fails naming the symbol when it is not one. */
    public static ChordSymbol parse(String symbol) {
        String s = symbol.strip();
        if (s.isEmpty() || LETTERS.indexOf(Character.toUpperCase(s.charAt(0))) < 0) {
            throw unknown(symbol, "a chord starts with its root, a letter A-G");
        }
        int root = LETTER_CLASSES[LETTERS.indexOf(Character.toUpperCase(s.charAt(0)))];
        int i = 1;
        while (i < s.length() && (s.charAt(i) == '#' || s.charAt(i) == 'b' && !s.startsWith("b5", i))) {
            root += s.charAt(i) == '#' ? 1 : -1;
            i++;
        }
        String rest = s.substring(i);
        for (Quality quality : Quality.values()) {
            if (quality.spellings.contains(rest)) {
                return new ChordSymbol(Math.floorMod(root, 12), quality);
            }
        }
        throw unknown(symbol, "unknown quality '" + rest + "'");
    }

    private static IllegalArgumentException unknown(String symbol, String why) {
        return new IllegalArgumentException("unknown chord symbol '" + symbol + "': " + why + " (known: C, Cm, C7, "
                + "Cmaj7, Cm7, Cdim, Cm7b5, Cdim7, Caug, Csus2, Csus4, with # or b after the root)");
    }

    /** The chords of a progression written with spaces, bars ({@code |}) or commas between them ("C G Am F"). */
    public static List<ChordSymbol> progression(String text) {
        List<ChordSymbol> chords = new ArrayList<>();
        for (String symbol : text.split("[\\s|,]+")) {
            if (!symbol.isEmpty()) {
                chords.add(parse(symbol));
            }
        }
        if (chords.isEmpty()) {
            throw new IllegalArgumentException("no chords in '" + text + "'");
        }
        return chords;
    }

    /** The pitch classes of the chord's notes, root first. */
    public int[] pitchClasses() {
        return Arrays.stream(quality.intervals).map(i -> (root + i) % 12).toArray();
    }

    /** The pitch classes of the scale that goes with the chord (its root's major scale for a major triad...). */
    public int[] scale() {
        return Arrays.stream(quality.scale.intervals).map(i -> (root + i) % 12).toArray();
    }

    /** Whether a MIDI pitch's class is in the chord's scale. */
    public boolean inScale(int pitch) {
        int pitchClass = Math.floorMod(pitch, 12);
        return Arrays.stream(scale()).anyMatch(c -> c == pitchClass);
    }

    @Override
    public String toString() {
        return PitchNames.of(root, PitchNames.Spelling.CHORD_ROOTS) + quality.symbol();
    }
}
