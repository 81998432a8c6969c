package io.muse4j.midi.live;

import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Where a session's notes go. It remembers every note it has started and not stopped, so that none is ever left
 * stuck: {@link #silence} stops them all, and {@link #close} then sends all-notes-off on every channel and refuses
 * anything more. Each finished note is handed to a listener (the session's recording). Safe from any thread.
 */
final class Output {
    /** Controller 123, all notes off. */
    static final int ALL_NOTES_OFF = 123;
    private final Receiver receiver;
    private final String name;
    private final LongSupplier clock;
    private final Consumer<PlayedNote> played;
    private final Map<Integer, PlayedNote> sounding = new LinkedHashMap<>();
    private boolean closed;

    /**
     * @param receiver the device's receiver, or null to send nothing (the notes are still timed and recorded)
     * @param name the device's name, for errors
     */
    Output(Receiver receiver, String name, LongSupplier clock, Consumer<PlayedNote> played) {
        this.receiver = receiver;
        this.name = name;
        this.clock = clock;
        this.played = played;
    }

    /** Starts a note (stopping the same key first); returns when it was sent. */
    synchronized long noteOn(int channel, int pitch, int velocity) {
        if (closed) {
            return clock.getAsLong();
        }
        noteOff(channel, pitch);
        send(ShortMessage.NOTE_ON, channel, pitch, velocity);
        long now = clock.getAsLong();
        sounding.put(channel * 128 + pitch, new PlayedNote(pitch, velocity, channel, now, now));
        return now;
    }

    /** Stops a note if it sounds. */
    synchronized void noteOff(int channel, int pitch) {
        PlayedNote note = sounding.remove(channel * 128 + pitch);
        if (note == null || closed) {
            return;
        }
        send(ShortMessage.NOTE_OFF, channel, pitch, 0);
        long now = clock.getAsLong();
        played.accept(new PlayedNote(pitch, note.velocity(), channel, note.onNanos(), Math.max(now, note.onNanos() + 1)));
    }

    /** Stops every sounding note. */
    synchronized void silence() {
        for (PlayedNote note : new ArrayList<>(sounding.values())) {
            noteOff(note.channel(), note.pitch());
        }
    }

    /**
     * Stops every sounding note, sends all-notes-off on all 16 channels, and sends nothing after. A device that
     * fails now is past helping: its error is dropped so that the other channels still get theirs.
     */
    synchronized void close() {
        if (closed) {
            return;
        }
        try {
            silence();
        } catch (LiveDeviceException e) {
            sounding.clear();
        }
        for (int channel = 0; channel < 16; channel++) {
            try {
                send(ShortMessage.CONTROL_CHANGE, channel, ALL_NOTES_OFF, 0);
            } catch (LiveDeviceException e) {
                break;
            }
        }
        closed = true;
    }

    private void send(int command, int channel, int data1, int data2) {
        if (receiver == null) {
            return;
        }
        ShortMessage message = LiveMessages.message(command, channel, data1, data2);
        try {
            receiver.send(message, -1);
        } catch (RuntimeException e) {
            throw new LiveDeviceException("MIDI output '" + name + "' failed: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }
}
