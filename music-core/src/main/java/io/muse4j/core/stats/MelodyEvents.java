package io.muse4j.core.stats;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.transform.Voices;

import java.util.List;

/**
 * A piece's melody (its skyline, {@link Voices#melody}) as one int a note, (pitch, duration): the alphabet of the
 * n-gram statistics and the copy check. Durations are counted in 96ths of a quarter, so pieces at different
 * resolutions compare, and are capped at 65,535 of them.
 */
final class MelodyEvents {
    /** Duration steps per quarter note: whole for 64ths and for triplets down to 32nd-note triplets. */
    static final int STEPS_PER_QUARTER = 96;

    private MelodyEvents() {
    }

    /** The melody's notes, one an onset, in onset order. */
    static List<Note> melody(NoteSequence score) {
        return Voices.melody(score).notes();
    }

    /** The melody as (pitch, duration) events, {@code pitch << 16 | duration steps}. */
    static int[] of(NoteSequence score) {
        List<Note> melody = melody(score);
        int[] events = new int[melody.size()];
        for (int i = 0; i < events.length; i++) {
            Note n = melody.get(i);
            long steps = Math.round((double) n.durationTicks() * STEPS_PER_QUARTER / score.resolution());
            events[i] = n.pitch() << 16 | (int) Math.max(1, Math.min(0xFFFF, steps));
        }
        return events;
    }
}
