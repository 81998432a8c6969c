package io.muse4j.audio.spectrogram;

import java.util.Locale;

/**
 * How to take a constant-Q transform (Brown 1991; Brown and Puckette's kernels, as TarsosDSP computes them): bins
 * spaced {@code binsPerOctave} to the octave from {@code minHz}, each with a Hann-windowed kernel as many periods
 * long as its Q asks, so low bins look further back and forth in time than high ones.
 *
 * @param sampleRate the rate the audio is resampled to, {@value StftSettings#MIN_RATE}..{@value StftSettings#MAX_RATE} Hz
 * @param hop samples between frame centres, at least 1
 * @param binsPerOctave bins per octave, 1..{@value #MAX_BINS_PER_OCTAVE} (12: one per semitone)
 * @param minHz centre frequency of the first bin, above 0
 * @param maxHz the bins reach up to this frequency: {@code ceil(binsPerOctave * log2(maxHz / minHz))} of them; at
 *     most the Nyquist frequency
 */
public record CqtSettings(int sampleRate, int hop, int binsPerOctave, double minHz, double maxHz) {
    public static final int MAX_BINS_PER_OCTAVE = 96;
    /** The longest kernel (for the lowest bin) allowed, in samples; about 3 s at 22,050 Hz. */
    public static final int MAX_KERNEL = 65_536;
    /** C1 (32.70 Hz) up to C8 (4186 Hz), a bin per semitone (84 bins), hop 512 at 22,050 Hz, librosa's defaults. */
    public static final CqtSettings DEFAULT = new CqtSettings(22_050, 512, 12, 32.703_195_662_574_83,
            4_186.009_044_809_578);

    public CqtSettings {
        StftSettings.checkRate(sampleRate);
        if (hop < 1 || hop > sampleRate) {
            throw new IllegalArgumentException("hop " + hop + " outside 1.." + sampleRate + " (one second)");
        }
        if (binsPerOctave < 1 || binsPerOctave > MAX_BINS_PER_OCTAVE) {
            throw new IllegalArgumentException("bins per octave " + binsPerOctave + " outside 1.."
                    + MAX_BINS_PER_OCTAVE);
        }
        double nyquist = sampleRate / 2.0;
        if (!(minHz > 0 && minHz < maxHz && maxHz <= nyquist)) {
            throw new IllegalArgumentException("constant-Q range " + minHz + ".." + maxHz + " Hz must rise within "
                    + "0.." + nyquist + " Hz (the Nyquist frequency)");
        }
        double kernel = q(binsPerOctave) * sampleRate / minHz;
        if (kernel > MAX_KERNEL) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "constant-Q kernel for %.2f Hz at %d "
                    + "bins per octave would be %.0f samples, over %d; raise the lowest frequency",
                    minHz, binsPerOctave, kernel, MAX_KERNEL));
        }
    }

    /** The number of bins. */
    public int bins() {
        return (int) Math.ceil(binsPerOctave * log2(maxHz / minHz) - 1e-9);
    }

    /** The centre frequency of bin {@code k} in Hz. */
    public double binHz(int k) {
        return minHz * Math.pow(2, k / (double) binsPerOctave);
    }

    /** Seconds between frames. */
    public double hopSeconds() {
        return hop / (double) sampleRate;
    }

    /** The quality factor: centre frequency over bandwidth, for bins a {@code 1/binsPerOctave} octave apart. */
    static double q(int binsPerOctave) {
        return 1 / (Math.pow(2, 1.0 / binsPerOctave) - 1);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
