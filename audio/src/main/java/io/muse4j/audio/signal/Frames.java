package io.muse4j.audio.signal;

import java.util.Arrays;

/**
 * How audio is cut into frames: frame {@code i} is centred on sample {@code i * hop}, and samples before the start
 * or past the end read as silence (librosa's {@code center=True} with zero padding). So a clip of {@code n} samples
 * has {@code 1 + n / hop} frames, and frame times do not depend on the window length. Spectrograms and
 * transcription frame audio this one way.
 */
public final class Frames {
    private Frames() {
    }

    /** The number of frames of {@code samples} samples at {@code hop}. */
    public static int count(int samples, int hop) {
        return 1 + samples / hop;
    }

    /** The periodic Hann window of {@code n} samples (the DFT-even one spectral analysis uses). */
    public static float[] hann(int n) {
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            w[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / n));
        }
        return w;
    }

    /** Copies the {@code buffer.length} samples centred on {@code centre} into {@code buffer}, zeros outside. */
    public static void copy(float[] samples, int centre, float[] buffer) {
        int start = centre - buffer.length / 2;
        int from = Math.max(0, start);
        int to = Math.min(samples.length, start + buffer.length);
        Arrays.fill(buffer, 0f);
        if (from < to) {
            System.arraycopy(samples, from, buffer, from - start, to - from);
        }
    }
}
