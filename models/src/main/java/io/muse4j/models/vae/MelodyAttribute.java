package io.muse4j.models.vae;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;

import java.util.List;
import java.util.Locale;

/**
 * The musical attributes a {@link MusicVae}'s attribute vectors move along, each a pure function of a melody window
 * (the notes, and the window's length in ticks). A window without notes measures NaN.
 */
public enum MelodyAttribute {
    /** Notes per 4/4 bar. */
    NOTE_DENSITY,
    /** Mean MIDI pitch of the notes. */
    PITCH_MEAN,
    /** Highest minus lowest pitch, in semitones. */
    PITCH_RANGE,
    /**
     * Mean metrical depth of the onsets, from 0 (every onset on a quarter-note beat) to 1 (every onset on an odd
     * sixteenth); an onset on an off-beat eighth counts 1/2.
     */
    RHYTHMIC_COMPLEXITY;

    /** The name on the command line and in model files: "note-density" and so on. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The attribute a label names; fails listing the labels. */
    public static MelodyAttribute of(String label) {
        for (MelodyAttribute attribute : values()) {
            if (attribute.label().equals(label)) {
                return attribute;
            }
        }
        throw new IllegalArgumentException("attribute '" + label + "' is not one of note-density, pitch-mean, "
                + "pitch-range, rhythmic-complexity");
    }

    /** The attribute of a melody window lasting {@code windowTicks}. */
    public double measure(NoteSequence melody, long windowTicks) {
        List<Note> notes = melody.notes();
        if (notes.isEmpty()) {
            return Double.NaN;
        }
        int quarter = melody.resolution();
        return switch (this) {
            case NOTE_DENSITY -> notes.size() / (windowTicks / (4.0 * quarter));
            case PITCH_MEAN -> notes.stream().mapToInt(Note::pitch).average().orElse(Double.NaN);
            case PITCH_RANGE -> notes.stream().mapToInt(Note::pitch).max().getAsInt()
                    - notes.stream().mapToInt(Note::pitch).min().getAsInt();
            case RHYTHMIC_COMPLEXITY -> notes.stream().mapToDouble(n -> depth(n.startTick(), quarter)).average()
                    .orElse(Double.NaN);
        };
    }

    private static double depth(long tick, int quarter) {
        if (tick % quarter == 0) {
            return 0;
        }
        return tick % (quarter / 2) == 0 ? 0.5 : 1;
    }
}
