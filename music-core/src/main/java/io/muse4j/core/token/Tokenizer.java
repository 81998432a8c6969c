package io.muse4j.core.token;

/** A codec whose encoded form is one sequence of token ids, each below {@code vocabulary().size()}. */
public interface Tokenizer extends ScoreCodec<int[]> {
}
