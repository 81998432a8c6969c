package io.muse4j.midi.live;

import io.muse4j.core.score.Note;

/**
 * A note heard in a session, timed on the session's clock.
 *
 * @param pitch MIDI pitch
 * @param velocity MIDI velocity, 1..127
 * @param channel MIDI channel, 0..15
 * @param onNanos when it started
 * @param offNanos when it stopped (after {@code onNanos})
 */
public record PlayedNote(int pitch, int velocity, int channel, long onNanos, long offNanos) {
    /** The note in a score whose tick 0 is {@code originNanos}, at {@code bpm} and {@code resolution}. */
    Note toNote(long originNanos, double bpm, int resolution, int track) {
        double ticksPerNano = bpm / 60 * resolution / 1e9;
        long start = Math.max(0, Math.round((onNanos - originNanos) * ticksPerNano));
        long end = Math.max(start + 1, Math.round((offNanos - originNanos) * ticksPerNano));
        return new Note(pitch, velocity, start, end - start, 0, channel, false, track);
    }
}
