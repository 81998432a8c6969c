package io.muse4j.core.score;

import java.util.Comparator;

/**
 * One sounding note. Time is in ticks at the resolution of the {@link NoteSequence} that holds it.
 *
 * @param pitch MIDI pitch, 0..127
 * @param velocity MIDI velocity, 1..127 (a velocity of 0 is a note-off in MIDI, never a note)
 * @param startTick onset, at least 0
 * @param durationTicks length, at least 1
 * @param program General MIDI program, 0..127
 * @param channel MIDI channel, 0..15
 * @param drum whether the note is a percussion hit (MIDI channel 10 by convention)
 * @param track index of the track the note came from, at least 0
 */
public record Note(int pitch, int velocity, long startTick, long durationTicks,
                   int program, int channel, boolean drum, int track) implements Comparable<Note> {

    /** The canonical order of notes in a sequence: by onset, then pitch, then every other field. */
    public static final Comparator<Note> ORDER = Comparator.comparingLong(Note::startTick)
            .thenComparingInt(Note::pitch)
            .thenComparingLong(Note::durationTicks)
            .thenComparingInt(Note::velocity)
            .thenComparingInt(Note::track)
            .thenComparingInt(Note::channel)
            .thenComparingInt(Note::program)
            .thenComparing(Note::drum);

    public Note {
        Check.range("pitch", pitch, 0, 127);
        Check.range("velocity", velocity, 1, 127);
        Check.atLeast("start tick", startTick, 0);
        Check.atLeast("duration", durationTicks, 1);
        Check.range("program", program, 0, 127);
        Check.range("channel", channel, 0, 15);
        Check.atLeast("track", track, 0);
    }

    /** A melodic note on channel 0, program 0 (acoustic grand piano), track 0. */
    public static Note of(int pitch, int velocity, long startTick, long durationTicks) {
        return new Note(pitch, velocity, startTick, durationTicks, 0, 0, false, 0);
    }

    /** The tick at which the note stops sounding (exclusive). */
    public long endTick() {
        return startTick + durationTicks;
    }

    public Note withPitch(int newPitch) {
        return new Note(newPitch, velocity, startTick, durationTicks, program, channel, drum, track);
    }

    public Note withVelocity(int newVelocity) {
        return new Note(pitch, newVelocity, startTick, durationTicks, program, channel, drum, track);
    }

    public Note withTiming(long newStartTick, long newDurationTicks) {
        return new Note(pitch, velocity, newStartTick, newDurationTicks, program, channel, drum, track);
    }

    public Note withTrack(int newTrack) {
        return new Note(pitch, velocity, startTick, durationTicks, program, channel, drum, newTrack);
    }

    /** The same pitch, timing and velocity on channel 0, program 0, track 0, not a drum. */
    public Note plain() {
        return Note.of(pitch, velocity, startTick, durationTicks);
    }

    @Override
    public int compareTo(Note other) {
        return ORDER.compare(this, other);
    }
}
