package io.muse4j.core.token;

/** A codec whose encoded form is one sequence of token ids, each below {@code vocabulary().size()}. */
public interface Tokenizer extends ScoreCodec<int[]> {
    /**
     * The time the tokens span, in seconds. Encodings that spell out rests count a trailing rest; the default is
     * the decoded music's length, up to the end of its last note.
     */
    default double seconds(int[] tokens) {
        return decode(tokens).durationSeconds();
    }
}
