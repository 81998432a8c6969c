package io.muse4j.audio.spectrogram;

import io.muse4j.audio.signal.MonoAudio;
import io.muse4j.audio.signal.SyntheticAudio;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CqtEncoderTest {
    @Test
    void aSinePeaksInItsSemitoneBin() {
        CqtSettings s = CqtSettings.DEFAULT;
        assertEquals(84, s.bins());
        CqtEncoder cqt = new CqtEncoder(s);
        for (int pitch : new int[] {45, 69, 88}) { // A2, A4, E6 (above C1, MIDI 24, by 21, 45, 64 semitones)
            double hz = SyntheticAudio.hz(pitch);
            Spectrogram spec = cqt.encode(SyntheticAudio.sine(hz, 0.5, 2.0, 22_050));
            assertEquals(Spectrogram.Kind.CQT, spec.kind());
            assertArrayEquals(new long[] {1 + 44_100 / 512, 84}, spec.values().shape());
            float[] middle = spec.values().getRow(spec.frames() / 2).toFloatVector();
            int bin = StftEncoderTest.argmax(middle);
            assertEquals(pitch - 24, bin, hz + " Hz");
            assertEquals(hz, spec.binHz()[bin], hz * 1e-6);
            assertEquals(0.5, middle[bin], 0.05, "a sine of amplitude A reads about A");
        }
    }

    @Test
    void lowAndHighBinsOfAFrameDescribeTheSameMoment() {
        // silence, then 110 Hz and 1760 Hz together from 1.0 s: both bins should rise at frame 1.0 s, though the
        // 110 Hz kernel is 16 times longer than the 1760 Hz one and both start a buffer's first sample in TarsosDSP
        MonoAudio low = SyntheticAudio.sine(110, 0.5, 2.0, 22_050);
        MonoAudio high = SyntheticAudio.sine(1_760, 0.5, 2.0, 22_050);
        float[] x = new float[22_050 * 2];
        for (int i = 22_050; i < x.length; i++) {
            x[i] = low.sample(i) + high.sample(i);
        }
        Spectrogram spec = new CqtEncoder(CqtSettings.DEFAULT).encode(new MonoAudio(x, 22_050));
        double onset = 1.0 / spec.hopSeconds();
        for (int bin : new int[] {21, 69}) { // A2 and A6, 21 and 69 semitones above C1
            float steady = spec.values().getFloat(spec.frames() * 3 / 4, bin);
            int frame = 0;
            while (spec.values().getFloat(frame, bin) < steady / 2) {
                frame++;
            }
            assertEquals(onset, frame, 1.5, "bin " + bin + " reaches half its level at frame " + frame);
        }
    }

    @Test
    void settingsAreChecked() {
        assertEquals(36, new CqtSettings(22_050, 256, 12, 110, 880).bins());
        assertEquals(24, new CqtSettings(22_050, 256, 24, 100, 200).bins());
        assertThrows(IllegalArgumentException.class, () -> new CqtSettings(22_050, 256, 12, 110, 12_000));
        assertThrows(IllegalArgumentException.class, () -> new CqtSettings(22_050, 256, 0, 110, 880));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CqtSettings(44_100, 256, 96, 20, 880));
        assertTrue(e.getMessage().startsWith("constant-Q kernel for 20.00 Hz at 96 bins per octave would be"),
                e.getMessage());
    }
}
