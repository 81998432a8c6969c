package io.muse4j.midi.live;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.TempoChange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The call a musician is playing: the notes finished so far and the keys still held. */
final class CallBuilder {
    /** Ticks per quarter of the calls handed to a {@link Responder}. */
    static final int RESOLUTION = 480;
    private final List<PlayedNote> notes = new ArrayList<>();
    private final Map<Integer, PlayedNote> held = new HashMap<>();
    private long startNanos = -1;

    boolean isEmpty() {
        return startNanos < 0;
    }

    boolean anyHeld() {
        return !held.isEmpty();
    }

    long startNanos() {
        return startNanos;
    }

    /** A key goes down; pressing a held key again ends its note first. */
    void noteOn(int channel, int pitch, int velocity, long now) {
        if (isEmpty()) {
            startNanos = now;
        }
        noteOff(channel, pitch, now);
        held.put(key(channel, pitch), new PlayedNote(pitch, velocity, channel, now, now));
    }

    /** A key comes up: true if it was held. */
    boolean noteOff(int channel, int pitch, long now) {
        PlayedNote note = held.remove(key(channel, pitch));
        if (note == null) {
            return false;
        }
        notes.add(new PlayedNote(pitch, note.velocity(), channel, note.onNanos(), Math.max(now, note.onNanos() + 1)));
        return true;
    }

    /** Ends every held note now (the call is cut off). */
    void releaseAll(long now) {
        for (PlayedNote note : List.copyOf(held.values())) {
            noteOff(note.channel(), note.pitch(), now);
        }
    }

    /** The finished notes, in the order they ended. */
    List<PlayedNote> notes() {
        return List.copyOf(notes);
    }

    /** The finished notes as a score at {@code bpm}, its time 0 at the first key pressed. */
    NoteSequence toSequence(double bpm) {
        List<Note> score = new ArrayList<>();
        for (PlayedNote n : notes) {
            score.add(n.toNote(startNanos, bpm, RESOLUTION, 0));
        }
        return NoteSequence.builder(RESOLUTION).tempo(TempoChange.ofBpm(0, bpm)).notes(score).build();
    }

    private static int key(int channel, int pitch) {
        return channel * 128 + pitch;
    }
}
