package io.muse4j.audio.transcription;

/**
 * How to transcribe.
 *
 * @param tracker the pitch tracker
 * @param minNoteSeconds notes shorter than this are dropped, {@value #MIN_NOTE_LOWER}..{@value #MIN_NOTE_UPPER}
 *     seconds
 */
public record TranscriptionSettings(PitchTracker tracker, double minNoteSeconds) {
    public static final double MIN_NOTE_LOWER = 0.01;
    public static final double MIN_NOTE_UPPER = 2.0;
    /** FFT_YIN, notes of 60 ms and longer. */
    public static final TranscriptionSettings DEFAULT = new TranscriptionSettings(PitchTracker.FFT_YIN, 0.06);

    public TranscriptionSettings {
        if (tracker == null) {
            throw new IllegalArgumentException("pitch tracker must not be null");
        }
        if (!(minNoteSeconds >= MIN_NOTE_LOWER && minNoteSeconds <= MIN_NOTE_UPPER)) {
            throw new IllegalArgumentException("minimum note length " + minNoteSeconds + " s outside "
                    + MIN_NOTE_LOWER + ".." + MIN_NOTE_UPPER);
        }
    }
}
