package io.muse4j.core.stats;

import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.TimeSignature;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.muse4j.core.stats.Tunes.EIGHTH;
import static io.muse4j.core.stats.Tunes.QUARTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each per-piece statistic on hand-made pieces whose values can be worked out by hand. */
class PieceStatisticsTest {
    private static final NoteSequence C_MAJOR_SCALE = Tunes.even(QUARTER, 60, 62, 64, 65, 67, 69, 71, 72);

    // four different bars low down, then four different bars high up, so no A bar shares a note with a B bar
    private static final int[] A1 = {60, 62, 64, 65, 67, 65, 64, 62};
    private static final int[] A2 = {60, 64, 67, 64, 60, 64, 67, 72};
    private static final int[] A3 = {65, 64, 62, 60, 62, 64, 65, 67};
    private static final int[] A4 = {67, 65, 64, 62, 60, 60, 60, 60};
    private static final int[] B1 = {74, 76, 77, 79, 81, 79, 77, 76};
    private static final int[] B2 = {74, 77, 81, 77, 74, 77, 81, 86};
    private static final int[] B3 = {79, 77, 76, 74, 76, 77, 79, 81};
    private static final int[] B4 = {81, 79, 77, 76, 74, 74, 74, 74};
    private static final NoteSequence AABB = Tunes.even(EIGHTH,
            Tunes.bars(A1, A2, A3, A4, A1, A2, A3, A4, B1, B2, B3, B4, B1, B2, B3, B4));

    @Test
    void anAabbTuneScoresItsRepeats() {
        assertEquals(0.5, BarStatistics.repeatedBarShare(AABB, false), 1e-12);
        assertEquals(0.5, BarStatistics.repeatedBarShare(AABB, true), 1e-12);
        // lag 4: A2 on A1 and B2 on B1 match (8 pairs), B1 on A2 shares nothing (4 pairs)
        assertEquals(8 / 12.0, BarStatistics.selfSimilarity(AABB, 4), 1e-12);
        assertEquals(0, BarStatistics.selfSimilarity(AABB, 8), 1e-12);
        assertTrue(PieceStatistics.repeatedFourGrams(AABB) > 0.45, "repeated 4-grams " + PieceStatistics.repeatedFourGrams(AABB));
        assertEquals(1, BarStatistics.grooveConsistency(AABB), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> BarStatistics.selfSimilarity(AABB, 0));
    }

    @Test
    void aBarRepeatedOneStepHigherRepeatsOnlyWithinATransposition() {
        NoteSequence sequence = Tunes.even(EIGHTH, Tunes.bars(A1, java.util.Arrays.stream(A1).map(p -> p + 2).toArray()));
        assertEquals(0, BarStatistics.repeatedBarShare(sequence, false), 1e-12);
        assertEquals(0.5, BarStatistics.repeatedBarShare(sequence, true), 1e-12);
    }

    @Test
    void aCMajorScale() {
        Map<String, Double> values = named(C_MAJOR_SCALE);
        assertEquals(1, values.get("scale_consistency"));
        assertEquals(1, values.get("stepwise_share"));
        assertEquals(12, values.get("tone_span"));
        assertEquals(2, values.get("notes_per_second"), 1e-12); // 8 quarters at 120 a minute: 4 seconds
        assertEquals(1, values.get("longest_repeated_pitch"));
        assertEquals(0, values.get("repeated_bars"));
        assertEquals(1, values.get("ends_on_tonic"));
        assertEquals(PieceStatistics.names().size(), PieceStatistics.of(C_MAJOR_SCALE).length);
    }

    @Test
    void longestRepeatedPitchAndGroove() {
        assertEquals(3, PieceStatistics.longestRepeatedPitch(Tunes.even(QUARTER, 60, 62, 62, 64, 64, 64, 62)));
        // bar 1 eight eighths, bar 2 four quarters: their onsets differ at 4 of the bar's 48 grid steps
        NoteSequence twoGrooves = Tunes.eighths(60, 1, 60, 1, 60, 1, 60, 1, 60, 1, 60, 1, 60, 1, 60, 1,
                62, 2, 62, 2, 62, 2, 62, 2);
        assertEquals(1 - 4 / 48.0, BarStatistics.grooveConsistency(twoGrooves), 1e-12);
    }

    @Test
    void phrasesEndingOnStrongBeats() {
        // long notes (a half) on beat 1 of bar 2 and beat 3 of bar 4, the last on beat 1 of bar 5
        NoteSequence strong = Tunes.eighths(60, 1, 62, 1, 64, 1, 65, 1, 67, 1, 65, 1, 64, 1, 62, 1,
                60, 4, 64, 1, 65, 1, 67, 1, 69, 1,
                67, 1, 65, 1, 64, 1, 62, 1, 64, 1, 65, 1, 67, 1, 69, 1,
                67, 1, 65, 1, 64, 1, 62, 1, 60, 4, 60, 8);
        assertEquals(1, BarStatistics.strongBeatPhraseEndings(strong), 1e-12);
        // long notes on the second eighth of bar 1 and of bar 2 end phrases off the beat; the last is on a downbeat
        // (stressed as written: played evenly, its long notes would say the bars start an eighth later)
        NoteSequence weak = Tunes.stressed(Tunes.eighths(62, 1, 60, 2, 64, 1, 65, 1, 67, 1, 65, 1, 64, 1,
                62, 1, 60, 4, 64, 1, 65, 1, 67, 1, 67, 2), 0);
        assertEquals(1 / 3.0, BarStatistics.strongBeatPhraseEndings(weak), 1e-12);
    }

    @Test
    void anUnmarkedPickupIsBarredWhereItsStressesSay() {
        // the strong tune above after a pickup of two eighths, in a file whose 4/4 bars start at the pickup (as
        // abc2midi writes tunes): read from tick 0, every phrase would end on the second half of beat 1 or 3
        NoteSequence tune = Tunes.stressed(Tunes.eighths(67, 1, 65, 1,
                60, 1, 62, 1, 64, 1, 65, 1, 67, 1, 65, 1, 64, 1, 62, 1,
                60, 4, 64, 1, 65, 1, 67, 1, 69, 1,
                67, 1, 65, 1, 64, 1, 62, 1, 64, 1, 65, 1, 67, 1, 69, 1,
                67, 1, 65, 1, 64, 1, 62, 1, 60, 4, 60, 8), Tunes.EIGHTH * 2);
        assertEquals(1, BarStatistics.strongBeatPhraseEndings(tune), 1e-12);
        // a pickup bar the file marks itself (2/8, then 4/4) is taken as written
        NoteSequence marked = new NoteSequence(tune.resolution(), tune.notes(), tune.tempos(), java.util.List.of(
                new TimeSignature(0, 2, 8), new TimeSignature(Tunes.EIGHTH * 2, 4, 4)), tune.keySignatures(),
                tune.controlChanges(), tune.metadata());
        assertEquals(1, BarStatistics.strongBeatPhraseEndings(marked), 1e-12);
    }

    @Test
    void anEmptyPieceScoresZeroButForEmptyBeats() {
        Map<String, Double> values = named(NoteSequence.of(480, java.util.List.of()));
        values.forEach((name, value) -> assertEquals(name.equals("empty_beat_rate") ? 1 : 0, value, name));
    }

    private static Map<String, Double> named(NoteSequence score) {
        Map<String, Double> values = new java.util.LinkedHashMap<>();
        PieceStatistics.all().forEach((name, statistic) -> values.put(name, statistic.applyAsDouble(score)));
        return values;
    }
}
