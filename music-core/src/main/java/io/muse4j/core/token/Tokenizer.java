package io.muse4j.core.token;

import java.util.function.Function;

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
     * Where the encoding can tell, what the token after some tokens of a piece continues: new material (a note's
     * length, or anything else) in a bar that so far restates no earlier bar of the piece, or anything else (the
     * piece's frame, or a bar that so far opens as an earlier one does, which it may restate). A sampler may draw
     * new material apart from the rest without breaking restatements. Null where the encoding has no bars.
     */
    default Function<int[], Material> material() {
        return null;
    }
}
