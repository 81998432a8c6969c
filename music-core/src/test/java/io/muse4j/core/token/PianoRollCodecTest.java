package io.muse4j.core.token;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.SyntheticScores;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PianoRollCodecTest {
    private final PianoRollCodec quarters = new PianoRollCodec(GridConfig.QUARTERS);
    private final PianoRollCodec sixteenths = new PianoRollCodec(GridConfig.SIXTEENTHS);

    @Test
    void idLayout() {
        assertEquals(88, quarters.vocabulary().size());
        assertEquals("KEY_21", quarters.vocabulary().name(0));
        assertEquals("KEY_108", quarters.vocabulary().name(87));
        assertEquals(39, quarters.vocabulary().id("KEY_60"));
    }

    @Test
    void encodesALiteralChorale() {
        NoteSequence seq = NoteSequence.builder(480).note(60, 80, 0, 960).note(64, 80, 0, 480).note(67, 80, 480, 480)
                .note(new Note(40, 80, 0, 480, 0, 9, true, 0)).note(110, 80, 0, 480).build();
        assertEquals(new PianoRoll(new int[][] {{60, 64}, {60, 67}}), quarters.encode(seq));
        assertEquals(new PianoRoll(new int[][] {{64, 60}, {}, {72}}),
                new PianoRoll(new int[][] {{60, 64, 64}, {}, {72}}));
    }

    @Test
    void decodeJoinsHeldFrames() {
        NoteSequence seq = quarters.decode(new PianoRoll(new int[][] {{60}, {60, 64}, {}, {64}}));
        assertEquals(NoteSequence.builder(480).tempoBpm(0, 120).note(60, 100, 0, 960).note(64, 100, 480, 480)
                .note(64, 100, 1440, 480).build(), seq);
    }

    @Test
    void normalizeMergesTouchingNotesOfOnePitch() {
        NoteSequence seq = NoteSequence.builder(480).note(60, 80, 0, 480).note(60, 90, 480, 480)
                .note(60, 90, 1440, 480).build();
        assertEquals(NoteSequence.builder(480).tempoBpm(0, 120).note(60, 100, 0, 960).note(60, 100, 1440, 480)
                .build(), quarters.normalize(seq));
    }

    @Test
    void roundTripOnRandomScores() {
        for (long seed = 0; seed < 200; seed++) {
            NoteSequence x = SyntheticScores.polyphonic(seed, 80);
            for (PianoRollCodec codec : new PianoRollCodec[] {quarters, sixteenths}) {
                assertEquals(codec.normalize(x), codec.decode(codec.encode(x)), "seed " + seed);
                assertEquals(codec.normalize(x), codec.normalize(codec.normalize(x)), "seed " + seed);
                assertEquals(codec.encode(x), codec.encode(codec.normalize(x)), "seed " + seed);
            }
        }
    }

    @Test
    void pitchesOffTheKeyboardAreNamed() {
        assertEquals("pitch 20 in frame 1 outside the 88 keys 21..108", assertThrows(IllegalArgumentException.class,
                () -> quarters.decode(new PianoRoll(new int[][] {{60}, {20}}))).getMessage());
    }
}
