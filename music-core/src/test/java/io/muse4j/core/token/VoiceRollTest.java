package io.muse4j.core.token;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VoiceRollTest {
    private static final int R = VoiceRoll.REST;

    @Test
    void heldFramesAreOneNoteAndRestsEndThem() {
        VoiceRoll roll = VoiceRoll.held(new int[][] {{72, 60}, {72, 60}, {74, R}, {74, 60}});
        assertTrue(roll.onset(0, 0));
        assertFalse(roll.onset(1, 0));
        assertTrue(roll.onset(2, 0));
        assertTrue(roll.onset(3, 1), "a note after a rest starts again");
        List<Note> notes = roll.toNotes(480, 4, 90);
        assertEquals(List.of(new Note(72, 90, 0, 240, 0, 0, false, 0), new Note(74, 90, 240, 240, 0, 0, false, 0),
                new Note(60, 90, 0, 240, 0, 1, false, 1), new Note(60, 90, 360, 120, 0, 1, false, 1)), notes);
    }

    @Test
    void tracksReadAsVoicesAndBackThroughNotes() {
        NoteSequence score = NoteSequence.builder(480)
                .note(new Note(72, 90, 0, 480, 0, 0, false, 0)).note(new Note(72, 90, 480, 240, 0, 0, false, 0))
                .note(new Note(55, 90, 0, 960, 0, 1, false, 3)).build();
        VoiceRoll roll = VoiceRoll.of(score, 2, 4);
        assertEquals(8, roll.length());
        assertTrue(roll.onset(4, 0), "a repeated pitch stays two notes");
        assertEquals(R, roll.pitch(7, 0));
        assertEquals(55, roll.pitch(7, 1), "the second track present is voice 1, whatever its number");
        assertEquals(roll, VoiceRoll.of(NoteSequence.of(480, roll.toNotes(480, 4, 90)), 2, 4));
    }

    @Test
    void aLaterOnsetCutsTheNoteSoundingInItsVoice() {
        NoteSequence score = NoteSequence.of(480, List.of(Note.of(60, 90, 0, 960), Note.of(64, 90, 240, 240)));
        VoiceRoll roll = VoiceRoll.of(score, 1, 4);
        assertEquals(List.of(60, 64, R, R), List.of(roll.pitch(1, 0), roll.pitch(2, 0), roll.pitch(4, 0),
                roll.pitch(7, 0)));
    }

    @Test
    void sliceStartsHeldNotesAndTransposeMovesPitches() {
        VoiceRoll roll = VoiceRoll.held(new int[][] {{60}, {60}, {62}});
        VoiceRoll slice = roll.slice(1, 3);
        assertTrue(slice.onset(0, 0));
        assertEquals(63, slice.transposed(1).pitch(1, 0));
        assertThrows(IllegalArgumentException.class, () -> roll.transposed(100));
    }

    @Test
    void aScoreTooLongForTheGridIsRefusedBeforeAnythingIsAllocated() {
        NoteSequence far = NoteSequence.of(1, List.of(Note.of(60, 90, Integer.MAX_VALUE, 1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VoiceRoll.of(far, 1, 4));
        assertTrue(e.getMessage().contains("at most 1,048,576"), e.getMessage());
    }

    @Test
    void aHoldOfASilentVoiceIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new VoiceRoll(new int[][] {{R}, {60}}, new boolean[][] {{false}, {false}}));
        assertTrue(e.getMessage().contains("step 1, voice 0"), e.getMessage());
    }
}
