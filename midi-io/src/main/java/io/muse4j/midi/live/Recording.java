package io.muse4j.midi.live;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.TempoChange;
import io.muse4j.midi.MidiWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole session as one score: the calls on track 1 and the responses on track 2 (track 0 holds the tempo), timed
 * from the session's start. Safe from any thread.
 */
public final class Recording {
    /** Track of the musician's calls. */
    public static final int CALL_TRACK = 1;
    /** Track of muse4j's responses. */
    public static final int RESPONSE_TRACK = 2;
    private static final int RESOLUTION = 480;
    private final long originNanos;
    private final double bpm;
    private final List<Note> notes = new ArrayList<>();

    /** A recording whose time 0 is {@code originNanos}, written at {@code bpm} (only the notation depends on it). */
    public Recording(long originNanos, double bpm) {
        this.originNanos = originNanos;
        this.bpm = bpm;
    }

    /** Adds a note of a call. */
    public synchronized void call(PlayedNote note) {
        notes.add(toNote(note, CALL_TRACK));
    }

    /** Adds a note of a response. */
    public synchronized void response(PlayedNote note) {
        notes.add(toNote(note, RESPONSE_TRACK));
    }

    /** The session so far. */
    public synchronized NoteSequence toSequence() {
        return NoteSequence.builder(RESOLUTION).tempo(TempoChange.ofBpm(0, bpm))
                .trackName(0, "muse4j live").trackName(CALL_TRACK, "call").trackName(RESPONSE_TRACK, "response")
                .notes(notes).build();
    }

    /** Writes the session so far as a MIDI file, atomically. */
    public void write(Path file) throws IOException {
        MidiWriter.write(toSequence(), file);
    }

    private Note toNote(PlayedNote played, int track) {
        return played.toNote(originNanos, bpm, RESOLUTION, track);
    }
}
