package io.muse4j.core.stats;

import io.muse4j.core.score.NoteSequence;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.muse4j.core.stats.Tunes.EIGHTH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Krumhansl-Schmuckler key finding on pieces whose key is clear. */
class KeyEstimateTest {
    // scale up and down, then the tonic triad, ending on the tonic
    private static final NoteSequence C_MAJOR = Tunes.eighths(60, 2, 62, 1, 64, 1, 65, 1, 67, 2, 69, 1, 71, 1,
            72, 2, 67, 1, 64, 1, 60, 2, 64, 2, 67, 2, 72, 4, 60, 4);
    private static final NoteSequence A_MINOR = Tunes.eighths(57, 2, 59, 1, 60, 1, 62, 1, 64, 2, 65, 1, 68, 1,
            69, 2, 64, 1, 60, 1, 57, 2, 60, 2, 64, 2, 69, 4, 57, 4);
    private static final NoteSequence G_MAJOR = Tunes.eighths(67, 2, 69, 1, 71, 1, 72, 1, 74, 2, 76, 1, 78, 1,
            79, 2, 74, 1, 71, 1, 67, 2, 71, 2, 74, 2, 79, 4, 67, 4);

    @Test
    void findsClearKeys() {
        assertEquals("C major", KeyEstimate.of(C_MAJOR).name());
        assertEquals("A minor", KeyEstimate.of(A_MINOR).name());
        assertEquals("G major", KeyEstimate.of(G_MAJOR).name());
        assertEquals(new KeyEstimate(9, true, KeyEstimate.of(A_MINOR).correlation()), KeyEstimate.of(A_MINOR));
        assertTrue(KeyEstimate.of(G_MAJOR).correlation() > 0.7, KeyEstimate.of(G_MAJOR).toString());
    }

    @Test
    void endsOnTheTonic() {
        assertTrue(KeyEstimate.of(C_MAJOR).endsOnTonic(C_MAJOR));
        NoteSequence endsOnTheFifth = Tunes.eighths(60, 2, 62, 1, 64, 1, 65, 1, 67, 2, 69, 1, 71, 1,
                72, 2, 67, 1, 64, 1, 60, 2, 64, 2, 72, 4, 67, 4);
        assertFalse(KeyEstimate.of(endsOnTheFifth).endsOnTonic(endsOnTheFifth));
    }

    @Test
    void distributionOfKeys() {
        Map<String, Double> keys = KeyEstimate.distribution(List.of(G_MAJOR, C_MAJOR, G_MAJOR, A_MINOR));
        assertEquals(List.of("G major", "A minor", "C major"), List.copyOf(keys.keySet()));
        assertEquals(0.5, keys.get("G major"));
        assertEquals(0.25, StatsReport.minorShare(keys));
    }

    @Test
    void noNotesIsCMajorWithNoCorrelation() {
        assertEquals(new KeyEstimate(0, false, 0), KeyEstimate.of(Tunes.even(EIGHTH)));
        assertThrows(IllegalArgumentException.class, () -> new KeyEstimate(12, false, 0));
    }
}
