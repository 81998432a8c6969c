package io.muse4j.core.token;

import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.SyntheticScores;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MelodyTokenizerTest {
    private final MelodyTokenizer melody = new MelodyTokenizer();

    @Test
    void idLayout() {
        Vocabulary v = melody.vocabulary();
        assertEquals(39, v.size());
        assertEquals(List.of("NO_EVENT", "NOTE_OFF", "NOTE_ON_48", "NOTE_ON_49"), v.names().subList(0, 4));
        assertEquals(0, v.id("NO_EVENT"));
        assertEquals(1, v.id("NOTE_OFF"));
        assertEquals(14, v.id("NOTE_ON_60"));
        assertEquals(38, v.id("NOTE_ON_84"));
        assertEquals(14, melody.noteOnId(60));
    }

    @Test
    void encodesALiteralMelody() {
        // a quarter C4, an eighth rest, an eighth E4 then a dotted-eighth G4, at 480 ticks per quarter
        NoteSequence seq = NoteSequence.builder(480).note(60, 90, 0, 480).note(64, 90, 720, 240)
                .note(67, 90, 960, 360).build();
        assertArrayEquals(new int[] {14, 0, 0, 0, 1, 0, 18, 0, 21, 0, 0, 1}, melody.encode(seq));
    }

    @Test
    void normalizeFoldsByOctavesAndTakesTheTopVoice() {
        NoteSequence seq = NoteSequence.builder(96).note(30, 90, 0, 24).note(100, 90, 24, 24).note(50, 90, 24, 48)
                .build();
        NoteSequence expected = NoteSequence.builder(480).tempoBpm(0, 120).note(54, 100, 0, 120)
                .note(76, 100, 120, 120).build();
        assertEquals(expected, melody.normalize(seq));
    }

    @Test
    void roundTripOnRandomScores() {
        for (long seed = 0; seed < 200; seed++) {
            NoteSequence x = seed % 2 == 0 ? SyntheticScores.polyphonic(seed, 60)
                    : SyntheticScores.melody(seed, 60, 30, 100, 4);
            int[] tokens = melody.encode(x);
            assertEquals(melody.normalize(x), melody.decode(tokens), "seed " + seed);
            assertEquals(melody.normalize(x), melody.normalize(melody.normalize(x)), "seed " + seed);
            for (int id : tokens) {
                melody.vocabulary().checkId(id);
            }
        }
    }

    @Test
    void decodeToleratesStrayNoteOffsAndClosesTheLastNote() {
        NoteSequence seq = melody.decode(new int[] {1, 14, 0, 1, 1, 16, 0});
        assertEquals(NoteSequence.builder(480).tempoBpm(0, 120).note(60, 100, 0, 0 + 1).build().resolution(),
                seq.resolution());
        assertEquals(List.of(List.of(60L, 120L, 240L), List.of(62L, 600L, 240L)), seq.notes().stream()
                .map(n -> List.of((long) n.pitch(), n.startTick(), n.durationTicks())).toList());
    }

    @Test
    void badIdsAreNamed() {
        assertEquals("token id 39 at position 2 outside 0..38",
                assertThrows(IllegalArgumentException.class, () -> melody.decode(new int[] {14, 0, 39})).getMessage());
        assertEquals("highest melody pitch 50 outside 59..127",
                assertThrows(IllegalArgumentException.class,
                        () -> new MelodyTokenizer(48, 50, GridConfig.SIXTEENTHS)).getMessage());
    }

    @Test
    void secondsCountATrailingRest() {
        Vocabulary v = melody.vocabulary();
        int[] tokens = {v.id("NOTE_ON_60"), MelodyTokenizer.NO_EVENT, MelodyTokenizer.NOTE_OFF, MelodyTokenizer.NO_EVENT};
        assertEquals(0.25, melody.decode(tokens).durationSeconds(), 1e-9); // sixteenths at 120 bpm
        assertEquals(0.5, melody.seconds(tokens), 1e-9);
    }
}
