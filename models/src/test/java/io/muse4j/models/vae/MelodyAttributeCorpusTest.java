package io.muse4j.models.vae;

import io.muse4j.corpora.batch.MelodyWindows;
import io.muse4j.core.testing.SharedCorpora;
import io.muse4j.core.token.MelodyTokenizer;
import io.muse4j.corpora.CorpusItem;
import io.muse4j.corpora.CorpusLoader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The attributes of real 2-bar windows (folk-abc's reels and hornpipes in 4/4) measure what a musician expects, and
 * attribute vectors point from the bottom quartile to the top.
 */
class MelodyAttributeCorpusTest {
    @Test
    void folkWindowsSpanAboutAnOctaveInRunningEighths() throws IOException {
        MelodyTokenizer tokenizer = new MelodyTokenizer();
        List<int[]> windows = new MelodyWindows(tokenizer, 2, 16).extract(CorpusLoader.midi(
                SharedCorpora.resolve("folk-abc/MIDI")).items().stream().map(CorpusItem::score).toList()).windows();
        assertTrue(windows.size() > 1000, windows.size() + " windows");
        assertBetween(MelodyAttribute.NOTE_DENSITY, 6, 8.5, windows, tokenizer);      // mostly eighths: 8 a bar
        assertBetween(MelodyAttribute.PITCH_MEAN, 66, 78, windows, tokenizer);
        assertBetween(MelodyAttribute.PITCH_RANGE, 9, 15, windows, tokenizer);        // about an octave in 2 bars
        assertBetween(MelodyAttribute.RHYTHMIC_COMPLEXITY, 0.2, 0.35, windows, tokenizer); // eighths: 0.25
    }

    private static void assertBetween(MelodyAttribute attribute, double low, double high, List<int[]> windows,
                                      MelodyTokenizer tokenizer) {
        double[] values = windows.stream().mapToDouble(w -> LatentSpace.measure(attribute, w, tokenizer)).sorted()
                .toArray();
        double median = values[values.length / 2];
        assertTrue(median >= low && median <= high, attribute.label() + " median " + median + " outside " + low
                + ".." + high);
    }

    @Test
    void attributeVectorsPointFromTheBottomQuartileToTheTop() {
        double[] values = new double[40];
        double[][] mu = new double[40][];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i * 17) % 40; // 0..39 shuffled, with the parity of i
            mu[i] = new double[] {values[i] / 10, -values[i] / 20, (i % 2) * 3};
        }
        double[] vector = LatentSpace.quartileDifference(mu, values);
        assertArrayEquals(new double[] {3, -1.5, 0}, vector, 1e-12); // (34.5 - 4.5) / 10, / -20; parity cancels
    }
}
