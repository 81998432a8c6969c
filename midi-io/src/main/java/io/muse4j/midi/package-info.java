/** Standard MIDI Files to and from {@link io.muse4j.core.score.NoteSequence}, and jMusic interop. */
package io.muse4j.midi;
