package io.muse4j.corpora;

import io.muse4j.core.score.Check;
import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.transform.Transforms;

import java.util.ArrayList;
import java.util.List;

/** Training-data augmentation: transposition kept inside a vocabulary's pitch range, and time-stretch. */
public final class Augmentation {
    private Augmentation() {
    }

    /**
     * The score transposed by every shift in {@code -maxShift..maxShift} (0 included) that keeps all pitched
     * notes inside {@code lowest..highest}; shifts that would leave the range are left out, not clipped.
     */
    public static List<NoteSequence> transpositions(NoteSequence seq, int maxShift, int lowest, int highest) {
        Check.range("maximum transposition", maxShift, 0, 127);
        int min = 127;
        int max = 0;
        for (Note note : seq.notes()) {
            if (!note.drum()) {
                min = Math.min(min, note.pitch());
                max = Math.max(max, note.pitch());
            }
        }
        if (min > max) {
            return List.of(seq); // nothing pitched to move
        }
        List<NoteSequence> shifted = new ArrayList<>();
        for (int shift = -maxShift; shift <= maxShift; shift++) {
            if (min + shift >= lowest && max + shift <= highest) {
                shifted.add(shift == 0 ? seq : Transforms.transpose(seq, shift));
            }
        }
        return shifted;
    }

    /** The score time-stretched by each factor (for performance data: 0.95 and 1.05 are Magenta's choice). */
    public static List<NoteSequence> stretches(NoteSequence seq, double... factors) {
        List<NoteSequence> stretched = new ArrayList<>(factors.length);
        for (double factor : factors) {
            stretched.add(factor == 1.0 ? seq : Transforms.stretch(seq, factor));
        }
        return stretched;
    }
}
