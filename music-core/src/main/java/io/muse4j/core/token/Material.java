package io.muse4j.core.token;

/**
 * What the next token of a piece continues, for a sampler that draws new material apart from restatements
 * ({@link Tokenizer#material}): truncated sampling keeps a restated bar on its likeliest, note-for-note path, and
 * drops from new bars the rarer notes and rhythms that real tunes use now and then.
 */
public enum Material {
    /** The length of a note in a bar that so far, that note included, restates no earlier bar of the piece. */
    NEW_LENGTH,
    /** Any other token after a bar so far that restates no earlier bar: a note, a rest, a bar line, the end. */
    NEW,
    /** Anything else: the piece's frame, or a bar that so far opens as an earlier bar does (it may restate it). */
    OTHER
}
