package io.muse4j.core.score;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NoteSequenceTest {

    @Test
    void constructorsNameTheBadValue() {
        assertEquals("pitch 130 outside 0..127",
                assertThrows(IllegalArgumentException.class, () -> Note.of(130, 64, 0, 10)).getMessage());
        assertEquals("velocity 0 outside 1..127",
                assertThrows(IllegalArgumentException.class, () -> Note.of(60, 0, 0, 10)).getMessage());
        assertEquals("duration 0 must be at least 1",
                assertThrows(IllegalArgumentException.class, () -> Note.of(60, 64, 0, 0)).getMessage());
        assertEquals("channel 16 outside 0..15", assertThrows(IllegalArgumentException.class,
                () -> new Note(60, 64, 0, 1, 0, 16, false, 0)).getMessage());
        assertEquals("resolution (ticks per quarter) 0 outside 1..32767",
                assertThrows(IllegalArgumentException.class, () -> NoteSequence.of(0, List.of())).getMessage());
        assertEquals("time signature denominator 3 must be a power of two from 1 to 64",
                assertThrows(IllegalArgumentException.class, () -> new TimeSignature(0, 3, 3)).getMessage());
        assertEquals("key signature sharps 8 outside -7..7",
                assertThrows(IllegalArgumentException.class, () -> new KeySignature(0, 8, false)).getMessage());
        assertEquals("microseconds per quarter 0 outside 1..16777215",
                assertThrows(IllegalArgumentException.class, () -> new TempoChange(0, 0)).getMessage());
    }

    @Test
    void twoTempoChangesAtOneTickAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NoteSequence.builder(480).tempoBpm(0, 100).tempoBpm(0, 120).build());
        assertEquals("two tempo changes at tick 0: TempoChange[tick=0, microsPerQuarter=600000] and "
                + "TempoChange[tick=0, microsPerQuarter=500000]", e.getMessage());
    }

    @Test
    void contentEqualityIgnoresTheOrderNotesWereGivenIn() {
        NoteSequence a = NoteSequence.builder(480).note(64, 80, 480, 240).note(60, 80, 0, 480).note(67, 80, 0, 480)
                .build();
        NoteSequence b = NoteSequence.builder(480).note(67, 80, 0, 480).note(64, 80, 480, 240).note(60, 80, 0, 480)
                .build();
        assertEquals(a, b);
        assertEquals(List.of(60, 67, 64), a.notes().stream().map(Note::pitch).toList());
        assertNotEquals(a, b.toBuilder().note(60, 81, 0, 480).build());
    }

    @Test
    void secondsFollowTheTempoMap() {
        NoteSequence seq = NoteSequence.builder(480).tempoBpm(0, 120).tempoBpm(960, 60).note(60, 90, 0, 1920).build();
        TempoMap tempo = seq.tempoMap();
        assertEquals(1.0, tempo.seconds(960), 1e-12);
        assertEquals(2.0, tempo.seconds(1440), 1e-12);
        assertEquals(3.0, seq.durationSeconds(), 1e-12);
        assertEquals(1440, tempo.tick(2.0));
        assertEquals(480, tempo.tick(0.5));
    }

    @Test
    void withoutATempoAtTickZeroTheMidiDefaultHolds() {
        NoteSequence seq = NoteSequence.builder(100).tempoBpm(200, 60).note(60, 90, 0, 400).build();
        assertEquals(1.0, seq.tempoMap().seconds(200), 1e-12);
        assertEquals(3.0, seq.durationSeconds(), 1e-12);
    }

    @Test
    void barsFollowTimeSignaturesAndTakeEffectAtTheNextBarLine() {
        NoteSequence seq = NoteSequence.builder(4).timeSignature(0, 3, 4).timeSignature(20, 6, 8).build();
        // 3/4 bars of 12 ticks: 0, 12, 24 (the 6/8 at tick 20 starts at the bar line 24), then 12 again.
        assertEquals(List.of(0L, 12L, 24L, 36L), java.util.Arrays.stream(seq.bars().starts(40)).boxed().toList());
    }

    @Test
    void keySignaturesHaveNames() {
        assertEquals("D major", new KeySignature(0, 2, false).name());
        assertEquals("C minor", new KeySignature(0, -3, true).name());
    }
}
