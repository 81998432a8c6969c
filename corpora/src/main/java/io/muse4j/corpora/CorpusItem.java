package io.muse4j.corpora;

import io.muse4j.core.score.NoteSequence;

/**
 * One piece of a corpus.
 *
 * @param name where it came from: a file path, or a split file and an index
 * @param score its content
 */
public record CorpusItem(String name, NoteSequence score) {
}
