package io.muse4j.core.io;

import java.nio.file.FileSystemException;

/**
 * A file that cannot be read as input at all: not a regular file (a folder, a FIFO, a device), or larger than the
 * reader's cap. The message is the file's name and the reason, as for every {@link FileSystemException}.
 */
public class InputFileException extends FileSystemException {
    private static final long serialVersionUID = 1L;

    /** {@code file} cannot be read; {@code reason} says why. */
    public InputFileException(String file, String reason) {
        super(file, null, reason);
    }
}
