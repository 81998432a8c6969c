package io.muse4j.audio.signal;

/** Test signals built in code, for tests and examples: sines and melodies of plucked harmonic tones. */
public final class SyntheticAudio {
    private SyntheticAudio() {
    }

    /** A sine of {@code hz} and peak {@code amplitude}, {@code seconds} long at {@code rate} Hz. */
    public static MonoAudio sine(double hz, double amplitude, double seconds, int rate) {
        float[] x = new float[(int) Math.round(seconds * rate)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return new MonoAudio(x, rate, true);
    }

    /** The frequency in Hz of a MIDI pitch, A4 (69) being 440 Hz. */
    public static double hz(int pitch) {
        return 440 * Math.pow(2, (pitch - 69) / 12.0);
    }

    /**
     * Plucked tones one after another: tone {@code i} of MIDI pitch {@code pitches[i]} starts at
     * {@code lead + i * noteSeconds} with peak {@code amplitudes[i]}, rises in 5 ms and decays (halving in 0.23 s)
     * until the next begins. Each has three harmonics (1, 1/2, 1/4), as a string might. {@code lead} seconds of
     * silence come before the first and after the last.
     */
    public static MonoAudio melody(int[] pitches, double[] amplitudes, double noteSeconds, double lead, int rate) {
        if (pitches.length != amplitudes.length) {
            throw new IllegalArgumentException(pitches.length + " pitches but " + amplitudes.length + " amplitudes");
        }
        int noteSamples = (int) Math.round(noteSeconds * rate);
        int leadSamples = (int) Math.round(lead * rate);
        float[] x = new float[2 * leadSamples + pitches.length * noteSamples];
        for (int n = 0; n < pitches.length; n++) {
            double f = hz(pitches[n]);
            int start = leadSamples + n * noteSamples;
            for (int i = 0; i < noteSamples; i++) {
                double t = i / (double) rate;
                double envelope = Math.min(1, t / 0.005) * Math.exp(-3 * t);
                double wave = Math.sin(2 * Math.PI * f * t) + 0.5 * Math.sin(4 * Math.PI * f * t)
                        + 0.25 * Math.sin(6 * Math.PI * f * t);
                x[start + i] = (float) (amplitudes[n] / 1.75 * envelope * wave);
            }
        }
        return new MonoAudio(x, rate, true);
    }
}
