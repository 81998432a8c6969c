/** ABC notation to and from {@link io.muse4j.core.score.NoteSequence}: {@link AbcReader} and {@link AbcWriter}. */
package io.muse4j.midi.abc;
