package io.muse4j.midi.abc;

import java.io.IOException;

/** An ABC tune that cannot be read; the message names the file, the tune's X: number, the line and the reason. */
public class AbcException extends IOException {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final int tune;
    private final int line;

    /** A problem in tune {@code tune} (its X: number, or -1 before any X:) at line {@code line} (from 1). */
    public AbcException(String file, int tune, int line, String reason) {
        super(file + ": tune X:" + (tune < 0 ? "?" : String.valueOf(tune)) + ", line " + line + ": " + reason);
        this.file = file;
        this.tune = tune;
        this.line = line;
    }

    /** The file's name as given to the reader. */
    public String file() {
        return file;
    }

    /** The tune's X: number, or -1 when the problem comes before any X: line. */
    public int tune() {
        return tune;
    }

    /** The line of the file, counting from 1. */
    public int line() {
        return line;
    }
}
