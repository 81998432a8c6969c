package io.muse4j.core.score;

import java.util.Comparator;

/**
 * A MIDI control change, such as the sustain pedal (controller 64).
 *
 * @param tick when it happens, at least 0
 * @param controller controller number, 0..127
 * @param value controller value, 0..127
 * @param channel MIDI channel, 0..15
 * @param track index of the track it came from, at least 0
 */
public record ControlChange(long tick, int controller, int value, int channel, int track) {
    /** The sustain (damper) pedal; values of 64 and above hold it down. */
    public static final int SUSTAIN = 64;

    /** The canonical order of control changes; events at the same tick and controller keep their given order. */
    public static final Comparator<ControlChange> ORDER = Comparator.comparingLong(ControlChange::tick)
            .thenComparingInt(ControlChange::track)
            .thenComparingInt(ControlChange::channel)
            .thenComparingInt(ControlChange::controller);

    public ControlChange {
        Check.atLeast("control change tick", tick, 0);
        Check.range("controller", controller, 0, 127);
        Check.range("controller value", value, 0, 127);
        Check.range("channel", channel, 0, 15);
        Check.atLeast("track", track, 0);
    }

    /** Whether this is the sustain pedal pressed down. */
    public boolean isSustainDown() {
        return controller == SUSTAIN && value >= 64;
    }
}
