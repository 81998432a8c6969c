package io.muse4j.core.score;

import io.muse4j.core.harmony.ChordSymbol;

import java.util.Comparator;
import java.util.Optional;

/**
 * A chord symbol written above the music (a lead sheet's "G", "Am7", "D/F#"), holding from {@code tick} until the
 * next one. The text is kept as written, so readers and writers of text formats round-trip it exactly.
 *
 * @param tick where the chord starts, at least 0
 * @param symbol the symbol as written, not blank
 */
public record ChordChange(long tick, String symbol) {
    private static final String[] NAMES = {"C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"};

    /** The canonical order: by tick, then by text. */
    public static final Comparator<ChordChange> ORDER =
            Comparator.comparingLong(ChordChange::tick).thenComparing(ChordChange::symbol);

    public ChordChange {
        Check.atLeast("chord tick", tick, 0);
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("chord symbol at tick " + tick + " must not be blank");
        }
    }

    /** The chord as a {@link ChordSymbol}, ignoring any bass after '/', or empty when its quality is not known. */
    public Optional<ChordSymbol> chord() {
        int slash = symbol.indexOf('/');
        try {
            return Optional.of(ChordSymbol.parse(slash > 0 ? symbol.substring(0, slash) : symbol));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /**
     * This chord with its root and bass moved by {@code semitones}, spelled C C# D Eb E F F# G Ab A Bb B, its quality
     * kept as written ("Am7" up 2 is "Bm7", "D/F#" up 1 is "Eb/G"); text that does not start with a root A-G is
     * kept unchanged.
     */
    public ChordChange transposed(int semitones) {
        int slash = symbol.indexOf('/');
        String chord = slash > 0 ? symbol.substring(0, slash) : symbol;
        String bass = slash > 0 ? "/" + transposeRoot(symbol.substring(slash + 1), semitones) : "";
        return new ChordChange(tick, transposeRoot(chord, semitones) + bass);
    }

    private static String transposeRoot(String text, int semitones) {
        int letter = text.isEmpty() ? -1 : "CDEFGAB".indexOf(text.charAt(0));
        if (letter < 0) {
            return text;
        }
        int pitchClass = new int[] {0, 2, 4, 5, 7, 9, 11}[letter];
        int i = 1;
        while (i < text.length() && (text.charAt(i) == '#' || text.charAt(i) == 'b')) {
            pitchClass += text.charAt(i) == '#' ? 1 : -1;
            i++;
        }
        return NAMES[Math.floorMod(pitchClass + semitones, 12)] + text.substring(i);
    }

    /** This chord moved to another tick. */
    public ChordChange atTick(long newTick) {
        return new ChordChange(newTick, symbol);
    }

    @Override
    public String toString() {
        return symbol + "@" + tick;
    }
}
