package io.muse4j.core.transform;

import io.muse4j.core.score.Check;
import io.muse4j.core.score.ChordChange;
import io.muse4j.core.score.ControlChange;
import io.muse4j.core.score.KeySignature;
import io.muse4j.core.score.Metadata;
import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.TempoChange;
import io.muse4j.core.score.TimeSignature;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongUnaryOperator;

/** Score transforms that change pitch or time; each returns a new sequence. */
public final class Transforms {
    private Transforms() {
    }

    /** Transposes every pitched (non-drum) note; fails naming the first note that would leave 0..127. */
    public static NoteSequence transpose(NoteSequence seq, int semitones) {
        return transpose(seq, semitones, 0, 127);
    }

    /** Transposes every pitched note and chord symbol; fails naming the first note leaving {@code min..max}. */
    public static NoteSequence transpose(NoteSequence seq, int semitones, int min, int max) {
        List<Note> moved = new ArrayList<>(seq.notes().size());
        for (Note note : seq.notes()) {
            if (note.drum()) {
                moved.add(note);
                continue;
            }
            int pitch = note.pitch() + semitones;
            if (pitch < min || pitch > max) {
                throw new IllegalArgumentException("transposing by " + semitones + " moves pitch " + note.pitch()
                        + " at tick " + note.startTick() + " to " + pitch + ", outside " + min + ".." + max);
            }
            moved.add(note.withPitch(pitch));
        }
        return seq.withNotes(moved).withChords(seq.chords().stream().map(c -> c.transposed(semitones)).toList());
    }

    /**
     * Snaps note onsets and ends to a grid of {@code stepsPerQuarter} steps per quarter note. A note whose
     * end would fall on its onset keeps one step. Other events snap to the grid too.
     */
    public static NoteSequence quantize(NoteSequence seq, int stepsPerQuarter) {
        Check.range("steps per quarter", stepsPerQuarter, 1, seq.resolution());
        double ticksPerStep = (double) seq.resolution() / stepsPerQuarter;
        LongUnaryOperator snap = tick -> Math.round(Math.round(tick / ticksPerStep) * ticksPerStep);
        List<Note> notes = new ArrayList<>(seq.notes().size());
        for (Note note : seq.notes()) {
            long start = snap.applyAsLong(note.startTick());
            long end = snap.applyAsLong(note.endTick());
            if (end <= start) {
                end = snap.applyAsLong(start + Math.round(ticksPerStep));
            }
            notes.add(note.withTiming(start, end - start));
        }
        return retime(seq, notes, snap);
    }

    /**
     * Multiplies every time by {@code factor} (2 plays twice as long at the same tempo), rounding to whole
     * ticks; a note keeps at least one tick.
     */
    public static NoteSequence stretch(NoteSequence seq, double factor) {
        Check.positive("time-stretch factor", factor);
        LongUnaryOperator scale = tick -> Math.round(tick * factor);
        List<Note> notes = new ArrayList<>(seq.notes().size());
        for (Note note : seq.notes()) {
            long start = scale.applyAsLong(note.startTick());
            long end = Math.max(start + 1, scale.applyAsLong(note.endTick()));
            notes.add(note.withTiming(start, end - start));
        }
        return retime(seq, notes, scale);
    }

    /** Moves tempo, meter, key, control and chord events with {@code map}, keeping the last event where two meet. */
    static NoteSequence retime(NoteSequence seq, List<Note> notes, LongUnaryOperator map) {
        List<TempoChange> tempos = new ArrayList<>();
        for (TempoChange t : seq.tempos()) {
            replaceAtTick(tempos, new TempoChange(map.applyAsLong(t.tick()), t.microsPerQuarter()), TempoChange::tick);
        }
        List<TimeSignature> meters = new ArrayList<>();
        for (TimeSignature t : seq.timeSignatures()) {
            replaceAtTick(meters, new TimeSignature(map.applyAsLong(t.tick()), t.numerator(), t.denominator()),
                    TimeSignature::tick);
        }
        List<KeySignature> keys = new ArrayList<>();
        for (KeySignature k : seq.keySignatures()) {
            replaceAtTick(keys, new KeySignature(map.applyAsLong(k.tick()), k.sharps(), k.minor()), KeySignature::tick);
        }
        List<ControlChange> controls = new ArrayList<>();
        for (ControlChange c : seq.controlChanges()) {
            controls.add(new ControlChange(map.applyAsLong(c.tick()), c.controller(), c.value(), c.channel(),
                    c.track()));
        }
        List<ChordChange> chords = seq.chords().stream().map(c -> c.atTick(map.applyAsLong(c.tick()))).toList();
        return new NoteSequence(seq.resolution(), notes, tempos, meters, keys, controls, seq.metadata(), chords);
    }

    private static <T> void replaceAtTick(List<T> sortedEvents, T event, java.util.function.ToLongFunction<T> tick) {
        int last = sortedEvents.size() - 1;
        if (last >= 0 && tick.applyAsLong(sortedEvents.get(last)) == tick.applyAsLong(event)) {
            sortedEvents.set(last, event);
        } else {
            sortedEvents.add(event);
        }
    }

    /** Puts every note and control change on track 0, keeping the first track's name. */
    public static NoteSequence mergeTracks(NoteSequence seq) {
        List<Note> notes = seq.notes().stream().map(n -> n.withTrack(0)).toList();
        List<ControlChange> controls = seq.controlChanges().stream()
                .map(c -> new ControlChange(c.tick(), c.controller(), c.value(), c.channel(), 0)).toList();
        List<String> names = seq.metadata().trackNames().isEmpty() ? List.of()
                : List.of(seq.metadata().trackNames().get(0));
        return new NoteSequence(seq.resolution(), notes, seq.tempos(), seq.timeSignatures(), seq.keySignatures(),
                controls, new Metadata(names, seq.metadata().tags()), seq.chords());
    }

    /**
     * The pitch moved by octaves into {@code min..max}; where the range spans less than an octave and no octave of
     * the pitch lies in it, the nearer edge.
     */
    public static int foldIntoRange(int pitch, int min, int max) {
        if (min > max) {
            throw new IllegalArgumentException("pitch range " + min + ".." + max + " is empty");
        }
        int folded = pitch;
        while (folded < min) {
            folded += 12;
        }
        while (folded > max) {
            folded -= 12;
        }
        return Math.max(min, Math.min(max, folded));
    }
}
