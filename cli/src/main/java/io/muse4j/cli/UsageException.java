package io.muse4j.cli;

/** A value that is well formed but makes no sense for the command; exits with the usage code. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
