package io.muse4j.audio.transcription;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NoteMatchingTest {
    /** 480 ticks a quarter at 120 bpm: 960 ticks a second, so 48 ticks are 50 ms. */
    private static NoteSequence notes(int... pitchAndTick) {
        var b = NoteSequence.builder(480);
        for (int i = 0; i < pitchAndTick.length; i += 2) {
            b.note(pitchAndTick[i], 80, pitchAndTick[i + 1], 100);
        }
        return b.build();
    }

    @Test
    void onsetsWithinFiftyMillisecondsOfTheSamePitchMatch() {
        NoteSequence ref = notes(60, 0, 62, 480, 64, 960);
        assertScore(3, 3, 3, NoteMatching.score(ref, ref, 0.05));
        assertScore(3, 3, 3, NoteMatching.score(ref, notes(60, 48, 62, 432, 64, 1008), 0.05)); // 50 ms either way
        assertScore(2, 3, 3, NoteMatching.score(ref, notes(60, 49, 62, 480, 64, 960), 0.05)); // 51 ms late
        assertScore(2, 3, 3, NoteMatching.score(ref, notes(61, 0, 62, 480, 64, 960), 0.05)); // wrong pitch
    }

    @Test
    void eachNoteMatchesOnce() {
        NoteSequence ref = notes(60, 0);
        NoteMatching.Score twice = NoteMatching.score(ref, notes(60, 0, 60, 10), 0.05);
        assertScore(1, 1, 2, twice);
        assertEquals(0.5, twice.precision(), 1e-12);
        assertEquals(1.0, twice.recall(), 1e-12);
        assertEquals(2 / 3.0, twice.f1(), 1e-12);
    }

    @Test
    void theMatchingIsAsLargeAsPossible() {
        // estimates at 40 and 90 ms, references at 0 and 60 ms: pairing 40 with 60 (the nearest) would strand 90
        NoteMatching.Score s = NoteMatching.score(notes(60, 0, 60, 58), notes(60, 38, 60, 86), 0.05);
        assertScore(2, 2, 2, s);
        assertEquals(2, NoteMatching.matchSorted(List.of(0.0, 0.06), List.of(0.04, 0.09), 0.05));
    }

    @Test
    void emptyAndDrumCases() {
        NoteSequence none = notes();
        assertEquals(1.0, NoteMatching.score(none, none, 0.05).f1());
        assertEquals(0.0, NoteMatching.score(notes(60, 0), none, 0.05).f1());
        assertEquals(0.0, NoteMatching.score(none, notes(60, 0), 0.05).f1());
        NoteSequence drums = NoteSequence.builder(480).note(new Note(38, 100, 0, 100, 0, 9, true, 0)).build();
        assertScore(0, 0, 0, NoteMatching.score(drums, drums, 0.05));
        assertScore(3, 4, 5, new NoteMatching.Score(1, 2, 2).plus(new NoteMatching.Score(2, 2, 3)));
        assertThrows(IllegalArgumentException.class, () -> NoteMatching.score(none, none, -1));
    }

    private static void assertScore(int matched, int reference, int estimated, NoteMatching.Score s) {
        assertEquals(new NoteMatching.Score(matched, reference, estimated), s);
    }
}
