package io.muse4j.core.token;

import java.util.function.Predicate;

/** A codec whose encoded form is one sequence of token ids, each below {@code vocabulary().size()}. */
public interface Tokenizer extends ScoreCodec<int[]> {
    /**
     * The time the tokens span, in seconds. Encodings that spell out rests count a trailing rest; the default is
     * the decoded music's length, up to the end of its last note.
     */
    default double seconds(int[] tokens) {
        return decode(tokens).durationSeconds();
    }

    /**
     * The tokens a piece starts with when nothing primes it, where the encoding has a start of its own; else none
     * (the generator chooses a neutral start).
     */
    default int[] startTokens() {
        return new int[0];
    }

    /** The token that ends a piece, where the encoding has one (a model then learns where pieces end); else -1. */
    default int endToken() {
        return -1;
    }

    /** Encoded music made ready to be continued: an encoding with an end token drops it. */
    default int[] primer(int[] encoded) {
        return encoded;
    }

    /**
     * Where the events of the last bar of an ended piece lie, as {start, end} token indices (the events are
     * {@code tokens[start..end)}; what follows them closes the bar and ends the piece), so that a generator can draw
     * that bar again; null where the encoding has no bars or the piece has no such bar.
     */
    default int[] lastBarEvents(int[] tokens) {
        return null;
    }

    /**
     * Where the encoding can tell, which tokens are followed by the length of a note of new material: the tokens
     * end with a note or rest whose duration comes next, and their bar so far opens no earlier bar of the piece (a
     * bar that restates an earlier one, as tunes restate their phrases, is not new). A sampler may draw those
     * lengths apart from the rest without breaking the restatements. Null where the encoding cannot tell (it has no
     * bars, or no note lengths of their own).
     */
    default Predicate<int[]> newRhythm() {
        return null;
    }
}
