package io.muse4j.models.file;

import java.io.IOException;

/** A model file that cannot be loaded; the message names the file and what is wrong with it. */
public class ModelFileException extends IOException {
    private static final long serialVersionUID = 1L;

    public ModelFileException(String file, String reason) {
        super(file + ": " + reason);
    }
}
