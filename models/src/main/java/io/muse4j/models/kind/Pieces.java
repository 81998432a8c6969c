package io.muse4j.models.kind;

import io.muse4j.core.score.NoteSequence;

import java.io.IOException;

/** The pieces a model writes for one request: piece {@code i} (from 1) is a pure function of the request and i. */
public interface Pieces {
    /** Piece {@code i}, from 1. */
    NoteSequence piece(int i) throws IOException;
}
