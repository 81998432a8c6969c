package io.muse4j.core.token;

import io.muse4j.core.score.KeySignature;
import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.TempoChange;
import io.muse4j.core.score.TimeSignature;

import java.util.ArrayList;
import java.util.List;

/**
 * What an {@link AbcTokenizer} tune states before its first bar, on the tokenizer's grid: meter, key and tempo.
 * Its scores are at 480 ticks a quarter, in that meter, key and tempo, with notes stressed by where they fall.
 *
 * @param stepsPerQuarter grid steps a quarter note (a multiple of 4 dividing 480)
 * @param meter the meter
 * @param key the key; null when a tune states none
 * @param bpm quarter notes a minute
 */
record AbcFrame(int stepsPerQuarter, TimeSignature meter, KeySignature key, int bpm) {
    static final int RESOLUTION = 480;
    /** Velocities on downbeats, other beats and between them: the stress that folk players (and abc2midi) give. */
    private static final int DOWNBEAT = 105;
    private static final int BEAT = 95;
    private static final int OFFBEAT = 80;

    /** The steps of a bar. */
    int barSteps() {
        return meter.numerator() * unitSteps();
    }

    /** The steps of a beat: a dotted quarter in 6/8, 9/8, 12/8 and the like, else one unit of the meter. */
    int beatSteps() {
        return (int) meter.beatTicks(stepsPerQuarter);
    }

    private int unitSteps() {
        return 4 * stepsPerQuarter / meter.denominator();
    }

    private int ticksPerStep() {
        return RESOLUTION / stepsPerQuarter;
    }

    /**
     * The score of notes timed in steps from the start of a whole bar (pitches kept, velocities by where they fall in
     * the bar), in this frame. Notes that start in the second half of the first bar, after silence, follow a pickup:
     * the silence goes, and the first bar is a short bar of its own meter (1/4 for a quarter-note pickup in 4/4),
     * where such a meter can say its length.
     */
    NoteSequence score(List<Note> stepNotes) {
        long first = stepNotes.isEmpty() ? 0 : stepNotes.get(0).startTick();
        int[] pickup = first * 2 >= barSteps() && first < barSteps() ? pickupMeter(barSteps() - (int) first) : null;
        long shift = pickup == null ? 0 : first;
        List<Note> notes = new ArrayList<>(stepNotes.size());
        for (Note note : stepNotes) {
            long position = note.startTick() % barSteps();
            int velocity = position == 0 ? DOWNBEAT : position % beatSteps() == 0 ? BEAT : OFFBEAT;
            notes.add(Note.of(note.pitch(), velocity, (note.startTick() - shift) * ticksPerStep(),
                    note.durationTicks() * ticksPerStep()));
        }
        var builder = NoteSequence.builder(RESOLUTION).notes(notes)
                .tempo(new TempoChange(0, (int) Math.round(60e6 / bpm)));
        if (pickup != null) {
            builder.timeSignature(0, pickup[0], pickup[1])
                    .timeSignature((barSteps() - shift) * ticksPerStep(), meter.numerator(), meter.denominator());
        } else {
            builder.timeSignature(0, meter.numerator(), meter.denominator());
        }
        if (key != null) {
            builder.keySignature(0, key.sharps(), key.minor());
        }
        return builder.build();
    }

    /** The meter {numerator, denominator} of a bar of {@code steps}: in the tune's unit, else eighths or sixteenths. */
    private int[] pickupMeter(int steps) {
        for (int denominator : new int[] {meter.denominator(), 8, 16}) {
            int unit = 4 * stepsPerQuarter / denominator;
            if (steps % unit == 0) {
                return new int[] {steps / unit, denominator};
            }
        }
        return null;
    }
}
