package io.muse4j.core.transform;

import io.muse4j.core.score.ControlChange;
import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Transforms that decide which notes sound and for how long: the sustain pedal and melody extraction. */
public final class Voices {
    private Voices() {
    }

    /**
     * Extends each note released while its channel's sustain pedal (controller 64, value 64 or more) is down
     * until the pedal comes up, or until the same pitch is struck again on that channel, whichever is first.
     * A pedal still down at the end holds to the end of the last note. Control changes are kept.
     */
    public static NoteSequence applySustain(NoteSequence seq) {
        long end = seq.endTick();
        List<List<long[]>> pedalByChannel = new ArrayList<>();
        for (int channel = 0; channel < 16; channel++) {
            pedalByChannel.add(pedalSpans(seq.controlChanges(), channel, end));
        }
        List<Note> notes = seq.notes();
        long[] nextStrike = nextStrikes(notes);
        List<Note> held = new ArrayList<>(notes.size());
        for (int i = 0; i < notes.size(); i++) {
            Note note = notes.get(i);
            long release = Math.min(releaseTick(pedalByChannel.get(note.channel()), note.endTick()), nextStrike[i]);
            held.add(note.withTiming(note.startTick(), Math.max(note.durationTicks(), release - note.startTick())));
        }
        return seq.withNotes(held);
    }

    /** The [down, up) spans of the sustain pedal on one channel, in time order. */
    private static List<long[]> pedalSpans(List<ControlChange> changes, int channel, long end) {
        List<long[]> spans = new ArrayList<>();
        long downAt = -1;
        for (ControlChange c : changes) {
            if (c.channel() != channel || c.controller() != ControlChange.SUSTAIN) {
                continue;
            }
            if (c.isSustainDown() && downAt < 0) {
                downAt = c.tick();
            } else if (!c.isSustainDown() && downAt >= 0) {
                spans.add(new long[] {downAt, c.tick()});
                downAt = -1;
            }
        }
        if (downAt >= 0) {
            spans.add(new long[] {downAt, Math.max(end, downAt)});
        }
        return spans;
    }

    private static long releaseTick(List<long[]> spans, long noteOff) {
        for (long[] span : spans) {
            if (span[0] <= noteOff && noteOff < span[1]) {
                return span[1];
            }
        }
        return noteOff;
    }

    /**
     * The notes, each cut at the next later onset of its pitch on its channel: a key struck again stops the note
     * it was sounding, which is also how a MIDI reader pairs note-offs (first in, first out), so notes that do not
     * overlap their own pitch survive a MIDI file unchanged. Notes of one pitch starting together are kept as they
     * are. {@code notes} must be in onset order; the result keeps that order.
     */
    public static List<Note> cutAtRestrikes(List<Note> notes) {
        long[] next = nextStrikes(notes);
        List<Note> out = new java.util.ArrayList<>(notes.size());
        for (int i = 0; i < notes.size(); i++) {
            Note n = notes.get(i);
            out.add(n.endTick() > next[i] ? n.withTiming(n.startTick(), next[i] - n.startTick()) : n);
        }
        return out;
    }

    /** For each note (in onset order), the next later onset of its pitch on its channel, or Long.MAX_VALUE. */
    private static long[] nextStrikes(List<Note> notes) {
        long[] next = new long[notes.size()];
        long[] latest = new long[16 * 128];
        long[] afterLatest = new long[16 * 128];
        java.util.Arrays.fill(latest, Long.MAX_VALUE);
        java.util.Arrays.fill(afterLatest, Long.MAX_VALUE);
        for (int i = notes.size() - 1; i >= 0; i--) {
            Note note = notes.get(i);
            int key = note.channel() * 128 + note.pitch();
            next[i] = latest[key] > note.startTick() ? latest[key] : afterLatest[key];
            if (latest[key] != note.startTick()) {
                afterLatest[key] = latest[key];
                latest[key] = note.startTick();
            }
        }
        return next;
    }

    /**
     * The highest voice as a monophonic line ("skyline"). At each onset the highest pitched (non-drum) note
     * starting there is taken, unless a higher note taken earlier still sounds; taking a note cuts the previous
     * one off at its onset. Drum notes are dropped.
     */
    public static NoteSequence melody(NoteSequence seq) {
        List<Note> pitched = new ArrayList<>();
        for (Note note : seq.notes()) {
            if (!note.drum()) {
                pitched.add(note);
            }
        }
        pitched.sort(Comparator.comparingLong(Note::startTick).thenComparing(Comparator.comparingInt(Note::pitch).reversed()));
        List<Note> line = new ArrayList<>();
        long lastOnset = -1;
        for (Note candidate : pitched) {
            if (candidate.startTick() == lastOnset) {
                continue;
            }
            lastOnset = candidate.startTick();
            Note current = line.isEmpty() ? null : line.get(line.size() - 1);
            if (current != null && current.endTick() > candidate.startTick()) {
                if (current.pitch() > candidate.pitch()) {
                    continue;
                }
                line.set(line.size() - 1, current.withTiming(current.startTick(),
                        candidate.startTick() - current.startTick()));
            }
            line.add(candidate);
        }
        return seq.withNotes(line);
    }
}
