/** ABC notation to and from {@link io.muse4j.core.score.NoteSequence}: {@link io.muse4j.midi.abc.AbcReader} and {@link io.muse4j.midi.abc.AbcWriter}. */
package io.muse4j.midi.abc;
