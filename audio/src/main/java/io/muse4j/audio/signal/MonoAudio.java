package io.muse4j.audio.signal;

import java.util.Arrays;

/**
 * One channel of audio: samples at full scale ±1.0 and their rate. Immutable: the samples are copied in and out,
 * so two clips with the same rate and samples are {@code equals}.
 */
public final class MonoAudio {
    /** Lowest and highest sample rate accepted, in Hz. */
    public static final int MIN_RATE = 1_000;
    public static final int MAX_RATE = 768_000;

    private final float[] samples;
    private final int sampleRate;

    /** A clip of {@code samples} at {@code sampleRate} Hz; fails on a rate outside {@link #MIN_RATE}..{@link #MAX_RATE}. */
    public MonoAudio(float[] samples, int sampleRate) {
        this(samples.clone(), sampleRate, true);
    }

    /** For code here that built the array and hands it over. */
    MonoAudio(float[] owned, int sampleRate, boolean owns) {
        if (sampleRate < MIN_RATE || sampleRate > MAX_RATE) {
            throw new IllegalArgumentException("sample rate " + sampleRate + " Hz outside " + MIN_RATE + ".."
                    + MAX_RATE);
        }
        this.samples = owned;
        this.sampleRate = sampleRate;
    }

    /** A copy of the samples. */
    public float[] samples() {
        return samples.clone();
    }

    /** Samples per second. */
    public int sampleRate() {
        return sampleRate;
    }

    /** The number of samples. */
    public int length() {
        return samples.length;
    }

    /** The sample at {@code index}. */
    public float sample(int index) {
        return samples[index];
    }

    /** The length in seconds. */
    public double seconds() {
        return samples.length / (double) sampleRate;
    }

    /** Root mean square level of the whole clip, full scale 1.0. */
    public double rms() {
        double sum = 0;
        for (float s : samples) {
            sum += (double) s * s;
        }
        return Math.sqrt(sum / Math.max(1, samples.length));
    }

    /** The part from sample {@code from} (inclusive) to {@code to} (exclusive). */
    public MonoAudio slice(int from, int to) {
        if (from < 0 || to > samples.length || from > to) {
            throw new IllegalArgumentException("slice " + from + ".." + to + " outside 0.." + samples.length);
        }
        return new MonoAudio(Arrays.copyOfRange(samples, from, to), sampleRate, true);
    }

    /** The samples without a copy, for this package's readers and filters; never to be changed. */
    float[] shared() {
        return samples;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MonoAudio other && other.sampleRate == sampleRate && Arrays.equals(other.samples, samples);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(samples) + sampleRate;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "MonoAudio[%.3f s at %d Hz]", seconds(), sampleRate);
    }
}
