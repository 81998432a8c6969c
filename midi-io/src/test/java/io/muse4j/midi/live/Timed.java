package io.muse4j.midi.live;

import javax.sound.midi.ShortMessage;

/** A MIDI message and the loop time it was sent at. */
record Timed(long at, ShortMessage message) {
}
