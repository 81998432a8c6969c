package io.muse4j.audio.spectrogram;

/**
 * How to take a log-mel spectrogram: the power of an STFT summed through {@code bands} triangular filters spaced
 * evenly on the mel scale (HTK's {@code 2595 log10(1 + f / 700)}) from {@code minHz} to {@code maxHz}.
 *
 * @param stft the transform underneath
 * @param bands number of mel bands, 1..{@value #MAX_BANDS}; each must hold at least one FFT bin
 * @param minHz lower edge of the lowest band, 0 or more
 * @param maxHz upper edge of the highest band, above {@code minHz} and at most the Nyquist frequency
 */
public record MelSettings(StftSettings stft, int bands, double minHz, double maxHz) {
    public static final int MAX_BANDS = 1_024;
    /** 128 bands from 0 Hz to 11,025 Hz over {@link StftSettings#DEFAULT}, librosa's defaults. */
    public static final MelSettings DEFAULT = new MelSettings(StftSettings.DEFAULT, 128, 0, 11_025);

    public MelSettings {
        if (stft == null) {
            throw new IllegalArgumentException("stft settings must not be null");
        }
        if (bands < 1 || bands > MAX_BANDS) {
            throw new IllegalArgumentException("mel bands " + bands + " outside 1.." + MAX_BANDS);
        }
        double nyquist = stft.sampleRate() / 2.0;
        if (!(minHz >= 0 && minHz < maxHz && maxHz <= nyquist)) {
            throw new IllegalArgumentException("mel range " + minHz + ".." + maxHz + " Hz must rise within 0.."
                    + nyquist + " Hz (the Nyquist frequency)");
        }
        MelFilters.check(stft, bands, minHz, maxHz);
    }

    /** Mels of a frequency in Hz. */
    public static double mel(double hz) {
        return 2595 * Math.log10(1 + hz / 700);
    }

    /** Hz of a number of mels. */
    public static double hz(double mel) {
        return 700 * (Math.pow(10, mel / 2595) - 1);
    }
}
