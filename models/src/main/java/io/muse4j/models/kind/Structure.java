package io.muse4j.models.kind;

import java.util.Locale;

/**
 * Structure imposed on generated music: a form, a letter a bar, in which bars with the same letter are the same
 * bar, and a key whose scale every note keeps to. A kind that generates under imposed structure honours both exactly
 * ({@link ModelKind#generate(SavedModel, io.muse4j.models.sampling.GenerationRequest, Structure)}).
 *
 * @param form a letter a bar, A to Z, or '.' for a bar left free; bars after the form are free; "" for no form
 * @param key the key, or null for none
 */
public record Structure(String form, Key key) {
    /** No structure. */
    public static final Structure NONE = new Structure("", null);

    public Structure {
        for (int i = 0; i < form.length(); i++) {
            char c = form.charAt(i);
            if (c != '.' && (c < 'A' || c > 'Z')) {
                throw new IllegalArgumentException("a form is a letter A to Z a bar, or '.' for a free bar, such as "
                        + "AB..AB, not " + form);
            }
        }
    }

    /** Bars the form spans. */
    public int formBars() {
        return form.length();
    }

    /**
     * The earlier bar that {@code bar} (from 0) repeats, the first with its letter; the bar itself where it is the
     * first, free or after the form.
     */
    public int source(int bar) {
        if (bar >= form.length() || form.charAt(bar) == '.') {
            return bar;
        }
        return form.indexOf(form.charAt(bar));
    }

    /** Share of the bars the form ties to an earlier bar, of {@code bars}. */
    public double tiedShare(int bars) {
        int tied = 0;
        for (int bar = 0; bar < bars; bar++) {
            tied += source(bar) != bar ? 1 : 0;
        }
        return bars == 0 ? 0 : (double) tied / bars;
    }

    /**
     * A key: its tonic's pitch class and mode. A major key's notes are its major scale; a minor key's its natural
     * minor scale with the raised sixth and seventh of the melodic and harmonic minor (the leading tone a cadence
     * needs).
     *
     * @param tonic the tonic's pitch class, 0 (C) .. 11 (B)
     * @param minor whether the key is minor
     */
    public record Key(int tonic, boolean minor) {
        private static final int[] MAJOR = {0, 2, 4, 5, 7, 9, 11};
        private static final int[] MINOR = {0, 2, 3, 5, 7, 8, 9, 10, 11};
        private static final String LETTERS = "C.D.EF.G.A.B";

        public Key {
            if (tonic < 0 || tonic > 11) {
                throw new IllegalArgumentException("tonic pitch class " + tonic + " outside 0..11");
            }
        }

        /**
         * A key as users write it: a letter, an optional # or b, and m or minor for a minor key (G, F#m, Bb minor,
         * "e minor"); anything else is refused with an example.
         */
        public static Key parse(String text) {
            String s = text.trim();
            int letter = s.isEmpty() ? -1 : LETTERS.indexOf(Character.toUpperCase(s.charAt(0)));
            if (letter < 0 || s.charAt(0) == '.') {
                throw new IllegalArgumentException("a key is a tonic and an optional m for minor, such as G, F#m or "
                        + "Bb minor, not \"" + text + "\"");
            }
            int i = 1;
            int tonic = letter;
            if (i < s.length() && (s.charAt(i) == '#' || s.charAt(i) == 'b')) {
                tonic += s.charAt(i) == '#' ? 1 : -1;
                i++;
            }
            String mode = s.substring(i).trim().toLowerCase(Locale.ROOT);
            boolean minor = mode.equals("m") || mode.equals("min") || mode.equals("minor");
            if (!minor && !mode.isEmpty() && !mode.equals("major") && !mode.equals("maj")) {
                throw new IllegalArgumentException("a key is a tonic and an optional m for minor, such as G, F#m or "
                        + "Bb minor, not \"" + text + "\"");
            }
            return new Key(Math.floorMod(tonic, 12), minor);
        }

        /** Whether the pitch's class is one of the key's notes. */
        public boolean allows(int pitch) {
            int degree = Math.floorMod(pitch - tonic, 12);
            for (int allowed : minor ? MINOR : MAJOR) {
                if (allowed == degree) {
                    return true;
                }
            }
            return false;
        }
    }
}
