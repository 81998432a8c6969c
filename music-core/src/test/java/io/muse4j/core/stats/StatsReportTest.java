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
