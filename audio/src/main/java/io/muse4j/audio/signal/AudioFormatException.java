package io.muse4j.audio.signal;

import java.io.IOException;

/** A file that cannot be read as audio; the message names the file and what is wrong with it. */
public class AudioFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The file {@code name} cannot be read for {@code reason}. */
    public AudioFormatException(String name, String reason) {
        super(name + ": " + reason);
    }

    /** The same, keeping the library's exception for {@code --verbose}. */
    public AudioFormatException(String name, String reason, Throwable cause) {
        super(name + ": " + reason, cause);
    }
}
