package io.muse4j.models.lm;

import io.muse4j.core.score.KeySignature;
import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.TimeSignature;
import io.muse4j.core.token.EncodingSpec;
import io.muse4j.core.token.MelodyTokenizer;
import io.muse4j.core.token.PerformanceTokenizer;
import io.muse4j.core.token.Tokenizer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 21: the primer's frame carried onto decoded music, and the neutral openings without a primer. */
class PrimerFrameTest {
    /** A primer at 160 bpm in 6/8 in D major, at 96 ticks per quarter. */
    private static final NoteSequence JIG = NoteSequence.builder(96).tempoBpm(0, 160).timeSignature(0, 6, 8)
            .keySignature(0, 2, false).note(62, 90, 0, 48).build();

    @Test
    void aGridEncodingTakesThePrimersTempoMeterAndKeyOnItsOwnTicks() {
        EncodingSpec melody = new EncodingSpec.Melody(4, 48, 84);
        NoteSequence decoded = melody.tokenizer().decode(new int[] {2 + 62 - 48, 0, MelodyTokenizer.NOTE_OFF});
        NoteSequence carried = PrimerFrame.carry(decoded, JIG, melody);
        assertEquals(decoded.notes(), carried.notes());
        assertEquals(160.0, carried.tempos().get(0).bpm(), 1e-6);
        assertEquals(List.of(new TimeSignature(0, 6, 8)), carried.timeSignatures());
        assertEquals(List.of(new KeySignature(0, 2, false)), carried.keySignatures());
    }

    @Test
    void theAbcEncodingKeepsThePrimersMeterAndKeyInItsTokensAndItsExactTempo() {
        EncodingSpec abc = new EncodingSpec.Abc(12, 48, 96, true);
        NoteSequence jig = NoteSequence.builder(96).tempoBpm(0, 163).timeSignature(0, 6, 8).keySignature(0, 2, false)
                .note(62, 90, 0, 48).note(66, 90, 48, 48).note(69, 90, 96, 48).build();
        Tokenizer tokenizer = abc.tokenizer();
        int[] primer = tokenizer.primer(tokenizer.encode(jig));
        assertEquals("P:69", tokenizer.vocabulary().name(primer[primer.length - 2]), "the end token is dropped");
        NoteSequence carried = PrimerFrame.carry(tokenizer.decode(primer), jig, abc);
        assertEquals(163.0, carried.tempos().get(0).bpm(), 1e-3, "not the 160 bpm of the tokens");
        assertEquals(List.of(new TimeSignature(0, 6, 8)), carried.timeSignatures());
        assertEquals(List.of(new KeySignature(0, 2, false)), carried.keySignatures());
        assertEquals(List.of(62, 66, 69), carried.notes().stream().map(Note::pitch).toList());
    }

    @Test
    void anEncodingInSecondsIsRetimedByThePrimersTempoMap() {
        EncodingSpec performance = new EncodingSpec.Performance();
        // a note from 1 s to 1.5 s at the decoder's 120 bpm and 500 ticks per quarter
        NoteSequence decoded = NoteSequence.builder(PerformanceTokenizer.RESOLUTION).tempoBpm(0, 120)
                .note(60, 64, 1000, 500).build();
        NoteSequence carried = PrimerFrame.carry(decoded, JIG, performance);
        assertEquals(96, carried.resolution());
        // 1 s at 160 bpm is 8/3 quarters, 256 ticks; 1.5 s is 384 ticks
        assertEquals(List.of(Note.of(60, 64, 256, 128)), carried.notes());
        assertEquals(JIG.tempos(), carried.tempos());
        assertEquals(1.0, carried.tempoMap().seconds(256), 1e-9);
    }

    @Test
    void aNeutralMelodyOpeningDropsTheRestsBeforeTheFirstNoteAndCountsFromIt() {
        EncodingSpec melody = new EncodingSpec.Melody(4, 48, 84);
        Opening opening = Opening.neutral(melody, melody.tokenizer());
        assertArrayEquals(new int[] {MelodyTokenizer.NOTE_OFF}, opening.start());
        int[] sampled = {MelodyTokenizer.NOTE_OFF, 0, 1, 20, 0, 0, 21, 1};
        assertArrayEquals(new int[] {20, 0, 0, 21}, opening.piece(sampled, 4));
        assertArrayEquals(new int[] {20, 0, 0, 21, 1}, opening.piece(sampled, -1));
        assertArrayEquals(new int[0], opening.piece(new int[] {1, 0, 1}, 4));
    }

    @Test
    void aNeutralPerformanceOpeningDropsTheShiftsBeforeTheFirstNoteAndKeepsVelocities() {
        EncodingSpec performance = new EncodingSpec.Performance();
        Tokenizer tokenizer = performance.tokenizer();
        Opening opening = Opening.neutral(performance, tokenizer);
        int shift = tokenizer.vocabulary().id("TIME_SHIFT_10MS");
        assertArrayEquals(new int[] {shift}, opening.start());
        int velocity = tokenizer.vocabulary().id("VELOCITY_20");
        int[] sampled = {shift, tokenizer.vocabulary().id("TIME_SHIFT_500MS"), velocity, 64, shift, 192};
        assertArrayEquals(new int[] {velocity, 64, shift, 192}, opening.piece(sampled, -1));
    }
}
