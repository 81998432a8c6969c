package io.muse4j.midi;

import java.io.IOException;

/** A file that is not a readable Standard MIDI File; the message names the file, the byte offset and the reason. */
public class MidiFormatException extends IOException {
    private static final long serialVersionUID = 1L;
    private final long offset;

    /** A problem at byte {@code offset} of the file {@code name}. */
    public MidiFormatException(String name, long offset, String reason) {
        super(name + ": byte " + offset + ": " + reason);
        this.offset = offset;
    }

    /** The byte offset in the file where the problem was found. */
    public long offset() {
        return offset;
    }
}
