package io.muse4j.audio;

import java.io.IOException;

/** A file that cannot be used as a SoundFont; the message names the file and the reason. */
public class SoundFontException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The file {@code name} could not be used for {@code reason}. */
    public SoundFontException(String name, String reason, Throwable cause) {
        super(name + ": not a usable SoundFont: " + reason, cause);
    }
}
