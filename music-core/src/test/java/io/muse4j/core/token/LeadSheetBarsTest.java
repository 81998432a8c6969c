package io.muse4j.core.token;

import io.muse4j.core.harmony.ChordSymbol;
import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.token.LeadSheetBars.Bar;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Lead-sheet bars: melody steps, octave folding, chord labels from the accompaniment, meters, decoding. */
class LeadSheetBarsTest {
    private static final int Q = 480;
    private static final int R = LeadSheetBars.REST;

    private static Note on(int track, int pitch, long start, long length) {
        return new Note(pitch, 90, start, length, 0, 0, false, track);
    }

    /** Bar 0: C E G C' in quarters over a C major triad; bar 1: a half-note A3 (folded up) and rest over Am. */
    private static List<Note> twoBars() {
        List<Note> notes = new ArrayList<>(List.of(on(0, 60, 0, Q), on(0, 64, Q, Q), on(0, 67, 2 * Q, Q),
                on(0, 84, 3 * Q, Q), on(0, 57, 4 * Q, 2 * Q)));
        for (int pitch : new int[] {48, 52, 55}) {
            notes.add(on(1, pitch, 0, 4 * Q));
        }
        for (int pitch : new int[] {45, 48, 52}) {
            notes.add(on(1, pitch, 4 * Q, 4 * Q));
        }
        return notes;
    }

    @Test
    void barsHoldTheMelodyStepsAndTheAccompanimentsTriad() {
        List<List<Bar>> runs = LeadSheetBars.encode(NoteSequence.of(Q, twoBars()));
        assertEquals(1, runs.size());
        List<Bar> bars = runs.get(0);
        assertEquals(2, bars.size());
        assertArrayEquals(new int[] {0, 0, 0, 0, 4, 4, 4, 4, 7, 7, 7, 7, 12, 12, 12, 12}, bars.get(0).steps());
        assertArrayEquals(new int[] {9, 9, 9, 9, 9, 9, 9, 9, R, R, R, R, R, R, R, R}, bars.get(1).steps());
        assertEquals("C", LeadSheetBars.chord(bars.get(0).chord()).toString());
        assertEquals("Am", LeadSheetBars.chord(bars.get(1).chord()).toString());
    }

    @Test
    void aBarOfAnotherMeterEndsARunAndOneTrackIsLabelledFromItsMelody() {
        NoteSequence score = NoteSequence.of(Q, twoBars()).toBuilder().timeSignature(0, 4, 4)
                .timeSignature(4 * Q, 3, 4).timeSignature(7 * Q, 4, 4).note(on(0, 62, 7 * Q, Q)).build();
        List<List<Bar>> runs = LeadSheetBars.encode(score);
        assertEquals(2, runs.size());
        assertEquals(1, runs.get(0).size());
        NoteSequence melody = NoteSequence.of(Q, List.of(on(0, 69, 0, Q), on(0, 72, Q, Q), on(0, 76, 2 * Q, 2 * Q)));
        assertEquals("Am", LeadSheetBars.chord(LeadSheetBars.encode(melody).get(0).get(0).chord()).toString());
    }

    @Test
    void decodingStartsANoteWhereTheColumnChanges() {
        int[] bar = {0, 0, 4, 4, R, R, 7, 7, 7, 7, 7, 7, 7, 7, 12, 12};
        NoteSequence decoded = LeadSheetBars.decode(List.of(bar, bar));
        int step = LeadSheetBars.RESOLUTION / 4;
        assertEquals(List.of(Note.of(60, 90, 0, 2 * step), Note.of(64, 90, 2 * step, 2 * step),
                Note.of(67, 90, 6 * step, 8 * step), Note.of(72, 90, 14 * step, 2 * step)),
                decoded.notes().subList(0, 4));
        assertEquals(8, decoded.notes().size());
        List<List<Bar>> again = LeadSheetBars.encode(decoded);
        assertArrayEquals(bar, again.get(0).get(1).steps());
    }

    @Test
    void chordIndicesNameTriadsAndBadBarsAreRefused() {
        assertEquals(12 + 9, LeadSheetBars.chordIndex(ChordSymbol.parse("Am7")));
        assertEquals(7, LeadSheetBars.chordIndex(ChordSymbol.parse("G7")));
        assertEquals(2, LeadSheetBars.column(50));
        assertEquals(23, LeadSheetBars.column(95));
        assertThrows(IllegalArgumentException.class, () -> new Bar(new int[15], 0));
        assertThrows(IllegalArgumentException.class, () -> new Bar(new int[16], 24));
    }
}
