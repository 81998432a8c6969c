package io.muse4j.audio.transcription;

import be.tarsos.dsp.pitch.PitchDetectionResult;
import be.tarsos.dsp.pitch.PitchDetector;
import be.tarsos.dsp.util.fft.FFT;
import io.muse4j.audio.signal.Frames;

/**
 * What transcription measures in each frame of mono audio at {@link #RATE} Hz, frames centred every {@link #HOP}
 * samples as {@link Frames} cuts them: the pitch, the level and the spectral flux.
 */
final class FrameFeatures {
    static final int RATE = 22_050;
    /** 11.6 ms between frames. */
    static final int HOP = 256;
    /** 46 ms: YIN looks for periods up to half its buffer, so pitches down to 43 Hz (F1) are found. */
    static final int PITCH_WINDOW = 1_024;
    /** 23 ms for the level and the flux: short enough to place an onset within a few milliseconds. */
    static final int SHORT_WINDOW = 512;
    /** Flux compares a frame with the one this many frames before: 11.6 ms, half a short window. */
    static final int FLUX_LAG = 1;

    /** Fractional MIDI pitch of each frame, NaN where YIN found no pitch. */
    final float[] pitch;
    /** RMS level of each frame in dB relative to full scale. */
    final float[] levelDb;
    /** Rise of the log-compressed magnitude spectrum over {@link #FLUX_LAG} frames, summed over bins. */
    final float[] flux;

    private FrameFeatures(float[] pitch, float[] levelDb, float[] flux) {
        this.pitch = pitch;
        this.levelDb = levelDb;
        this.flux = flux;
    }

    int frames() {
        return pitch.length;
    }

    /** The number of frames nearest to {@code seconds}, at least 1. */
    static int frames(double seconds) {
        return Math.max(1, (int) Math.round(seconds * RATE / HOP));
    }

    /** Seconds at the centre of frame {@code i}. */
    static double seconds(double frame) {
        return frame * HOP / RATE;
    }

    /** Measures every frame of {@code samples}, at {@link #RATE} Hz. */
    static FrameFeatures of(float[] samples, PitchTracker tracker) {
        int frames = Frames.count(samples.length, HOP);
        float[] pitch = new float[frames];
        float[] level = new float[frames];
        float[] flux = new float[frames];
        PitchDetector detector = tracker.detector(RATE, PITCH_WINDOW);
        HarmonicCheck check = new HarmonicCheck(RATE, PITCH_WINDOW, 2 * PITCH_WINDOW);
        float[] pitchBuffer = new float[PITCH_WINDOW];
        float[] shortBuffer = new float[SHORT_WINDOW];
        float[] window = Frames.hann(SHORT_WINDOW);
        FFT fft = new FFT(SHORT_WINDOW);
        int bins = SHORT_WINDOW / 2;
        float[][] spectra = new float[FLUX_LAG + 1][bins]; // a ring of log spectra
        for (int i = 0; i < frames; i++) {
            Frames.copy(samples, i * HOP, pitchBuffer);
            PitchDetectionResult r = detector.getPitch(pitchBuffer);
            pitch[i] = r.isPitched() && r.getPitch() > 0
                    ? (float) (69 + 12 * log2(check.correct(pitchBuffer, r.getPitch()) / 440.0)) : Float.NaN;

            Frames.copy(samples, i * HOP, shortBuffer);
            double sum = 0;
            for (int j = 0; j < SHORT_WINDOW; j++) {
                sum += shortBuffer[j] * shortBuffer[j];
                shortBuffer[j] *= window[j];
            }
            level[i] = (float) (10 * Math.log10(Math.max(sum / SHORT_WINDOW, 1e-12)));
            fft.forwardTransform(shortBuffer);
            float[] now = spectra[i % spectra.length];
            float[] before = spectra[(i + 1) % spectra.length]; // FLUX_LAG frames ago (zeros at the start)
            double rise = 0;
            for (int k = 1; k < bins; k++) {
                float re = shortBuffer[2 * k];
                float im = shortBuffer[2 * k + 1];
                now[k] = (float) Math.log1p(100 * Math.sqrt(re * re + im * im) * 4 / SHORT_WINDOW);
                rise += Math.max(0, now[k] - before[k]);
            }
            flux[i] = (float) rise;
        }
        return new FrameFeatures(pitch, level, flux);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
