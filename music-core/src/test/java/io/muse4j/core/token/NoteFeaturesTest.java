package io.muse4j.core.token;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.SyntheticScores;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** C-RNN-GAN's note features: a literal table, the round trip on grid music, and decoding of any numbers. */
class NoteFeaturesTest {
    @Test
    void notesBecomeRowsOfPitchDurationVelocityAndDelta() {
        NoteSequence score = NoteSequence.of(480, List.of(Note.of(72, 127, 480, 240), Note.of(60, 64, 960, 960),
                Note.of(64, 64, 960, 480)));
        float[][] rows = NoteFeatures.encode(score);
        assertArrayEquals(new float[] {1, 0.5f, 1, 0}, rows[0]);
        assertArrayEquals(new float[] {0, 2, 64 / 127f, 1}, rows[1]);
        assertArrayEquals(new float[] {1 / 3f, 1, 64 / 127f, 0}, rows[2]);
    }

    @Test
    void gridMelodiesComeBackShiftedToTheirFirstNote() {
        for (long seed = 0; seed < 20; seed++) {
            NoteSequence melody = SyntheticScores.melody(seed, 30, 40, 90, 4);
            long first = melody.notes().get(0).startTick();
            NoteSequence expected = melody.withNotes(melody.notes().stream().map(n -> Note.of(n.pitch(), n.velocity(),
                    n.startTick() - first, n.durationTicks())).toList());
            assertEquals(expected, NoteFeatures.decode(NoteFeatures.encode(melody)), "seed " + seed);
        }
    }

    @Test
    void anyNumbersDecodeToAValidScore() {
        NoteSequence decoded = NoteFeatures.decode(new float[][] {{9, -1, 3, 5}, {-9, 100, -1, Float.NaN},
            {Float.NaN, 0.26f, 0.5f, -2}});
        assertEquals(List.of(Note.of(0, 1, 0, 3840), Note.of(60, 64, 0, 120), Note.of(127, 127, 0, 40)),
                decoded.notes());
    }
}
