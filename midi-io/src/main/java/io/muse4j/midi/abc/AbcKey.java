package io.muse4j.midi.abc;

import io.muse4j.core.score.KeySignature;

import java.util.Locale;
import java.util.Map;

/**
 * A key as ABC's K: field gives it: a tonic, a mode and optional explicit accidentals ({@code K:D}, {@code K:Ador},
 * {@code K:Em}, {@code K:Amix ^g}, {@code K:none}). Clefs and other K: options after the key are ignored.
 *
 * @param sharps sharps (positive) or flats (negative) of the signature, -7..7, not counting explicit accidentals
 * @param minor whether the mode is minor (m, min, aeolian)
 * @param alterations semitones added to each letter C D E F G A B by the key, explicit accidentals included
 */
record AbcKey(int sharps, boolean minor, int[] alterations) {
    /** The letters in the order of their pitch classes. */
    static final String LETTERS = "CDEFGAB";
    /** The pitch class of each letter in {@link #LETTERS}. */
    static final int[] LETTER_CLASSES = {0, 2, 4, 5, 7, 9, 11};
    static final AbcKey C_MAJOR = ofSharps(0, false);

    private static final String SHARP_ORDER = "FCGDAEB";
    private static final Map<String, Integer> MODE_SHIFT = Map.ofEntries(
            Map.entry("", 0), Map.entry("maj", 0), Map.entry("ion", 0), Map.entry("m", -3), Map.entry("min", -3),
            Map.entry("aeo", -3), Map.entry("mix", -1), Map.entry("dor", -2), Map.entry("phr", -4),
            Map.entry("lyd", 1), Map.entry("loc", -5));
    /** Sharps of the major key on each letter C D E F G A B. */
    private static final int[] MAJOR_SHARPS = {0, 2, 4, -1, 1, 3, 5};

    /** The key of a signature with {@code sharps} sharps (or flats if negative) and no explicit accidentals. */
    static AbcKey ofSharps(int sharps, boolean minor) {
        int[] alterations = new int[7];
        for (int i = 0; i < Math.abs(sharps); i++) {
            char letter = sharps > 0 ? SHARP_ORDER.charAt(i) : SHARP_ORDER.charAt(6 - i);
            alterations[LETTERS.indexOf(letter)] = Integer.signum(sharps);
        }
        return new AbcKey(sharps, minor, alterations);
    }

    /** Parses a K: value; fails with {@link AbcSyntaxError} naming it. */
    static AbcKey parse(String value) {
        String[] words = value.strip().split("\\s+");
        String key = words[0];
        if (key.isEmpty() || key.equalsIgnoreCase("none") || key.startsWith("clef=") || key.equals("HP")) {
            return withExplicit(C_MAJOR, words, key.isEmpty() || key.startsWith("clef=") ? 0 : 1);
        }
        if (key.equals("Hp")) {
            return withExplicit(ofSharps(2, false), words, 1);
        }
        int letter = LETTERS.indexOf(Character.toUpperCase(key.charAt(0)));
        if (letter < 0) {
            throw new AbcSyntaxError("key '" + value.strip() + "' does not start with a tonic A-G");
        }
        int sharps = MAJOR_SHARPS[letter];
        int i = 1;
        if (i < key.length() && (key.charAt(i) == '#' || key.charAt(i) == 'b')) {
            sharps += key.charAt(i) == '#' ? 7 : -7;
            i++;
        }
        String modeText = key.substring(i);
        int next = 1;
        if (modeText.isEmpty() && words.length > 1 && MODE_SHIFT.containsKey(mode(words[1]))) {
            modeText = words[1];
            next = 2;
        }
        String mode = mode(modeText);
        Integer shift = MODE_SHIFT.get(mode);
        if (shift == null) {
            throw new AbcSyntaxError("unknown mode '" + modeText + "' in key '" + value.strip() + "'");
        }
        sharps += shift;
        if (sharps < -7 || sharps > 7) {
            throw new AbcSyntaxError("key '" + value.strip() + "' needs " + sharps + " sharps, outside -7..7");
        }
        boolean minor = mode.equals("m") || mode.equals("min") || mode.equals("aeo");
        return withExplicit(ofSharps(sharps, minor), words, next);
    }

    private static String mode(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.length() > 3 ? lower.substring(0, 3) : lower;
    }

    /** The key with explicit accidentals such as {@code ^g} or {@code _b} from {@code words[from..]} applied. */
    private static AbcKey withExplicit(AbcKey key, String[] words, int from) {
        int[] alterations = key.alterations.clone();
        for (int w = from; w < words.length; w++) {
            String word = words[w];
            if (!word.matches("(\\^{1,2}|_{1,2}|=)[A-Ga-g]")) {
                continue; // clef=, octave=, middle= and the like do not change pitches
            }
            int alteration = word.charAt(0) == '=' ? 0 : (word.charAt(0) == '^' ? 1 : -1) * (word.length() - 1);
            alterations[LETTERS.indexOf(Character.toUpperCase(word.charAt(word.length() - 1)))] = alteration;
        }
        return new AbcKey(key.sharps, key.minor, alterations);
    }

    /** The key's name as a K: value: "D", "F#m", "Bb". */
    static String name(int sharps, boolean minor) {
        return new KeySignature(0, sharps, minor).name().replace(" major", "").replace(" minor", "m");
    }
}
