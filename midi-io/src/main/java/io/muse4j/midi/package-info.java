/** Standard MIDI Files (and, through {@link io.muse4j.midi.ScoreFiles}, ABC) to and from {@link io.muse4j.core.score.NoteSequence}, and jMusic interop. */
package io.muse4j.midi;
