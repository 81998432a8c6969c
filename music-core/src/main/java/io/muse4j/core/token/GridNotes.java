package io.muse4j.core.token;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.TempoChange;

import java.util.ArrayList;
import java.util.List;

/** Helpers shared by the grid-based codecs: steps from ticks, and the fixed frame a decoded score gets. */
final class GridNotes {
    private GridNotes() {
    }

    /** The nearest step to {@code tick} on a grid of {@code stepsPerQuarter} at {@code resolution}. */
    static long step(long tick, int resolution, int stepsPerQuarter) {
        return Math.round((double) tick * stepsPerQuarter / resolution);
    }

    /** Each pitched (non-drum) note snapped to steps, as {pitch, startStep, endStep}; a note keeps one step. */
    static List<long[]> snappedPitchedNotes(NoteSequence seq, int stepsPerQuarter) {
        List<long[]> snapped = new ArrayList<>(seq.notes().size());
        for (Note note : seq.notes()) {
            if (note.drum()) {
                continue;
            }
            long start = step(note.startTick(), seq.resolution(), stepsPerQuarter);
            long end = Math.max(start + 1, step(note.endTick(), seq.resolution(), stepsPerQuarter));
            snapped.add(new long[] {note.pitch(), start, end});
        }
        return snapped;
    }

    /** A sequence of plain notes at a fixed resolution and a single tempo, as every grid codec decodes to. */
    static NoteSequence fixedFrame(List<Note> notes, int resolution, int microsPerQuarter) {
        return NoteSequence.builder(resolution).notes(notes).tempo(new TempoChange(0, microsPerQuarter)).build();
    }
}
