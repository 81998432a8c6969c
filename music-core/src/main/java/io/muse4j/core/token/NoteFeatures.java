package io.muse4j.core.token;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;

import java.util.ArrayList;
import java.util.List;

/**
 * C-RNN-GAN's continuous note representation (Mogren 2016): one row of four numbers per note, in the order notes
 * start (then by pitch), so that chords are notes whose time since the previous note is 0.
 * <ul>
 *   <li>{@link #PITCH}: (MIDI pitch - 60) / 12, octaves from middle C;</li>
 *   <li>{@link #DURATION}: the note's length in quarter notes, at most {@link #MAX_QUARTERS};</li>
 *   <li>{@link #VELOCITY}: velocity / 127;</li>
 *   <li>{@link #DELTA}: quarter notes since the previous note started (0 for the first), at most
 *       {@link #MAX_QUARTERS}.</li>
 * </ul>
 * Drums are left out. {@link #decode} rounds pitch and velocity into MIDI's ranges and times to a grid of
 * {@link #GRID} steps per quarter (sixteenths and eighth-note triplets both fall on it), at least one step long,
 * so that any row of numbers a generator emits, NaN included (read as 0), is a valid score.
 */
public final class NoteFeatures {
    /** Numbers per note. */
    public static final int FEATURES = 4;
    public static final int PITCH = 0;
    public static final int DURATION = 1;
    public static final int VELOCITY = 2;
    public static final int DELTA = 3;
    /** The longest duration and the longest time between onsets a row holds, in quarter notes. */
    public static final double MAX_QUARTERS = 8;
    /** Decoded times fall on this many steps per quarter note. */
    public static final int GRID = 12;
    /** Ticks per quarter of decoded scores. */
    public static final int RESOLUTION = 480;

    private NoteFeatures() {
    }

    /** Each pitched note of the score as a row of {@link #FEATURES} numbers, in onset order. */
    public static float[][] encode(NoteSequence score) {
        List<Note> notes = score.notes().stream().filter(n -> !n.drum()).toList();
        float[][] rows = new float[notes.size()][];
        double quarter = score.resolution();
        long previous = notes.isEmpty() ? 0 : notes.get(0).startTick();
        for (int i = 0; i < rows.length; i++) {
            Note n = notes.get(i);
            rows[i] = new float[] {(float) ((n.pitch() - 60) / 12.0),
                (float) Math.min(MAX_QUARTERS, n.durationTicks() / quarter), (float) (n.velocity() / 127.0),
                (float) Math.min(MAX_QUARTERS, (n.startTick() - previous) / quarter)};
            previous = n.startTick();
        }
        return rows;
    }

    /** The score the rows describe, starting at tick 0, at {@link #RESOLUTION} ticks per quarter. */
    public static NoteSequence decode(float[][] rows) {
        List<Note> notes = new ArrayList<>();
        long step = RESOLUTION / GRID;
        long start = 0;
        for (int i = 0; i < rows.length; i++) {
            float[] row = rows[i];
            if (row.length != FEATURES) {
                throw new IllegalArgumentException("row " + i + " has " + row.length + " numbers, not " + FEATURES);
            }
            start += i == 0 ? 0 : steps(row[DELTA], 0) * step;
            int pitch = clamp(Math.round(60 + 12 * finite(row[PITCH])), 0, 127);
            int velocity = clamp(Math.round(127 * finite(row[VELOCITY])), 1, 127);
            notes.add(Note.of(pitch, velocity, start, steps(row[DURATION], 1) * step));
        }
        return NoteSequence.of(RESOLUTION, notes);
    }

    /** A time in quarters as whole grid steps, within {@code min..MAX_QUARTERS}; NaN counts as the minimum. */
    private static long steps(float quarters, long min) {
        double bounded = Double.isNaN(quarters) ? 0 : Math.min(MAX_QUARTERS, quarters);
        return Math.max(min, Math.round(bounded * GRID));
    }

    /** NaN as 0, so that a generator's NaN becomes middle C or the quietest velocity rather than an error. */
    private static float finite(float value) {
        return Float.isNaN(value) ? 0 : value;
    }

    private static int clamp(int value, int low, int high) {
        return Math.max(low, Math.min(high, value));
    }
}
