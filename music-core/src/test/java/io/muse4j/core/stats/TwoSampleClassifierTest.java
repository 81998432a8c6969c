package io.muse4j.core.stats;

import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.SyntheticScores;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The classifier two-sample test on sets that are alike and on sets that are not. */
class TwoSampleClassifierTest {
    private static double[][] melodies(int from, int count, int low, int high, int stepsPerQuarter) {
        List<NoteSequence> scores = IntStream.range(from, from + count)
                .mapToObj(seed -> SyntheticScores.melody(seed, 64, low, high, stepsPerQuarter)).toList();
        return PieceStatistics.table(scores);
    }

    @Test
    void twoHalvesOfOneSetAreIndistinguishable() {
        double accuracy = TwoSampleClassifier.accuracy(melodies(0, 80, 55, 79, 4), melodies(80, 80, 55, 79, 4), 5, 1);
        assertTrue(Math.abs(accuracy - 0.5) < 0.15, "accuracy " + accuracy);
    }

    @Test
    void clearlyDifferentSetsAreToldApart() {
        double accuracy = TwoSampleClassifier.accuracy(melodies(0, 60, 55, 79, 4), melodies(60, 60, 30, 100, 1), 5, 1);
        assertTrue(accuracy > 0.95, "accuracy " + accuracy);
    }

    @Test
    void seededAndChecked() {
        double[][] a = melodies(0, 30, 55, 79, 4);
        double[][] b = melodies(30, 40, 55, 79, 4);
        assertEquals(TwoSampleClassifier.accuracy(a, b, 5, 7), TwoSampleClassifier.accuracy(a, b, 5, 7));
        assertThrows(IllegalArgumentException.class, () -> TwoSampleClassifier.accuracy(a, new double[1][3], 5, 1));
    }
}
