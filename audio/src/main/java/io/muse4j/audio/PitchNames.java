package io.muse4j.audio;

/** Note names with octave numbers, middle C (60) being C4. */
final class PitchNames {
    private static final String[] NAMES = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};

    private PitchNames() {
    }

    static String of(int pitch) {
        return NAMES[pitch % 12] + (pitch / 12 - 1);
    }

    /** Whether the pitch is a black key on a piano. */
    static boolean isBlackKey(int pitch) {
        return NAMES[pitch % 12].length() > 1;
    }
}
