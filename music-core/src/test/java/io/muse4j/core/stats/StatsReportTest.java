package io.muse4j.core.stats;

import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.SyntheticScores;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole comparison of two sets, and how it is written. */
class StatsReportTest {
    private static List<NoteSequence> melodies(int count) {
        return IntStream.range(0, count).mapToObj(seed -> SyntheticScores.melody(seed, 48, 55, 79, 4)).toList();
    }

    @Test
    void aSetAgainstItselfIsAtDistanceZero() {
        PieceSet set = PieceSet.of(melodies(12));
        StatsReport report = StatsReport.compare(set, set, 1);
        assertEquals(PieceStatistics.names(), report.statistics());
        report.comparisons().forEach(c -> assertEquals(0, c.ks(), c.name()));
        report.comparisons().forEach(c -> assertEquals(c.generatedMean(), c.referenceMean(), c.name()));
        report.copies().forEach(m -> assertEquals(48, m.length()));
        assertEquals(report.generatedKeys(), report.referenceKeys());
        String text = report.toText();
        assertTrue(text.contains("generated: 12 pieces; reference: 12 pieces"), text);
        assertTrue(text.contains("copy check: longest shared run 48 notes, #0 (from note 0) with #0"), text);
    }

    @Test
    void theClassifierIsRepeatedOverFoldAssignmentsTheFirstAsReportedAlone() {
        PieceSet real = PieceSet.of(melodies(16));
        PieceSet other = PieceSet.of(IntStream.range(100, 124).mapToObj(seed -> SyntheticScores.melody(seed, 32, 40,
                90, 4)).toList());
        StatsReport report = StatsReport.compare(other, real, 3);
        double[] repeats = report.classifierRepeats();
        assertEquals(StatsReport.REPEATS, repeats.length);
        assertEquals(report.classifierAccuracy(), repeats[0]);
        assertEquals(TwoSampleClassifier.accuracy(report.generatedValues(), report.referenceValues(),
                StatsReport.FOLDS, 3 + 4), repeats[4], "assignment r is seeded r after the first");
        double min = java.util.Arrays.stream(repeats).min().orElseThrow();
        double max = java.util.Arrays.stream(repeats).max().orElseThrow();
        assertTrue(min <= report.classifierMean() && report.classifierMean() <= max);
        assertTrue(report.classifierSd() >= 0 && report.classifierSd() <= (max - min) / 2 + 1e-12);
        assertTrue(report.toText().contains(String.format(java.util.Locale.ROOT,
                "classifier over 10 fold assignments: mean %.3f, sd %.3f", report.classifierMean(),
                report.classifierSd())), report.toText());
        assertTrue(report.toJson().contains("\"repeats\":{\"count\":10,\"mean\":"), report.toJson());
    }

    @Test
    void jsonHasNoNaN() {
        StatsReport report = StatsReport.compare(new PieceSet(List.of("a \"quoted\" name"), melodies(1)),
                PieceSet.of(List.of(Tunes.even(480, 60, 62))), 1);
        String json = report.toJson();
        assertFalse(json.contains("NaN"), json);
        assertTrue(json.contains("\"classifier\":{\"accuracy\":null,\"folds\":5}"), json);
        assertTrue(json.contains("\"piece\":\"a \\\"quoted\\\" name\""), json);
        assertTrue(report.toText().contains("classifier two-sample test: not run"), report.toText());
        assertThrows(IllegalArgumentException.class, () -> StatsReport.compare(PieceSet.of(List.of()),
                PieceSet.of(melodies(1)), 1));
    }
}
