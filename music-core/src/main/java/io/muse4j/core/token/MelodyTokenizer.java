package io.muse4j.core.token;

import io.muse4j.core.score.Check;
import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.transform.Transforms;
import io.muse4j.core.transform.Voices;

import java.util.ArrayList;
import java.util.List;

/**
 * Monophonic melodies as one event per grid step, in the style of Magenta's Melody RNN.
 *
 * <p>Id layout, with {@code n = maxPitch - minPitch + 1} pitches:
 * <pre>
 *   0            NO_EVENT     the previous note (or rest) goes on
 *   1            NOTE_OFF     the sounding note stops
 *   2 .. n+1     NOTE_ON_p    a note of pitch p = minPitch + (id - 2) starts, ending any sounding note
 * </pre>
 * The default range 48..84 gives 39 ids. A sequence ends with the NOTE_OFF of its last note.
 *
 * <p>{@link #normalize} keeps the highest voice ({@link Voices#melody}) of the notes snapped to the grid, folds
 * pitches outside the range into it by octaves, and writes them in the {@link GridConfig} frame.
 */
public final class MelodyTokenizer implements Tokenizer {
    /** Id of NO_EVENT. */
    public static final int NO_EVENT = 0;
    /** Id of NOTE_OFF. */
    public static final int NOTE_OFF = 1;
    private static final int FIRST_PITCH_ID = 2;

    private final int minPitch;
    private final int maxPitch;
    private final GridConfig grid;
    private final Vocabulary vocabulary;

    /** A tokenizer for pitches {@code minPitch..maxPitch} (at least an octave) on the given grid. */
    public MelodyTokenizer(int minPitch, int maxPitch, GridConfig grid) {
        Check.range("lowest melody pitch", minPitch, 0, 127);
        Check.range("highest melody pitch", maxPitch, minPitch + 11, 127);
        this.minPitch = minPitch;
        this.maxPitch = maxPitch;
        this.grid = grid;
        List<String> names = new ArrayList<>(List.of("NO_EVENT", "NOTE_OFF"));
        for (int p = minPitch; p <= maxPitch; p++) {
            names.add("NOTE_ON_" + p);
        }
        this.vocabulary = new Vocabulary(names);
    }

    /** Pitches 48..84 on a sixteenth-note grid. */
    public MelodyTokenizer() {
        this(48, 84, GridConfig.SIXTEENTHS);
    }

    @Override
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The grid the melody's steps are on. */
    public GridConfig grid() {
        return grid;
    }

    /** The id of a note-on of {@code pitch}, which must be in range. */
    public int noteOnId(int pitch) {
        Check.range("melody pitch", pitch, minPitch, maxPitch);
        return FIRST_PITCH_ID + pitch - minPitch;
    }

    @Override
    public NoteSequence normalize(NoteSequence seq) {
        long tick = grid.ticksPerStep();
        List<Note> snapped = new ArrayList<>();
        for (long[] n : GridNotes.snappedPitchedNotes(seq, grid.stepsPerQuarter())) {
            snapped.add(Note.of((int) n[0], grid.velocity(), n[1] * tick, (n[2] - n[1]) * tick));
        }
        List<Note> line = new ArrayList<>();
        for (Note note : Voices.melody(NoteSequence.of(grid.resolution(), snapped)).notes()) {
            line.add(note.withPitch(Transforms.foldIntoRange(note.pitch(), minPitch, maxPitch)));
        }
        return GridNotes.fixedFrame(line, grid.resolution(), grid.microsPerQuarter());
    }

    @Override
    public int[] encode(NoteSequence seq) {
        List<Note> line = normalize(seq).notes();
        if (line.isEmpty()) {
            return new int[0];
        }
        long tick = grid.ticksPerStep();
        int[] events = new int[Math.toIntExact(line.get(line.size() - 1).endTick() / tick + 1)];
        for (Note note : line) {
            events[Math.toIntExact(note.endTick() / tick)] = NOTE_OFF;
        }
        for (Note note : line) {
            events[Math.toIntExact(note.startTick() / tick)] = noteOnId(note.pitch());
        }
        return events;
    }

    @Override
    public NoteSequence decode(int[] tokens) {
        long tick = grid.ticksPerStep();
        List<Note> notes = new ArrayList<>();
        int pitch = -1;
        int onset = 0;
        for (int step = 0; step <= tokens.length; step++) {
            int id = step < tokens.length ? tokens[step] : NOTE_OFF;
            if (step < tokens.length) {
                checkId(id, step);
            }
            if (id == NO_EVENT) {
                continue;
            }
            if (pitch >= 0) {
                notes.add(Note.of(pitch, grid.velocity(), onset * tick, (step - onset) * tick));
            }
            pitch = id == NOTE_OFF ? -1 : minPitch + id - FIRST_PITCH_ID;
            onset = step;
        }
        return GridNotes.fixedFrame(notes, grid.resolution(), grid.microsPerQuarter());
    }

    /** One grid step per token, so a trailing rest counts. */
    @Override
    public double seconds(int[] tokens) {
        return tokens.length * (grid.microsPerQuarter() / 1e6) / grid.stepsPerQuarter();
    }

    private void checkId(int id, int position) {
        if (id < 0 || id >= vocabulary.size()) {
            throw new IllegalArgumentException("token id " + id + " at position " + position + " outside 0.."
                    + (vocabulary.size() - 1));
        }
    }
}
