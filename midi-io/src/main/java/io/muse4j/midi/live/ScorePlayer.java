package io.muse4j.midi.live;

import io.muse4j.core.score.NoteSequence;

import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import java.util.List;

/** Plays a score into a receiver on a loop's clock, as a keyboard would: a MIDI file as the call. */
public final class ScorePlayer {
    private ScorePlayer() {
    }

    /**
     * Schedules the score's notes (leading silence skipped) from {@code startNanos}, each on its own channel.
     *
     * @return when the last note ends
     */
    public static long play(NoteSequence score, EventLoop loop, Receiver into, long startNanos) {
        List<NoteEvent> events = NoteEvent.timeline(score);
        for (NoteEvent event : events) {
            ShortMessage message = LiveMessages.note(event.on(), event.channel(), event.pitch(), event.velocity());
            loop.schedule(startNanos + event.offsetNanos(), () -> into.send(message, -1));
        }
        return startNanos + (events.isEmpty() ? 0 : events.get(events.size() - 1).offsetNanos());
    }
}
