package io.muse4j.core.stats;

import io.muse4j.core.token.VoiceRoll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VoiceLeadingTest {
    private static final KeyEstimate C_MAJOR = new KeyEstimate(0, false, 1);

    @Test
    void countsParallelFifthsAndOctavesBetweenChords() {
        // C major to D minor with every voice moving up: soprano and bass in octaves (72/48 -> 74/50), tenor and bass
        // in fifths (55/48 -> 57/50)
        VoiceRoll roll = VoiceRoll.held(new int[][] {{72, 64, 55, 48}, {74, 65, 57, 50}});
        VoiceLeading v = VoiceLeading.of(roll, C_MAJOR);
        assertEquals(2, v.chords());
        assertEquals(1, v.parallelFifths());
        assertEquals(1, v.parallelOctaves());
        assertEquals(0, v.crossings());
        assertEquals(6, v.lowerNotes());
        assertEquals(6, v.lowerNotesInKey());
    }

    @Test
    void contraryMotionIntoAFifthIsNoParallel() {
        VoiceRoll roll = VoiceRoll.held(new int[][] {{72, 64, 55, 48}, {71, 62, 55, 43}});
        assertEquals(0, VoiceLeading.of(roll, C_MAJOR).parallelFifths());
    }

    @Test
    void crossingsRangesSpacingAndKey() {
        VoiceRoll roll = VoiceRoll.held(new int[][] {{81, 60, 62, 37}, {81, 60, 62, 37}});
        VoiceLeading v = VoiceLeading.of(roll, C_MAJOR);
        assertEquals(1, v.chords(), "a chord is counted where a note starts, not where all are held");
        assertEquals(1, v.crossings(), "the tenor above the alto");
        assertEquals(2, v.outOfRange(), "the soprano's A5 and the bass's C#2");
        assertEquals(1, v.wideSpacings(), "21 semitones between soprano and alto");
        assertEquals(3, v.lowerNotes());
        assertEquals(2, v.lowerNotesInKey(), "C#2 is out of C major");
        assertEquals(100.0, v.per100Chords(v.crossings()));
    }

    @Test
    void aChordNeedsAllFourVoices() {
        VoiceRoll roll = VoiceRoll.held(new int[][] {{72, VoiceRoll.REST, 55, 48}});
        assertEquals(0, VoiceLeading.of(roll, C_MAJOR).chords());
    }
}
