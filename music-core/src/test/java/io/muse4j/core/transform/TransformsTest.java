package io.muse4j.core.transform;

import io.muse4j.core.score.ControlChange;
import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.SyntheticScores;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TransformsTest {
    private static List<List<Long>> timings(NoteSequence seq) {
        return seq.notes().stream().map(n -> List.of((long) n.pitch(), n.startTick(), n.durationTicks())).toList();
    }

    @Test
    void transposeMovesPitchedNotesButNotDrums() {
        NoteSequence seq = NoteSequence.builder(480).note(60, 80, 0, 480)
                .note(new Note(36, 100, 0, 10, 0, 9, true, 1)).build();
        NoteSequence up = Transforms.transpose(seq, 5);
        assertEquals(List.of(36, 65), up.notes().stream().map(Note::pitch).toList());
        assertEquals(seq, Transforms.transpose(up, -5));
    }

    @Test
    void transposeFailsNamingTheNoteThatLeavesTheRange() {
        NoteSequence seq = NoteSequence.builder(480).note(120, 80, 960, 480).build();
        assertEquals("transposing by 12 moves pitch 120 at tick 960 to 132, outside 0..127",
                assertThrows(IllegalArgumentException.class, () -> Transforms.transpose(seq, 12)).getMessage());
        assertEquals("transposing by -2 moves pitch 120 at tick 960 to 118, outside 48..84",
                assertThrows(IllegalArgumentException.class, () -> Transforms.transpose(seq, -2, 48, 84))
                        .getMessage());
    }

    @Test
    void quantizeSnapsToTheGridAndKeepsShortNotesAudible() {
        NoteSequence seq = NoteSequence.builder(480).note(60, 80, 130, 200).note(62, 80, 470, 10).build();
        assertEquals(List.of(List.of(60L, 120L, 240L), List.of(62L, 480L, 120L)),
                timings(Transforms.quantize(seq, 4)));
    }

    @Test
    void stretchScalesEveryEvent() {
        NoteSequence seq = NoteSequence.builder(480).note(60, 80, 100, 200).tempoBpm(0, 100).tempoBpm(400, 90)
                .sustain(300, true, 0).build();
        NoteSequence twice = Transforms.stretch(seq, 2.0);
        assertEquals(List.of(List.of(60L, 200L, 400L)), timings(twice));
        assertEquals(800, twice.tempos().get(1).tick());
        assertEquals(600, twice.controlChanges().get(0).tick());
        assertEquals(seq.durationSeconds() * 2, twice.durationSeconds(), 1e-9);
    }

    @Test
    void sliceCutsShiftsAndCarriesTheStateInForce() {
        NoteSequence seq = NoteSequence.builder(480).tempoBpm(0, 100).tempoBpm(960, 80).timeSignature(0, 3, 4)
                .sustain(100, true, 0).note(60, 80, 0, 960).note(62, 80, 960, 960).note(64, 80, 1440, 960)
                .note(65, 80, 2400, 100).build();
        NoteSequence part = Slicing.slice(seq, 960, 2000);
        assertEquals(List.of(List.of(62L, 0L, 960L), List.of(64L, 480L, 560L)), timings(part));
        assertEquals(80.0, part.tempos().get(0).bpm(), 1e-3);
        assertEquals(0, part.timeSignatures().get(0).tick());
        assertEquals(List.of(new ControlChange(0, 64, 127, 0, 0)), part.controlChanges());
    }

    @Test
    void sliceBarsUsesTheMeter() {
        NoteSequence seq = NoteSequence.builder(4).timeSignature(0, 3, 4).note(60, 80, 0, 12).note(62, 80, 12, 12)
                .note(64, 80, 24, 12).build();
        assertEquals(List.of(List.of(62L, 0L, 12L)), timings(Slicing.sliceBars(seq, 1, 2)));
    }

    @Test
    void splitOnSilenceFindsTheGaps() {
        NoteSequence seq = NoteSequence.builder(480).note(60, 80, 0, 480).note(62, 80, 240, 480)
                .note(64, 80, 480 * 6, 480).note(65, 80, 480 * 20, 480).build();
        List<NoteSequence> parts = Slicing.splitOnSilence(seq, 2.5);
        assertEquals(2, parts.size());
        assertEquals(List.of(List.of(60L, 0L, 480L), List.of(62L, 240L, 480L), List.of(64L, 2880L, 480L)),
                timings(parts.get(0)));
        assertEquals(List.of(List.of(65L, 0L, 480L)), timings(parts.get(1)));
    }

    @Test
    void sustainExtendsNotesUntilThePedalRisesOrThePitchReturns() {
        NoteSequence seq = NoteSequence.builder(480).sustain(100, true, 0).sustain(2000, false, 0)
                .note(60, 80, 0, 200).note(64, 80, 0, 200).note(60, 80, 1000, 100)
                .note(new Note(67, 80, 0, 200, 0, 1, false, 0)).note(72, 80, 2400, 100).build();
        assertEquals(List.of(List.of(60L, 0L, 1000L), List.of(64L, 0L, 2000L), List.of(67L, 0L, 200L),
                        List.of(60L, 1000L, 1000L), List.of(72L, 2400L, 100L)),
                timings(Voices.applySustain(seq)));
    }

    @Test
    void melodyTakesTheHighestVoice() {
        NoteSequence chords = NoteSequence.builder(480).note(60, 80, 0, 960).note(67, 80, 0, 960)
                .note(64, 80, 480, 960).note(72, 80, 960, 480).note(48, 80, 1920, 480)
                .note(new Note(80, 80, 0, 3000, 0, 9, true, 0)).build();
        assertEquals(List.of(List.of(67L, 0L, 960L), List.of(72L, 960L, 480L), List.of(48L, 1920L, 480L)),
                timings(Voices.melody(chords)));
    }

    @Test
    void mergeTracksKeepsEveryNote() {
        NoteSequence seq = SyntheticScores.polyphonic(3, 200);
        NoteSequence merged = Transforms.mergeTracks(seq);
        assertEquals(seq.notes().size(), merged.notes().size());
        assertEquals(List.of(0), merged.notes().stream().map(Note::track).distinct().toList());
        assertEquals(List.of("piano"), merged.metadata().trackNames());
    }
}
