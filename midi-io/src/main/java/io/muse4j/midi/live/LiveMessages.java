package io.muse4j.midi.live;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.ShortMessage;

/** The short MIDI messages a live session sends. */
final class LiveMessages {
    private LiveMessages() {
    }

    /** A note-on, or a note-off (velocity 0) when {@code on} is false. */
    static ShortMessage note(boolean on, int channel, int pitch, int velocity) {
        return message(on ? ShortMessage.NOTE_ON : ShortMessage.NOTE_OFF, channel, pitch, on ? velocity : 0);
    }

    /** A channel message; its values must be in range. */
    static ShortMessage message(int command, int channel, int data1, int data2) {
        try {
            return new ShortMessage(command, channel, data1, data2);
        } catch (InvalidMidiDataException e) {
            throw new IllegalArgumentException("bad MIDI message " + command + " on channel " + channel + ": "
                    + data1 + " " + data2, e);
        }
    }
}
