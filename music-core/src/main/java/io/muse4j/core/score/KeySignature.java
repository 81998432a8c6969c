package io.muse4j.core.score;

/**
 * A key that holds from {@code tick} until the next change, as MIDI stores it.
 *
 * @param tick where the key starts, at least 0
 * @param sharps sharps (positive) or flats (negative) in the signature, -7..7
 * @param minor whether the key is minor
 */
public record KeySignature(long tick, int sharps, boolean minor) {
    private static final String[] MAJOR = {"Cb", "Gb", "Db", "Ab", "Eb", "Bb", "F", "C", "G", "D", "A", "E", "B", "F#", "C#"};
    private static final String[] MINOR = {"Ab", "Eb", "Bb", "F", "C", "G", "D", "A", "E", "B", "F#", "C#", "G#", "D#", "A#"};

    public KeySignature {
        Check.atLeast("key signature tick", tick, 0);
        Check.range("key signature sharps", sharps, -7, 7);
    }

    /** The key's name, such as "D major" or "F# minor". */
    public String name() {
        return (minor ? MINOR : MAJOR)[sharps + 7] + (minor ? " minor" : " major");
    }
}
