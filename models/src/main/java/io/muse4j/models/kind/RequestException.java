package io.muse4j.models.kind;

/** A request a kind of model cannot serve, naming the option at fault: a usage error, not a failure. */
public final class RequestException extends IllegalArgumentException {
    /** The message names the option and says what is wrong with it. */
    public RequestException(String message) {
        super(message);
    }

    /** What {@code build} makes; an {@link IllegalArgumentException} from it becomes a RequestException. */
    public static <T> T checked(java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw e instanceof RequestException r ? r : new RequestException(e.getMessage());
        }
    }
}
