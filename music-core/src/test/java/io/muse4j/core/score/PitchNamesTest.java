package io.muse4j.core.score;

import io.muse4j.core.score.PitchNames.Spelling;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PitchNamesTest {
    /** The tables each spelling replaced, as their classes wrote them. */
    @Test
    void spellsAsTheTablesItReplaced() {
        assertArrayEquals(new String[] {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"},
                names(Spelling.SHARPS));
        assertArrayEquals(new String[] {"C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"},
                names(Spelling.CHORD_ROOTS));
        assertArrayEquals(new String[] {"C", "Db", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"},
                names(Spelling.MAJOR_KEYS));
        assertArrayEquals(new String[] {"C", "C#", "D", "Eb", "E", "F", "F#", "G", "G#", "A", "Bb", "B"},
                names(Spelling.MINOR_KEYS));
    }

    @Test
    void namesPitchesWithOctaves() {
        assertEquals("C4", PitchNames.withOctave(60));
        assertEquals("C#4", PitchNames.withOctave(61));
        assertEquals("C-1", PitchNames.withOctave(0));
        assertEquals("G9", PitchNames.withOctave(127));
        assertTrue(PitchNames.isBlackKey(70));
        assertFalse(PitchNames.isBlackKey(71));
    }

    private static String[] names(Spelling spelling) {
        String[] names = new String[12];
        for (int pc = 0; pc < 12; pc++) {
            names[pc] = PitchNames.of(pc, spelling);
        }
        return names;
    }
}
