/**
 * Monophonic audio to a {@link io.muse4j.core.score.NoteSequence}
 * ({@link io.muse4j.audio.transcription.Transcriber}: YIN pitch, spectral-flux onsets, segmentation) and note-level
 * scores of a transcription against a reference ({@link io.muse4j.audio.transcription.NoteMatching}).
 */
package io.muse4j.audio.transcription;
