package io.muse4j.audio.spectrogram;

/**
 * How to take a short-time Fourier transform: audio is first resampled to {@code sampleRate}, then cut into frames
 * of {@code window} samples (a periodic Hann window, also the FFT size) every {@code hop} samples.
 *
 * @param sampleRate the rate the audio is resampled to, {@value #MIN_RATE}..{@value #MAX_RATE} Hz
 * @param window window and FFT length, a power of two in {@value #MIN_WINDOW}..{@value #MAX_WINDOW}
 * @param hop samples between frame centres, 1..window
 */
public record StftSettings(int sampleRate, int window, int hop) {
    public static final int MIN_RATE = 1_000;
    public static final int MAX_RATE = 192_000;
    public static final int MIN_WINDOW = 32;
    public static final int MAX_WINDOW = 65_536;
    /** 22,050 Hz, a 2,048-sample window (93 ms) and a hop of 512 (23 ms), librosa's defaults. */
    public static final StftSettings DEFAULT = new StftSettings(22_050, 2_048, 512);

    public StftSettings {
        checkRate(sampleRate);
        if (window < MIN_WINDOW || window > MAX_WINDOW || Integer.bitCount(window) != 1) {
            throw new IllegalArgumentException("window " + window + " must be a power of two in " + MIN_WINDOW + ".."
                    + MAX_WINDOW);
        }
        if (hop < 1 || hop > window) {
            throw new IllegalArgumentException("hop " + hop + " outside 1.." + window + " (the window)");
        }
    }

    /** The number of frequency bins, {@code window / 2 + 1}, from 0 Hz to the Nyquist frequency. */
    public int bins() {
        return window / 2 + 1;
    }

    /** The centre frequency of bin {@code k} in Hz. */
    public double binHz(int k) {
        return k * (double) sampleRate / window;
    }

    /** Seconds between frames. */
    public double hopSeconds() {
        return hop / (double) sampleRate;
    }

    static void checkRate(int sampleRate) {
        if (sampleRate < MIN_RATE || sampleRate > MAX_RATE) {
            throw new IllegalArgumentException("sample rate " + sampleRate + " Hz outside " + MIN_RATE + ".."
                    + MAX_RATE);
        }
    }
}
