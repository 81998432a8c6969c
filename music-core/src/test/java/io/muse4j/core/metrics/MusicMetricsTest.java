package io.muse4j.core.metrics;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Each statistic on scores whose value can be worked out by hand. */
class MusicMetricsTest {
    /** Notes at the given (pitch, start in quarters, length in quarters) triples, at 4 ticks a quarter. */
    private static NoteSequence score(int[]... notes) {
        List<Note> list = new ArrayList<>();
        for (int[] n : notes) {
            list.add(Note.of(n[0], 90, n[1] * 4L, n[2] * 4L));
        }
        return NoteSequence.of(4, list);
    }

    private static final NoteSequence C_MAJOR_RUN = score(new int[] {60, 0, 1}, new int[] {62, 1, 1},
            new int[] {64, 2, 1}, new int[] {65, 3, 1}, new int[] {67, 4, 1}, new int[] {69, 5, 1},
            new int[] {71, 6, 1}, new int[] {72, 7, 1});

    @Test
    void polyphonyCountsOnsetsWhereNotesStartTogether() {
        NoteSequence chordThenNotes = score(new int[] {60, 0, 1}, new int[] {64, 0, 1}, new int[] {67, 1, 1},
                new int[] {69, 2, 1}, new int[] {72, 2, 1}, new int[] {71, 3, 1});
        assertEquals(0.5, MusicMetrics.polyphony(chordThenNotes), 1e-12);
        assertEquals(0, MusicMetrics.polyphony(C_MAJOR_RUN));
    }

    @Test
    void scaleConsistencyIsTheShareInTheBestMajorScale() {
        assertEquals(1, MusicMetrics.scaleConsistency(C_MAJOR_RUN));
        NoteSequence chromatic = score(new int[] {60, 0, 1}, new int[] {61, 1, 1}, new int[] {62, 2, 1},
                new int[] {63, 3, 1});
        assertEquals(0.75, MusicMetrics.scaleConsistency(chromatic), 1e-12); // C# major holds C, C# and D#
    }

    @Test
    void repetitionsCountIntervalPatternsSeenBefore() {
        // the same four-interval pattern twice, a fifth apart: +4 +3 -7 +4 | +3 -7 +4 +3 ...
        int[] pitches = {60, 64, 67, 60, 64, 67, 60, 64};
        List<int[]> notes = new ArrayList<>();
        for (int i = 0; i < pitches.length; i++) {
            notes.add(new int[] {pitches[i], i, 1});
        }
        // patterns 0..3: (4,3,-7,4) (3,-7,4,3) (-7,4,3,-7) (4,3,-7,4): the last repeats the first
        assertEquals(0.25, MusicMetrics.repetitions(score(notes.toArray(new int[0][]))), 1e-12);
        assertEquals(0, MusicMetrics.repetitions(C_MAJOR_RUN));
    }

    @Test
    void toneSpanEntropyAndEmptyBeats() {
        assertEquals(12, MusicMetrics.toneSpan(C_MAJOR_RUN));
        NoteSequence twoClasses = score(new int[] {60, 0, 1}, new int[] {72, 1, 1}, new int[] {62, 4, 2},
                new int[] {74, 5, 1});
        assertEquals(1, MusicMetrics.pitchClassEntropy(twoClasses), 1e-12);
        assertEquals(3, MusicMetrics.pitchClassEntropy(score(new int[] {60, 0, 1}, new int[] {61, 0, 1},
                new int[] {62, 0, 1}, new int[] {63, 0, 1}, new int[] {64, 0, 1}, new int[] {65, 0, 1},
                new int[] {66, 0, 1}, new int[] {67, 0, 1})), 1e-12);
        // six beats up to the last note's end; 0, 1, 4 and 5 sound, 2 and 3 are empty
        assertEquals(2 / 6.0, MusicMetrics.emptyBeatRate(twoClasses), 1e-12);
        assertEquals(0, MusicMetrics.emptyBeatRate(C_MAJOR_RUN));
        assertEquals(1, MusicMetrics.emptyBeatRate(score()));
    }

    @Test
    void kolmogorovSmirnovDistanceBetweenSamples() {
        assertEquals(0, MusicMetrics.ksDistance(new double[] {1, 2, 3}, new double[] {3, 2, 1}));
        assertEquals(1, MusicMetrics.ksDistance(new double[] {1, 2}, new double[] {5, 6, 7}));
        assertEquals(0.5, MusicMetrics.ksDistance(new double[] {1, 2, 3, 4}, new double[] {3, 4, 5, 6}), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> MusicMetrics.ksDistance(new double[0], new double[] {1}));
        assertEquals(0, MusicMetrics.distance(List.of(C_MAJOR_RUN), List.of(C_MAJOR_RUN)));
        assertEquals(1, MusicMetrics.standardDeviation(new double[] {1, 2, 3}), 1e-12);
        assertEquals(0, MusicMetrics.standardDeviation(new double[] {4}));
    }

    @Test
    void distinctShareCountsPiecesThatAreNoNearCopyOfAnEarlierOne() {
        NoteSequence shifted = C_MAJOR_RUN.withNotes(C_MAJOR_RUN.notes().stream()
                .map(n -> Note.of(n.pitch() + 1, n.velocity(), n.startTick(), n.durationTicks())).toList());
        NoteSequence oneChanged = C_MAJOR_RUN.withNotes(new ArrayList<>(C_MAJOR_RUN.notes().subList(0, 7)) {{
                add(Note.of(84, 90, 28, 4));
            }});
        assertEquals(0.5, MusicMetrics.distinctShare(List.of(C_MAJOR_RUN, C_MAJOR_RUN, shifted, oneChanged), 0.85),
                1e-12);
        assertEquals(0.75, MusicMetrics.distinctShare(List.of(C_MAJOR_RUN, C_MAJOR_RUN, shifted, oneChanged), 0.9),
                1e-12);
    }
}
