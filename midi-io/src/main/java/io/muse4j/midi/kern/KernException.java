package io.muse4j.midi.kern;

import java.io.IOException;

/** A **kern file that cannot be read; the message names the file, the line and the reason. */
public class KernException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int line;

    /** A problem at line {@code line} (from 1) of {@code file}. */
    public KernException(String file, int line, String reason) {
        super(file + ": line " + line + ": " + reason);
        this.line = line;
    }

    /** The line of the file, counting from 1. */
    public int line() {
        return line;
    }
}
