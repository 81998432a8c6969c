package io.muse4j.core.stats;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.SyntheticScores;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
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

    /** A chord track under each melody is told apart, and compared as melodies the sets are the same. */
    @Test
    void melodiesLeaveAccompanimentOut() {
        List<NoteSequence> bare = melodies(12);
        List<NoteSequence> accompanied = bare.stream().map(StatsReportTest::withLowChords).toList();
        PieceSet reference = PieceSet.of(accompanied);
        assertTrue(StatsReport.compare(PieceSet.of(bare), reference, 1).comparisons().stream()
                .anyMatch(c -> c.name().equals("polyphony") && c.ks() == 1), "accompanied pieces sound chords");
        StatsReport melodies = StatsReport.compare(PieceSet.of(bare).melodies(), reference.melodies(), 1);
        melodies.comparisons().forEach(c -> assertEquals(0, c.ks(), c.name()));
        assertEquals(reference.names(), reference.melodies().names());
    }

    /** The piece with a two-note chord below each of its notes, sounding with it. */
    private static NoteSequence withLowChords(NoteSequence melody) {
        List<Note> notes = new ArrayList<>(melody.notes());
        for (Note note : melody.notes()) {
            notes.add(note.withPitch(36));
            notes.add(note.withPitch(40));
        }
        return melody.withNotes(notes);
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
