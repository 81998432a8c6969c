package io.muse4j.core.score;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The one immutable score model. Time is integer ticks at {@code resolution} ticks per quarter note;
 * seconds are derived from the tempo map and never stored.
 *
 * <p>The compact constructor sorts every list into its canonical order, so two sequences with the same
 * content are {@code equals}. Tempo, time-signature and key-signature changes must each fall on distinct
 * ticks.
 *
 * @param resolution ticks per quarter note, 1..32767
 * @param notes the notes, in {@link Note#ORDER}
 * @param tempos tempo changes by tick; when none is at tick 0, 120 quarter notes per minute holds until the first
 * @param timeSignatures time-signature changes by tick; 4/4 holds until the first
 * @param keySignatures key-signature changes by tick
 * @param controlChanges control changes, in {@link ControlChange#ORDER}
 * @param metadata track names and tags
 * @param chords chord symbols written above the music (from ABC or a lead sheet), in {@link ChordChange#ORDER};
 *               empty for a score read from MIDI
 */
public record NoteSequence(int resolution, List<Note> notes, List<TempoChange> tempos,
                           List<TimeSignature> timeSignatures, List<KeySignature> keySignatures,
                           List<ControlChange> controlChanges, Metadata metadata, List<ChordChange> chords) {

    public NoteSequence {
        Check.range("resolution (ticks per quarter)", resolution, 1, 32767);
        notes = sorted(notes, Note.ORDER);
        tempos = sortedDistinct(tempos, TempoChange::tick, "tempo change");
        timeSignatures = sortedDistinct(timeSignatures, TimeSignature::tick, "time signature");
        keySignatures = sortedDistinct(keySignatures, KeySignature::tick, "key signature");
        controlChanges = sorted(controlChanges, ControlChange.ORDER);
        if (metadata == null) {
            throw new IllegalArgumentException("metadata must not be null (use Metadata.EMPTY)");
        }
        chords = sorted(chords, ChordChange.ORDER);
    }

    /** A sequence without chord symbols, as every reader but ABC produces. */
    public NoteSequence(int resolution, List<Note> notes, List<TempoChange> tempos,
                        List<TimeSignature> timeSignatures, List<KeySignature> keySignatures,
                        List<ControlChange> controlChanges, Metadata metadata) {
        this(resolution, notes, tempos, timeSignatures, keySignatures, controlChanges, metadata, List.of());
    }

    /** A sequence holding only notes, at the default tempo and meter. */
    public static NoteSequence of(int resolution, List<Note> notes) {
        return new NoteSequence(resolution, notes, List.of(), List.of(), List.of(), List.of(), Metadata.EMPTY);
    }

    /** A builder for a sequence at the given resolution. */
    public static NoteSequenceBuilder builder(int resolution) {
        return new NoteSequenceBuilder(resolution);
    }

    /** A builder that starts from this sequence's content. */
    public NoteSequenceBuilder toBuilder() {
        return new NoteSequenceBuilder(this);
    }

    /** This sequence with other notes and everything else unchanged. */
    public NoteSequence withNotes(List<Note> newNotes) {
        return new NoteSequence(resolution, newNotes, tempos, timeSignatures, keySignatures, controlChanges, metadata,
                chords);
    }

    /** This sequence with other chord symbols and everything else unchanged. */
    public NoteSequence withChords(List<ChordChange> newChords) {
        return new NoteSequence(resolution, notes, tempos, timeSignatures, keySignatures, controlChanges, metadata,
                newChords);
    }

    /** The tempo map, for converting ticks to seconds and back. */
    public TempoMap tempoMap() {
        return new TempoMap(resolution, tempos);
    }

    /** The tick at which the last note stops sounding, or 0 when there are no notes. */
    public long endTick() {
        long end = 0;
        for (Note note : notes) {
            end = Math.max(end, note.endTick());
        }
        return end;
    }

    /** The length in seconds, up to the end of the last note. */
    public double durationSeconds() {
        return tempoMap().seconds(endTick());
    }

    /** The meter in force at tick 0: the first time signature if it starts at 0, else 4/4. */
    public TimeSignature initialTimeSignature() {
        return !timeSignatures.isEmpty() && timeSignatures.get(0).tick() == 0
                ? timeSignatures.get(0) : new TimeSignature(0, 4, 4);
    }

    /** The bar lines from tick 0 up to (not including) {@code endTick}, following the time signatures. */
    public BarGrid bars() {
        return new BarGrid(resolution, timeSignatures);
    }

    private static <T> List<T> sorted(List<T> items, Comparator<? super T> order) {
        List<T> copy = new ArrayList<>(items);
        copy.sort(order);
        return List.copyOf(copy);
    }

    private static <T> List<T> sortedDistinct(List<T> items, ToLongFunction<T> tick, String what) {
        List<T> copy = sorted(items, Comparator.comparingLong(tick));
        for (int i = 1; i < copy.size(); i++) {
            if (tick.applyAsLong(copy.get(i)) == tick.applyAsLong(copy.get(i - 1))) {
                throw new IllegalArgumentException(
                        "two " + what + "s at tick " + tick.applyAsLong(copy.get(i)) + ": " + copy.get(i - 1)
                                + " and " + copy.get(i));
            }
        }
        return copy;
    }
}
