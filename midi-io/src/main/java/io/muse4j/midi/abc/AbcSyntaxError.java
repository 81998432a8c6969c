package io.muse4j.midi.abc;

/** A problem inside a tune; {@link AbcReader} adds the file, tune and line to make an {@link AbcException}. */
final class AbcSyntaxError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AbcSyntaxError(String reason) {
        super(reason);
    }
}
