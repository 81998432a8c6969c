package io.muse4j.core.stats;

import io.muse4j.core.token.VoiceRoll;

/**
 * The textbook errors of four-part writing (soprano, alto, tenor, bass as voices 0..3 of a {@link VoiceRoll}),
 * counted over its chords: the steps where all four voices sound and at least one starts a note.
 * <ul>
 *   <li>parallel fifths and octaves: two voices both moving the same way from one chord to the next, a perfect fifth
 *       (or unison or octave), compound intervals included, apart in both;</li>
 *   <li>crossings: chords where a voice sounds below the voice under it;</li>
 *   <li>out of range: voice notes of chords outside the usual ranges (soprano C4-G5, alto G3-D5, tenor C3-G4, bass
 *       E2-C4);</li>
 *   <li>wide spacing: chords with more than an octave between soprano and alto or alto and tenor;</li>
 *   <li>in key: of the alto, tenor and bass notes, those in the scale of a given key (for a minor key its natural
 *       scale with the raised sixth and seventh).</li>
 * </ul>
 *
 * @param chords chords counted
 * @param parallelFifths pairs of voices moving in parallel fifths, over all chord changes
 * @param parallelOctaves the same for unisons and octaves
 * @param crossings chords with a crossing
 * @param outOfRange voice notes out of range
 * @param wideSpacings chords spaced too widely
 * @param lowerNotes notes started by the alto, tenor and bass
 * @param lowerNotesInKey those of them in the key
 */
public record VoiceLeading(int chords, int parallelFifths, int parallelOctaves, int crossings, int outOfRange,
                           int wideSpacings, int lowerNotes, int lowerNotesInKey) {
    private static final int[] LOWEST = {60, 55, 48, 40};
    private static final int[] HIGHEST = {79, 74, 67, 60};
    private static final int VOICES = 4;
    private static final int[] MAJOR = {0, 2, 4, 5, 7, 9, 11};
    private static final int[] MINOR = {0, 2, 3, 5, 7, 8, 9, 10, 11};

    /** No chords. */
    public static final VoiceLeading NONE = new VoiceLeading(0, 0, 0, 0, 0, 0, 0, 0);

    /** The counts of a four-voice roll, its lower notes weighed against {@code key}. */
    public static VoiceLeading of(VoiceRoll roll, KeyEstimate key) {
        if (roll.voices() != VOICES && roll.length() > 0) {
            throw new IllegalArgumentException("voice leading is counted on four voices, not " + roll.voices());
        }
        int chords = 0;
        int fifths = 0;
        int octaves = 0;
        int crossings = 0;
        int outOfRange = 0;
        int wide = 0;
        int lower = 0;
        int inKey = 0;
        int[] previous = null;
        for (int s = 0; s < roll.length(); s++) {
            for (int v = 1; v < VOICES; v++) {
                if (roll.onset(s, v)) {
                    lower++;
                    inKey += inScale(roll.pitch(s, v), key) ? 1 : 0;
                }
            }
            int[] chord = chordAt(roll, s);
            if (chord == null) {
                continue;
            }
            chords++;
            crossings += crossed(chord) ? 1 : 0;
            wide += wide(chord) ? 1 : 0;
            for (int v = 0; v < VOICES; v++) {
                outOfRange += chord[v] < LOWEST[v] || chord[v] > HIGHEST[v] ? 1 : 0;
            }
            if (previous != null) {
                fifths += parallels(previous, chord, 7);
                octaves += parallels(previous, chord, 0);
            }
            previous = chord;
        }
        return new VoiceLeading(chords, fifths, octaves, crossings, outOfRange, wide, lower, inKey);
    }

    /**
     * The errors a chord (soprano first, four MIDI pitches) makes after {@code previous} (null at the first chord):
     * its parallel fifths and octaves, and one each for a crossing and for wide spacing.
     */
    public static int errors(int[] previous, int[] chord) {
        int errors = (crossed(chord) ? 1 : 0) + (wide(chord) ? 1 : 0);
        return previous == null ? errors : errors + parallels(previous, chord, 7) + parallels(previous, chord, 0);
    }

    /** The counts of both together. */
    public VoiceLeading plus(VoiceLeading o) {
        return new VoiceLeading(chords + o.chords, parallelFifths + o.parallelFifths,
                parallelOctaves + o.parallelOctaves, crossings + o.crossings, outOfRange + o.outOfRange,
                wideSpacings + o.wideSpacings, lowerNotes + o.lowerNotes, lowerNotesInKey + o.lowerNotesInKey);
    }

    /** A count per 100 chords. */
    public double per100Chords(int count) {
        return chords == 0 ? 0 : 100.0 * count / chords;
    }

    /** The share of the lower voices' notes in the key. */
    public double inKeyShare() {
        return lowerNotes == 0 ? 0 : (double) lowerNotesInKey / lowerNotes;
    }

    private static int[] chordAt(VoiceRoll roll, int s) {
        int[] chord = new int[VOICES];
        boolean starts = false;
        for (int v = 0; v < VOICES; v++) {
            chord[v] = roll.pitch(s, v);
            if (chord[v] == VoiceRoll.REST) {
                return null;
            }
            starts |= roll.onset(s, v);
        }
        return starts ? chord : null;
    }

    private static boolean wide(int[] chord) {
        return chord[0] - chord[1] > 12 || chord[1] - chord[2] > 12;
    }

    private static boolean crossed(int[] chord) {
        for (int v = 0; v + 1 < VOICES; v++) {
            if (chord[v] < chord[v + 1]) {
                return true;
            }
        }
        return false;
    }

    /** Pairs of voices moving the same way with the interval class {@code interval} (0 or 7) before and after. */
    private static int parallels(int[] from, int[] to, int interval) {
        int count = 0;
        for (int upper = 0; upper < VOICES; upper++) {
            for (int lowerVoice = upper + 1; lowerVoice < VOICES; lowerVoice++) {
                int moveUpper = Integer.signum(to[upper] - from[upper]);
                int moveLower = Integer.signum(to[lowerVoice] - from[lowerVoice]);
                boolean before = Math.floorMod(from[upper] - from[lowerVoice], 12) == interval;
                boolean after = Math.floorMod(to[upper] - to[lowerVoice], 12) == interval;
                count += moveUpper != 0 && moveUpper == moveLower && before && after ? 1 : 0;
            }
        }
        return count;
    }

    private static boolean inScale(int pitch, KeyEstimate key) {
        int degree = Math.floorMod(pitch - key.tonic(), 12);
        for (int d : key.minor() ? MINOR : MAJOR) {
            if (d == degree) {
                return true;
            }
        }
        return false;
    }
}
