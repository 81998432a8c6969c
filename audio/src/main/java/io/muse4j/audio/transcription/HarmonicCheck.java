package io.muse4j.audio.transcription;

import be.tarsos.dsp.util.fft.FFT;
import io.muse4j.audio.signal.Frames;

/**
 * Corrects YIN's subharmonic errors. When a note follows another whose sound still rings (release, reverb), the
 * mixture repeats at the common period of both: F#4 over the tail of D4 (frequencies 5:4) repeats at D2, two
 * octaves and a third below either, and YIN, looking for the first period that repeats well, may report that.
 * Such a subharmonic is betrayed by its own fundamental, missing from the spectrum. So YIN's estimate {@code f} stands
 * when the frame's spectrum holds a peak near {@code f} ({@value #PRESENT} of its loudest or more); otherwise the
 * candidates {@code k * f} (k = 2..{@value #MAX_DIVISOR}) whose own fundamental is present are scored by the mean
 * magnitude of their first {@value #HARMONICS} harmonics, and the best replaces it: for D2 that is F#4, the
 * new note, whose harmonics are all there and louder than those of the fading D4.
 */
final class HarmonicCheck {
    static final int MAX_DIVISOR = 6;
    static final int HARMONICS = 5;
    /** A frequency is present in a frame when its peak reaches this fraction of the frame's loudest. */
    static final double PRESENT = 0.25;
    /** A harmonic is looked for within a quarter tone of where it should be. */
    private static final double QUARTER_TONE = Math.pow(2, 1 / 24.0);

    private final int rate;
    private final FFT fft;
    private final float[] window;
    private final float[] buffer;
    private final float[] magnitude;

    HarmonicCheck(int rate, int window, int fftSize) {
        this.rate = rate;
        this.fft = new FFT(fftSize);
        this.window = Frames.hann(window);
        this.buffer = new float[fftSize];
        this.magnitude = new float[fftSize / 2];
    }

    /** The fundamental in Hz of {@code frame} (YIN's buffer), given YIN's estimate {@code hz}. */
    double correct(float[] frame, double hz) {
        java.util.Arrays.fill(buffer, 0f);
        for (int i = 0; i < window.length; i++) {
            buffer[i] = frame[i] * window[i];
        }
        fft.forwardTransform(buffer);
        float loudest = 0;
        for (int k = 1; k < magnitude.length; k++) {
            magnitude[k] = (float) Math.hypot(buffer[2 * k], buffer[2 * k + 1]);
            loudest = Math.max(loudest, magnitude[k]);
        }
        double present = PRESENT * loudest;
        if (peak(hz) >= present) {
            return hz;
        }
        double best = hz;
        double bestScore = 0;
        for (int k = 2; k <= MAX_DIVISOR && k * hz * QUARTER_TONE < rate / 2.0; k++) {
            double s = score(k * hz);
            if (peak(k * hz) >= present && s > bestScore) {
                best = k * hz;
                bestScore = s;
            }
        }
        return best;
    }

    /** The mean over the first harmonics of the largest magnitude within a quarter tone of each. */
    private double score(double hz) {
        double sum = 0;
        for (int h = 1; h <= HARMONICS; h++) {
            sum += peak(h * hz);
        }
        return sum / HARMONICS;
    }

    /** The largest magnitude within a quarter tone of {@code hz} (the nearest bin where that holds none). */
    private float peak(double hz) {
        double binHz = rate / (double) (2 * magnitude.length);
        int lo = Math.max(1, (int) Math.ceil(hz / QUARTER_TONE / binHz));
        int hi = Math.min(magnitude.length - 1, (int) Math.floor(hz * QUARTER_TONE / binHz));
        if (lo > hi) {
            return magnitude[Math.max(1, Math.min(magnitude.length - 1, (int) Math.round(hz / binHz)))];
        }
        float peak = 0;
        for (int b = lo; b <= hi; b++) {
            peak = Math.max(peak, magnitude[b]);
        }
        return peak;
    }
}
