package io.muse4j.models.training;

/**
 * Training stopped because a loss or a weight stopped being a number (NaN or infinite): the model is not saved,
 * and the message says which step diverged and which checkpoint, if any, still holds the last good weights.
 */
public final class DivergedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** The message says what diverged, at which step, and what was kept. */
    public DivergedException(String message) {
        super(message);
    }
}
