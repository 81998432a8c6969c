package io.muse4j.audio.spectrogram;

import io.muse4j.audio.signal.MonoAudio;
import io.muse4j.audio.signal.SyntheticAudio;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MelEncoderTest {
    @Test
    void aSinePeaksInTheBandAroundIt() {
        MelSettings s = MelSettings.DEFAULT;
        MelEncoder mel = new MelEncoder(s);
        for (double hz : new double[] {440, 2_000, 6_000}) {
            Spectrogram spec = mel.encode(SyntheticAudio.sine(hz, 0.5, 1.0, 22_050));
            assertEquals(Spectrogram.Kind.MEL, spec.kind());
            assertArrayEquals(new long[] {1 + 22_050 / 512, 128}, spec.values().shape());
            float[] middle = spec.values().getRow(spec.frames() / 2).toFloatVector();
            int band = StftEncoderTest.argmax(middle);
            double[] centres = spec.binHz();
            int nearest = 0;
            for (int m = 1; m < centres.length; m++) {
                nearest = Math.abs(centres[m] - hz) < Math.abs(centres[nearest] - hz) ? m : nearest;
            }
            assertTrue(Math.abs(band - nearest) <= 1, hz + " Hz peaks in band " + band + " (" + centres[band]
                    + " Hz), the nearest centre is band " + nearest);
            // a sine of amplitude A has power 1.5 A^2 over the bins of a Hann window: -4.3 dB for A = 0.5
            assertEquals(10 * Math.log10(1.5 * 0.5 * 0.5), middle[band], 3.0, hz + " Hz level in dB");
            assertTrue(middle[band] - middle[Math.floorMod(band + 20, 128)] > 40, "a band far away is 40 dB quieter");
        }
    }

    @Test
    void silenceIsTheFloorAndBandCentresRise() {
        Spectrogram spec = new MelEncoder(MelSettings.DEFAULT).encode(new MonoAudio(new float[4_000], 22_050));
        assertEquals(Spectrogram.FLOOR_DB, spec.values().minNumber().doubleValue(), 1e-9);
        assertEquals(Spectrogram.FLOOR_DB, spec.values().maxNumber().doubleValue(), 1e-9);
        double[] centres = spec.binHz();
        for (int m = 1; m < centres.length; m++) {
            assertTrue(centres[m] > centres[m - 1]);
        }
        assertEquals(MelSettings.hz(MelSettings.mel(11_025) / 129), centres[0], 1e-6);
        assertEquals(1_000, MelSettings.hz(MelSettings.mel(1_000)), 1e-9);
    }

    @Test
    void bandsThatHoldNoBinAreRefused() {
        StftSettings narrow = new StftSettings(22_050, 256, 128); // bins 86 Hz apart
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MelSettings(narrow, 128, 0, 11_025));
        assertTrue(e.getMessage().startsWith("mel band 1 of 128 (0.0..31.3 Hz) holds no FFT bin: bins are 86.1 Hz "
                + "apart at window 256; use fewer bands or a longer window"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MelSettings(StftSettings.DEFAULT, 128, 100, 20_000));
        assertThrows(IllegalArgumentException.class, () -> new MelSettings(StftSettings.DEFAULT, 0, 0, 8_000));
        new MelSettings(narrow, 16, 0, 11_025); // few enough bands
    }
}
