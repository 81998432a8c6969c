package io.muse4j.midi.live;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.TempoMap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A key going down or up, {@code offsetNanos} after a score's first note.
 *
 * @param offsetNanos time from the first note-on
 * @param on whether the key goes down
 * @param channel MIDI channel
 * @param pitch MIDI pitch
 * @param velocity MIDI velocity (of the note, for both events)
 */
record NoteEvent(long offsetNanos, boolean on, int channel, int pitch, int velocity) {
    /** At one instant, keys go up before keys go down, so a repeated note sounds twice. */
    private static final Comparator<NoteEvent> ORDER = Comparator.comparingLong(NoteEvent::offsetNanos)
            .thenComparing(NoteEvent::on).thenComparingInt(NoteEvent::pitch);

    /** The score's notes as events in time order, leading silence skipped; every note keeps its channel. */
    static List<NoteEvent> timeline(NoteSequence score) {
        return timeline(score, -1);
    }

    /** The score's notes as events in time order, leading silence skipped, all on {@code channel} (-1: their own). */
    static List<NoteEvent> timeline(NoteSequence score, int channel) {
        TempoMap tempo = score.tempoMap();
        long first = score.notes().isEmpty() ? 0 : nanos(tempo, score.notes().get(0).startTick());
        List<NoteEvent> events = new ArrayList<>();
        for (Note note : score.notes()) {
            int ch = channel < 0 ? note.channel() : channel;
            events.add(new NoteEvent(nanos(tempo, note.startTick()) - first, true, ch, note.pitch(), note.velocity()));
            events.add(new NoteEvent(nanos(tempo, note.endTick()) - first, false, ch, note.pitch(), note.velocity()));
        }
        events.sort(ORDER);
        return events;
    }

    private static long nanos(TempoMap tempo, long tick) {
        return Math.round(tempo.seconds(tick) * 1e9);
    }
}
