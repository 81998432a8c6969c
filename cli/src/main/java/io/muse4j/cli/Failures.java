package io.muse4j.cli;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** Turns a failure into the one line a user sees. */
final class Failures {
    private Failures() {
    }

    /** One line naming the file or value and what is wrong. */
    static String describe(Throwable e) {
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof NoSuchFileException missing) {
            return missing.getFile() + ": no such file";
        }
        if (cause instanceof AccessDeniedException denied) {
            return denied.getFile() + ": permission denied";
        }
        if (cause instanceof FileSystemException fs) {
            return fs.getFile() + ": " + (fs.getReason() == null ? cause.getClass().getSimpleName() : fs.getReason());
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message.replace('\n', ' ');
    }
}
