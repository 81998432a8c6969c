package io.muse4j.corpora;

import java.io.IOException;

/** A corpus file that cannot be read as its format requires; the message names the file and the place. */
public class CorpusFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** A problem at a place in a file, such as "line 3, column 17". */
    public CorpusFormatException(String file, String where, String reason) {
        super(file + ": " + where + ": " + reason);
    }
}
