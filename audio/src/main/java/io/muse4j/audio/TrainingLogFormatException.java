package io.muse4j.audio;

import java.io.IOException;

/** A file that is not a training log as {@code muse4j train} writes it; the message names the file and line. */
public class TrainingLogFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** A problem on line {@code line} (from 1) of the file {@code name}. */
    public TrainingLogFormatException(String name, int line, String reason) {
        super(name + ": line " + line + ": " + reason);
    }
}
