package io.muse4j.midi;

import io.muse4j.core.score.NoteSequence;

/**
 * A Standard MIDI File as read: its header facts and its content as a score.
 *
 * @param name the file's name as given to the reader
 * @param format 0 or 1
 * @param trackCount the number of track chunks
 * @param sequence the content
 */
public record MidiFile(String name, int format, int trackCount, NoteSequence sequence) {
}
