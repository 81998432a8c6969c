package io.muse4j.core.score;

import io.muse4j.core.harmony.ChordSymbol;
import io.muse4j.core.transform.Slicing;
import io.muse4j.core.transform.Transforms;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Chord symbols on a NoteSequence: canonical order, parsing, and carried through slicing and stretching. */
class ChordChangeTest {
    private static NoteSequence withChords() {
        return NoteSequence.builder(480).note(60, 90, 0, 480).chord(960, "D/F#").chord(0, "G").chord(0, "Am7")
                .build();
    }

    @Test
    void chordsAreSortedByTickThenTextSoEqualContentIsEqual() {
        assertEquals(List.of(new ChordChange(0, "Am7"), new ChordChange(0, "G"), new ChordChange(960, "D/F#")),
                withChords().chords());
        assertEquals(withChords(), withChords().toBuilder().build());
    }

    @Test
    void aChordParsesToAChordSymbolIgnoringTheBassAndIsEmptyWhenUnknown() {
        assertEquals(Optional.of(ChordSymbol.parse("D")), new ChordChange(0, "D/F#").chord());
        assertEquals(Optional.of(ChordSymbol.parse("Am7")), new ChordChange(0, "Am7").chord());
        assertEquals(Optional.empty(), new ChordChange(0, "G13").chord());
    }

    @Test
    void aBlankSymbolOrNegativeTickIsRefusedNamingTheValue() {
        assertEquals("chord symbol at tick 5 must not be blank",
                assertThrows(IllegalArgumentException.class, () -> new ChordChange(5, " ")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ChordChange(-1, "G"));
    }

    @Test
    void slicingAndStretchingMoveChordsWithTheNotes() {
        NoteSequence seq = withChords();
        assertEquals(List.of(new ChordChange(0, "G"), new ChordChange(480, "D/F#")),
                Slicing.slice(seq.withChords(List.of(new ChordChange(0, "G"), new ChordChange(960, "D/F#"))), 480,
                        1920).chords());
        assertEquals(List.of(new ChordChange(0, "Am7"), new ChordChange(0, "G"), new ChordChange(1920, "D/F#")),
                Transforms.stretch(seq, 2).chords());
    }

    @Test
    void theSevenArgumentConstructorGivesNoChords() {
        NoteSequence seq = new NoteSequence(480, List.of(), List.of(), List.of(), List.of(), List.of(), Metadata.EMPTY);
        assertEquals(List.of(), seq.chords());
    }

    @Test
    void transposingMovesRootAndBassAndKeepsTheQuality() {
        assertEquals("Bm7", new ChordChange(0, "Am7").transposed(2).symbol());
        assertEquals("Eb/G", new ChordChange(0, "D/F#").transposed(1).symbol());
        assertEquals("Bbmaj7", new ChordChange(0, "Cmaj7").transposed(-2).symbol());
        assertEquals("F#m7b5", new ChordChange(0, "Gbm7b5").transposed(12).symbol());
        assertEquals("N.C.", new ChordChange(0, "N.C.").transposed(3).symbol());
    }

    @Test
    void transposingASequenceTransposesItsChords() {
        assertEquals(List.of(new ChordChange(0, "A"), new ChordChange(0, "Bm7"), new ChordChange(960, "E/Ab")),
                Transforms.transpose(withChords(), 2, 0, 127).chords());
    }
}
