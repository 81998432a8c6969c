package io.muse4j.midi.live;

/** A MIDI device that is missing, busy, or gone in the middle of a session; the message names it. */
public final class LiveDeviceException extends RuntimeException {
    /** A failure described for the user. */
    public LiveDeviceException(String message) {
        super(message);
    }

    /** A failure described for the user, with its cause. */
    public LiveDeviceException(String message, Throwable cause) {
        super(message, cause);
    }
}
