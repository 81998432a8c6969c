package io.muse4j.core.harmony;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Chord symbols: a table of symbols and what they parse to, progressions, and the errors. */
class ChordSymbolTest {
    @Test
    void symbolsParseToRootAndQuality() {
        Object[][] table = {
            {"C", 0, ChordSymbol.Quality.MAJOR}, {"Am", 9, ChordSymbol.Quality.MINOR},
            {"F#m7", 6, ChordSymbol.Quality.MINOR_SEVENTH}, {"Bb7", 10, ChordSymbol.Quality.DOMINANT_SEVENTH},
            {"Ebmaj7", 3, ChordSymbol.Quality.MAJOR_SEVENTH}, {"Bdim", 11, ChordSymbol.Quality.DIMINISHED},
            {"Bm7b5", 11, ChordSymbol.Quality.HALF_DIMINISHED}, {"C#dim7", 1, ChordSymbol.Quality.DIMINISHED_SEVENTH},
            {"Gaug", 7, ChordSymbol.Quality.AUGMENTED}, {"Dsus4", 2, ChordSymbol.Quality.SUSPENDED_FOURTH},
            {"Dsus2", 2, ChordSymbol.Quality.SUSPENDED_SECOND}, {"Cb", 11, ChordSymbol.Quality.MAJOR},
            {"Emin", 4, ChordSymbol.Quality.MINOR}, {"g", 7, ChordSymbol.Quality.MAJOR},
        };
        for (Object[] row : table) {
            assertEquals(new ChordSymbol((int) row[1], (ChordSymbol.Quality) row[2]), ChordSymbol.parse((String) row[0]),
                    (String) row[0]);
        }
        assertEquals("F#m7", ChordSymbol.parse("F#m7").toString());
    }

    @Test
    void progressionsSplitOnSpacesBarsAndCommas() {
        assertEquals(List.of(ChordSymbol.parse("C"), ChordSymbol.parse("G"), ChordSymbol.parse("Am"),
                ChordSymbol.parse("F")), ChordSymbol.progression(" C G | Am,F "));
    }

    @Test
    void chordsKnowTheirNotesAndScale() {
        assertArrayEquals(new int[] {9, 0, 4}, ChordSymbol.parse("Am").pitchClasses());
        assertArrayEquals(new int[] {7, 9, 11, 0, 2, 4, 5}, ChordSymbol.parse("G7").scale());
        assertTrue(ChordSymbol.parse("C").inScale(71));
        assertFalse(ChordSymbol.parse("C").inScale(70));
    }

    @Test
    void unknownSymbolsAreNamed() {
        IllegalArgumentException quality = assertThrows(IllegalArgumentException.class,
                () -> ChordSymbol.progression("C G Axyz F"));
        assertTrue(quality.getMessage().startsWith("unknown chord symbol 'Axyz': unknown quality 'xyz'"),
                quality.getMessage());
        IllegalArgumentException root = assertThrows(IllegalArgumentException.class, () -> ChordSymbol.parse("Hm"));
        assertTrue(root.getMessage().startsWith("unknown chord symbol 'Hm': a chord starts with its root"),
                root.getMessage());
        assertEquals("no chords in ' | '", assertThrows(IllegalArgumentException.class,
                () -> ChordSymbol.progression(" | ")).getMessage());
    }
}
