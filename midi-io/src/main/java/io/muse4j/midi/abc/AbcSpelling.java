package io.muse4j.midi.abc;

import java.util.HashMap;
import java.util.Map;

/**
 * Spells MIDI pitches as ABC notes in a key, bar by bar: a pitch of the key's scale is written plain, another as a
 * natural where it is one, else with a sharp in sharp keys and a flat in flat keys. An accidental is written only
 * where the key and the accidentals earlier in the bar would give another pitch, as {@link AbcTuneParser} reads them.
 */
final class AbcSpelling {
    private AbcKey key = AbcKey.C_MAJOR;
    private final Map<Integer, Integer> barAccidentals = new HashMap<>();

    /** Changes the key; accidentals of the bar so far are forgotten, as the reader does. */
    void key(int sharps, boolean minor) {
        key = AbcKey.ofSharps(sharps, minor);
        barAccidentals.clear();
    }

    /** Starts a new bar. */
    void bar() {
        barAccidentals.clear();
    }

    /** The ABC spelling of a pitch, without a length, noting any accidental it writes. */
    String note(int pitch) {
        int pitchClass = Math.floorMod(pitch, 12);
        int letter = -1;
        int alteration = 0;
        for (int l = 0; l < 7 && letter < 0; l++) {
            if (Math.floorMod(AbcKey.LETTER_CLASSES[l] + key.alterations()[l], 12) == pitchClass) {
                letter = l;
                alteration = key.alterations()[l];
            }
        }
        for (int l = 0; l < 7 && letter < 0; l++) {
            if (AbcKey.LETTER_CLASSES[l] == pitchClass) {
                letter = l;
            }
        }
        int step = key.sharps() >= 0 ? 1 : -1;
        for (int l = 0; l < 7 && letter < 0; l++) {
            if (Math.floorMod(AbcKey.LETTER_CLASSES[l] + step, 12) == pitchClass) {
                letter = l;
                alteration = step;
            }
        }
        int octave = Math.floorDiv(pitch - alteration - AbcKey.LETTER_CLASSES[letter] - 60, 12);
        int slot = letter * 100 + octave;
        String accidental = "";
        if (barAccidentals.getOrDefault(slot, key.alterations()[letter]) != alteration) {
            accidental = alteration == 0 ? "=" : (alteration > 0 ? "^" : "_").repeat(Math.abs(alteration));
            barAccidentals.put(slot, alteration);
        }
        char name = AbcKey.LETTERS.charAt(letter);
        String marks = octave >= 1 ? "'".repeat(octave - 1) : ",".repeat(-octave);
        return accidental + (octave >= 1 ? Character.toLowerCase(name) : name) + marks;
    }
}
