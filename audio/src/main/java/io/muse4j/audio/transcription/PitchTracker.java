package io.muse4j.audio.transcription;

import be.tarsos.dsp.pitch.FastYin;
import be.tarsos.dsp.pitch.PitchDetector;
import be.tarsos.dsp.pitch.Yin;

/** The fundamental-frequency estimators transcription can use, both TarsosDSP's YIN (de Cheveigné and Kawahara 2002). */
public enum PitchTracker {
    /** YIN with its difference function summed directly: O(window²) a frame. */
    YIN,
    /** The same YIN with the difference function computed through FFTs: the same pitches, many times faster. */
    FFT_YIN;

    /**
     * YIN's absolute threshold on its normalised difference: the first period that repeats better than this is the
     * pitch. Below TarsosDSP's 0.20, so frames where the note before still rings more often read as unpitched
     * rather than as a wrong pitch (0.15 scored best on rendered folk tunes; 0.10 loses real notes).
     */
    static final double THRESHOLD = 0.15;

    /** A detector for buffers of {@code window} samples at {@code sampleRate} Hz; not shared between threads. */
    PitchDetector detector(int sampleRate, int window) {
        return switch (this) {
            case YIN -> new Yin(sampleRate, window, THRESHOLD);
            case FFT_YIN -> new FastYin(sampleRate, window, THRESHOLD);
        };
    }
}
