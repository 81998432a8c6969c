package io.muse4j.audio.spectrogram;

import io.muse4j.audio.signal.MonoAudio;
import io.muse4j.audio.signal.SyntheticAudio;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StftEncoderTest {
    @Test
    void aSinePeaksInItsBinAtItsAmplitude() {
        StftSettings s = new StftSettings(22_050, 2_048, 512);
        Spectrogram spec = new StftEncoder(s).encode(SyntheticAudio.sine(440, 0.5, 1.0, 22_050));
        assertEquals(Spectrogram.Kind.STFT, spec.kind());
        assertEquals(DataType.FLOAT, spec.values().dataType());
        assertArrayEquals(new long[] {1 + 22_050 / 512, 1_025}, spec.values().shape());
        int expected = (int) Math.round(440 / s.binHz(1)); // bin 41 of 10.77 Hz
        float[] middle = spec.values().getRow(spec.frames() / 2).toFloatVector();
        assertEquals(expected, argmax(middle));
        assertEquals(0.5, middle[expected], 0.01, "a sine of amplitude A reads A");
        assertEquals(440, spec.binHz()[expected], s.binHz(1) / 2);
        assertTrue(middle[expected + 10] < 1e-3 * middle[expected], "far bins are quiet");
    }

    @Test
    void framesAreOnePlusSamplesOverHop() {
        for (int hop : new int[] {64, 256, 441}) {
            StftEncoder stft = new StftEncoder(new StftSettings(22_050, 1_024, hop));
            for (int n : new int[] {1, 1_000, 22_050}) {
                Spectrogram spec = stft.encode(new MonoAudio(new float[n], 22_050));
                assertEquals(1 + n / hop, spec.frames(), "hop " + hop + ", " + n + " samples");
                assertEquals(hop / 22_050.0, spec.hopSeconds(), 1e-12);
            }
        }
    }

    @Test
    void audioAtAnotherRateIsResampledFirst() {
        StftSettings s = StftSettings.DEFAULT;
        Spectrogram spec = new StftEncoder(s).encode(SyntheticAudio.sine(1_000, 0.5, 1.0, 44_100));
        assertEquals(1 + 22_050 / 512, spec.frames(), "one second at 22,050 Hz");
        float[] middle = spec.values().getRow(spec.frames() / 2).toFloatVector();
        assertEquals((int) Math.round(1_000 / s.binHz(1)), argmax(middle));
    }

    @Test
    void aClickLightsUpItsOwnFrames() {
        float[] x = new float[22_050];
        x[11_025] = 1; // at 0.5 s: frame 0.5 * 22050 / 512 = 21.5
        Spectrogram spec = new StftEncoder(new StftSettings(22_050, 512, 512)).encode(new MonoAudio(x, 22_050));
        for (int frame = 0; frame < spec.frames(); frame++) {
            int at = 11_025 - (frame * 512 - 256); // where the click falls in the frame's window
            boolean inside = at > 0 && at < 512; // the Hann window is 0 at its first sample
            float level = spec.values().getFloat(frame, 100);
            assertEquals(inside, level > 0, "frame " + frame + ": " + level);
        }
    }

    @Test
    void settingsAreChecked() {
        assertEquals("window 1000 must be a power of two in 32..65536",
                assertThrows(IllegalArgumentException.class, () -> new StftSettings(22_050, 1_000, 256)).getMessage());
        assertEquals("hop 0 outside 1..1024 (the window)",
                assertThrows(IllegalArgumentException.class, () -> new StftSettings(22_050, 1_024, 0)).getMessage());
        assertEquals("sample rate 500 Hz outside 1000..192000",
                assertThrows(IllegalArgumentException.class, () -> new StftSettings(500, 1_024, 256)).getMessage());
    }

    static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            best = v[i] > v[best] ? i : best;
        }
        return best;
    }
}
