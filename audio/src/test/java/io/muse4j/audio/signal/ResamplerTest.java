package io.muse4j.audio.signal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResamplerTest {
    /** Pairs of rates: the first few share small patterns of phases, the last two (coprime) interpolate the table. */
    private static final int[][] RATES = {{44_100, 22_050}, {48_000, 22_050}, {8_000, 22_050}, {22_050, 44_100},
            {44_100, 22_051}, {44_101, 16_000}};

    @Test
    void aToneKeepsItsFrequencyAndLevel() {
        for (int[] r : RATES) {
            MonoAudio tone = SyntheticAudio.sine(440, 0.5, 2.0, r[0]);
            MonoAudio out = Resampler.resample(tone, r[1]);
            String pair = r[0] + " -> " + r[1] + " Hz";
            assertEquals(r[1], out.sampleRate(), pair);
            assertEquals((long) Math.ceil(tone.length() * (double) r[1] / r[0]), out.length(), pair);
            assertEquals(440, frequency(out, 0.5, 1.5), 0.5, pair);
            assertEquals(tone.slice(r[0] / 2, 3 * r[0] / 2).rms(), out.slice(r[1] / 2, 3 * r[1] / 2).rms(), 0.002,
                    pair + ": level");
        }
    }

    @Test
    void theSamplesFollowTheToneNotJustItsFrequency() {
        MonoAudio tone = SyntheticAudio.sine(1_000, 0.8, 1.0, 44_100);
        MonoAudio out = Resampler.resample(tone, 16_000);
        double worst = 0;
        for (int j = 1_000; j < 15_000; j++) { // away from the ends, where the filter reads silence
            worst = Math.max(worst, Math.abs(out.sample(j) - 0.8 * Math.sin(2 * Math.PI * 1_000 * j / 16_000.0)));
        }
        assertTrue(worst < 1e-3, "largest error " + worst);
    }

    @Test
    void contentAboveTheNewNyquistFrequencyIsRemovedNotAliased() {
        // 15 kHz at 44.1 kHz would fold to 7.05 kHz at 22.05 kHz; the low-pass must remove it
        for (int[] r : new int[][] {{44_100, 22_050}, {44_101, 22_050}}) {
            MonoAudio high = SyntheticAudio.sine(15_000, 1.0, 1.0, r[0]);
            MonoAudio out = Resampler.resample(high, r[1]);
            double level = out.slice(r[1] / 4, 3 * r[1] / 4).rms() / high.rms();
            assertTrue(level < 1e-3, r[0] + " Hz: aliased level " + level + " of the input");
        }
        // just inside the pass band, a tone goes through
        MonoAudio inside = SyntheticAudio.sine(9_000, 1.0, 1.0, 44_100);
        double passed = Resampler.resample(inside, 22_050).slice(5_000, 15_000).rms() / inside.rms();
        assertEquals(1, passed, 0.01);
    }

    @Test
    void theSameRateIsTheSameAudioAndBadRatesAreRefused() {
        MonoAudio tone = SyntheticAudio.sine(440, 0.5, 0.1, 22_050);
        assertSame(tone, Resampler.resample(tone, 22_050));
        assertEquals("sample rate 100 Hz outside 1000..768000",
                assertThrows(IllegalArgumentException.class, () -> Resampler.resample(tone, 100)).getMessage());
    }

    @Test
    void theKaiserWindowsBesselFunctionIsRight() {
        assertEquals(1.0, Resampler.besselI0(0), 1e-12);
        assertEquals(1.266_065_877_752_008, Resampler.besselI0(1), 1e-12); // Abramowitz and Stegun, table 9.8
        assertEquals(427.564_115_721_804_7, Resampler.besselI0(8), 1e-9);
    }

    /** The frequency of a tone between two times, from its rising zero crossings (interpolated). */
    static double frequency(MonoAudio a, double from, double to) {
        int start = (int) (from * a.sampleRate());
        int end = (int) (to * a.sampleRate());
        double first = Double.NaN;
        double last = Double.NaN;
        int crossings = 0;
        for (int i = start; i < end; i++) {
            float x0 = a.sample(i);
            float x1 = a.sample(i + 1);
            if (x0 < 0 && x1 >= 0) {
                double at = i + x0 / (x0 - x1);
                first = Double.isNaN(first) ? at : first;
                last = at;
                crossings++;
            }
        }
        return (crossings - 1) / ((last - first) / a.sampleRate());
    }
}
