package io.muse4j.core.token;

import io.muse4j.core.score.NoteSequence;

/**
 * A pure, invertible mapping between scores and one encoded form.
 *
 * <p>An encoding keeps only part of a score (a grid, a pitch range, no tempo...). {@link #normalize} applies
 * exactly that loss, so that for every sequence {@code x}: {@code decode(encode(x)).equals(normalize(x))}.
 *
 * @param <E> the encoded form
 */
public interface ScoreCodec<E> {
    /** The ids this codec emits and their names. */
    Vocabulary vocabulary();

    /** Encodes a score. */
    E encode(NoteSequence seq);

    /** Decodes an encoded score; fails naming the first id that breaks the encoding's grammar. */
    NoteSequence decode(E encoded);

    /** The score as it comes back from a round trip through this encoding. */
    NoteSequence normalize(NoteSequence seq);
}
