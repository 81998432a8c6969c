package io.muse4j.core.score;

/**
 * The names of the twelve pitch classes, C = 0 .. B = 11, each black key spelt as a {@link Spelling} asks, and of
 * MIDI pitches with their octave (middle C, 60, being C4).
 */
public final class PitchNames {
    /** Each pitch class spelt with a sharp (column 0) and with a flat (column 1); a white key is the same both ways. */
    private static final String[][] NAMES = {
        {"C", "C"}, {"C#", "Db"}, {"D", "D"}, {"D#", "Eb"}, {"E", "E"}, {"F", "F"},
        {"F#", "Gb"}, {"G", "G"}, {"G#", "Ab"}, {"A", "A"}, {"A#", "Bb"}, {"B", "B"}};

    /** How black keys are spelt: a 12-bit mask of the pitch classes spelt with a flat. */
    public enum Spelling {
        /** Every black key with a sharp: C# D# F# G# A#. */
        SHARPS(0),
        /** Chord roots: C# Eb F# Ab Bb. */
        CHORD_ROOTS(1 << 3 | 1 << 8 | 1 << 10),
        /** Major keys' tonics, as key signatures name them most often: Db Eb F# Ab Bb. */
        MAJOR_KEYS(1 << 1 | 1 << 3 | 1 << 8 | 1 << 10),
        /** Minor keys' tonics: C# Eb F# G# Bb. */
        MINOR_KEYS(1 << 3 | 1 << 10);

        private final int flats;

        Spelling(int flats) {
            this.flats = flats;
        }
    }

    private PitchNames() {
    }

    /** The name of pitch class {@code pitchClass} (0..11) spelt as {@code spelling} asks. */
    public static String of(int pitchClass, Spelling spelling) {
        return NAMES[pitchClass][spelling.flats >> pitchClass & 1];
    }

    /** A MIDI pitch's name with sharps and its octave number, such as "C#4" for 61. */
    public static String withOctave(int pitch) {
        return of(pitch % 12, Spelling.SHARPS) + (pitch / 12 - 1);
    }

    /** Whether the pitch is a black key on a piano. */
    public static boolean isBlackKey(int pitch) {
        return NAMES[pitch % 12][0].length() > 1;
    }
}
