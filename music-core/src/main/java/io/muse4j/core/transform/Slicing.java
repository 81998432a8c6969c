package io.muse4j.core.transform;

import io.muse4j.core.score.Check;
import io.muse4j.core.score.ChordChange;
import io.muse4j.core.score.ControlChange;
import io.muse4j.core.score.KeySignature;
import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.TempoChange;
import io.muse4j.core.score.TempoMap;
import io.muse4j.core.score.TimeSignature;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Cutting a sequence into parts in time; each part starts at tick 0. */
public final class Slicing {
    private Slicing() {
    }

    /**
     * The notes that start in {@code [fromTick, toTick)}, cut off at {@code toTick} and shifted to start at 0.
     * The tempo, meter, key and controller values in force at {@code fromTick} carry over to tick 0.
     */
    public static NoteSequence slice(NoteSequence seq, long fromTick, long toTick) {
        Check.atLeast("slice start tick", fromTick, 0);
        if (toTick <= fromTick) {
            throw new IllegalArgumentException("slice end tick " + toTick + " must be after start tick " + fromTick);
        }
        List<Note> notes = new ArrayList<>();
        for (Note note : seq.notes()) {
            if (note.startTick() >= fromTick && note.startTick() < toTick) {
                long end = Math.min(note.endTick(), toTick);
                notes.add(note.withTiming(note.startTick() - fromTick, end - note.startTick()));
            }
        }
        return new NoteSequence(seq.resolution(), notes,
                window(seq.tempos(), TempoChange::tick, fromTick, toTick,
                        t -> new TempoChange(Math.max(0, t.tick() - fromTick), t.microsPerQuarter())),
                window(seq.timeSignatures(), TimeSignature::tick, fromTick, toTick,
                        t -> new TimeSignature(Math.max(0, t.tick() - fromTick), t.numerator(), t.denominator())),
                window(seq.keySignatures(), KeySignature::tick, fromTick, toTick,
                        k -> new KeySignature(Math.max(0, k.tick() - fromTick), k.sharps(), k.minor())),
                controls(seq.controlChanges(), fromTick, toTick), seq.metadata(),
                window(seq.chords(), ChordChange::tick, fromTick, toTick,
                        c -> c.atTick(Math.max(0, c.tick() - fromTick))));
    }

    /** {@link #slice} between two times in seconds. */
    public static NoteSequence sliceSeconds(NoteSequence seq, double fromSeconds, double toSeconds) {
        Check.atLeast("slice start (whole seconds)", (long) Math.floor(fromSeconds), 0);
        TempoMap tempo = seq.tempoMap();
        return slice(seq, tempo.tick(fromSeconds), tempo.tick(toSeconds));
    }

    /** {@link #slice} from the start of bar {@code fromBar} to the start of bar {@code toBar} (bars count from 0). */
    public static NoteSequence sliceBars(NoteSequence seq, int fromBar, int toBar) {
        Check.atLeast("first bar", fromBar, 0);
        if (toBar <= fromBar) {
            throw new IllegalArgumentException("end bar " + toBar + " must be after start bar " + fromBar);
        }
        return slice(seq, barStart(seq, fromBar), barStart(seq, toBar));
    }

    private static long barStart(NoteSequence seq, int bar) {
        long horizon = Math.max(seq.endTick(), seq.resolution() * 4L);
        long[] starts;
        while ((starts = seq.bars().starts(horizon)).length <= bar) {
            horizon *= 2;
        }
        return starts[bar];
    }

    /**
     * Splits wherever no note sounds for at least {@code minGapSeconds}; each part runs from its first onset to
     * its last note's end. A sequence without notes gives no parts.
     */
    public static List<NoteSequence> splitOnSilence(NoteSequence seq, double minGapSeconds) {
        Check.positive("minimum silence in seconds", minGapSeconds);
        TempoMap tempo = seq.tempoMap();
        List<NoteSequence> parts = new ArrayList<>();
        long partStart = -1;
        long soundingUntil = -1;
        for (Note note : seq.notes()) {
            if (partStart >= 0 && note.startTick() > soundingUntil
                    && tempo.seconds(note.startTick()) - tempo.seconds(soundingUntil) >= minGapSeconds) {
                parts.add(slice(seq, partStart, soundingUntil));
                partStart = -1;
            }
            if (partStart < 0) {
                partStart = note.startTick();
            }
            soundingUntil = Math.max(soundingUntil, note.endTick());
        }
        if (partStart >= 0) {
            parts.add(slice(seq, partStart, soundingUntil));
        }
        return parts;
    }

    private static <T> List<T> window(List<T> events, java.util.function.ToLongFunction<T> tick, long from, long to,
                                      java.util.function.UnaryOperator<T> shift) {
        List<T> kept = new ArrayList<>();
        T inForce = null;
        for (T event : events) {
            long t = tick.applyAsLong(event);
            if (t <= from) {
                inForce = event;
            } else if (t < to) {
                kept.add(shift.apply(event));
            }
        }
        if (inForce != null) {
            kept.add(0, shift.apply(inForce));
        }
        return kept;
    }

    private static List<ControlChange> controls(List<ControlChange> changes, long from, long to) {
        Map<List<Integer>, ControlChange> inForce = new LinkedHashMap<>();
        List<ControlChange> kept = new ArrayList<>();
        for (ControlChange c : changes) {
            if (c.tick() < from) {
                inForce.put(List.of(c.track(), c.channel(), c.controller()), c);
            } else if (c.tick() < to) {
                kept.add(new ControlChange(c.tick() - from, c.controller(), c.value(), c.channel(), c.track()));
            }
        }
        List<ControlChange> carried = new ArrayList<>();
        for (ControlChange c : inForce.values()) {
            carried.add(new ControlChange(0, c.controller(), c.value(), c.channel(), c.track()));
        }
        carried.addAll(kept);
        return carried;
    }
}
