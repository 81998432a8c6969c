package io.muse4j.midi;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import jm.music.data.Part;
import jm.music.data.Phrase;
import jm.music.data.Score;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JMusicAdapterTest {
    @Test
    void melodyAndChordsComeBackAsTheyWent() {
        NoteSequence seq = NoteSequence.builder(480).tempoBpm(0, 90).timeSignature(0, 3, 4).keySignature(0, 1, false)
                .note(new Note(67, 90, 0, 480, 73, 0, false, 0)).note(new Note(69, 80, 960, 240, 73, 0, false, 0))
                .note(new Note(48, 70, 0, 1440, 0, 1, false, 1)).note(new Note(52, 70, 0, 1440, 0, 1, false, 1))
                .note(new Note(55, 60, 480, 960, 0, 1, false, 1)).note(new Note(38, 100, 0, 60, 0, 9, true, 2))
                .trackName(0, "flute").trackName(1, "piano").trackName(2, "drums").build();
        Score score = JMusicAdapter.toScore(seq);
        assertEquals(3, score.getPartArray().length);
        assertEquals(3, score.getPartArray()[1].getPhraseArray().length); // three overlapping voices
        assertEquals(90.0, score.getTempo(), 1e-3);
        assertEquals(seq, JMusicAdapter.fromScore(score, 480));
    }

    @Test
    void jMusicWritesNothingToStandardOutput() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured));
        try {
            NoteSequence seq = NoteSequence.builder(96).note(60, 90, 0, 96).note(62, 90, 192, 96).build();
            JMusicAdapter.fromScore(JMusicAdapter.toScore(seq), 96);
        } finally {
            System.setOut(original);
        }
        assertEquals("", captured.toString());
    }

    @Test
    void badJMusicValuesAreNamedInsteadOfExiting() {
        Score score = new Score(120);
        Part part = new Part("p", 0, 0);
        Phrase phrase = new Phrase(0.0);
        jm.music.data.Note note = new jm.music.data.Note(60, 1.0, 80);
        note.setDynamic(0);
        phrase.addNote(note);
        part.addPhrase(phrase);
        score.addPart(part);
        assertEquals("jMusic note at beat 0.0 has dynamic 0; it must be 1..127",
                assertThrows(IllegalArgumentException.class, () -> JMusicAdapter.fromScore(score, 480)).getMessage());
        note.setDynamic(80);
        note.setDuration(-1); // jMusic stores 0
        assertEquals("jMusic note at beat 0.0 has duration 0.0; it must be a finite number of beats above 0",
                assertThrows(IllegalArgumentException.class, () -> JMusicAdapter.fromScore(score, 480)).getMessage());
    }
}
