package io.muse4j.core.token;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Scores as 88-key piano-roll frames on a grid, the layout of the Boulanger-Lewandowski benchmarks.
 *
 * <p>Frames hold MIDI pitch numbers 21..108 (A0..C8). Vocabulary id {@code k} (0..87) names key {@code KEY_p}
 * with {@code p = 21 + k}: the index of that key in an 88-wide multi-hot vector.
 *
 * <p>A pitch sounds in frame {@code f} when a note of it covers grid step {@code f} after snapping to the grid.
 * A roll cannot tell a held note from a repeated one, so {@link #normalize} merges notes of the same pitch that
 * touch or overlap; it also drops drums and pitches outside the 88 keys, and writes notes in the
 * {@link GridConfig} frame.
 */
public final class PianoRollCodec implements ScoreCodec<PianoRoll> {
    /** The lowest key, A0. */
    public static final int LOWEST_PITCH = 21;
    /** Number of keys. */
    public static final int KEYS = 88;

    private final GridConfig grid;
    private final Vocabulary vocabulary;

    /** A codec on the given grid. */
    public PianoRollCodec(GridConfig grid) {
        this.grid = grid;
        List<String> names = new ArrayList<>();
        for (int k = 0; k < KEYS; k++) {
            names.add("KEY_" + (LOWEST_PITCH + k));
        }
        this.vocabulary = new Vocabulary(names);
    }

    /** The grid this codec uses. */
    public GridConfig grid() {
        return grid;
    }

    @Override
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    @Override
    public PianoRoll encode(NoteSequence seq) {
        List<long[]> notes = keyboardNotes(seq);
        long frameCount = 0;
        for (long[] n : notes) {
            frameCount = Math.max(frameCount, n[2]);
        }
        boolean[][] on = new boolean[Math.toIntExact(frameCount)][KEYS];
        for (long[] n : notes) {
            for (long f = n[1]; f < n[2]; f++) {
                on[(int) f][(int) n[0] - LOWEST_PITCH] = true;
            }
        }
        int[][] frames = new int[on.length][];
        for (int f = 0; f < on.length; f++) {
            int[] pitches = new int[KEYS];
            int count = 0;
            for (int k = 0; k < KEYS; k++) {
                if (on[f][k]) {
                    pitches[count++] = LOWEST_PITCH + k;
                }
            }
            frames[f] = Arrays.copyOf(pitches, count);
        }
        return new PianoRoll(frames);
    }

    @Override
    public NoteSequence decode(PianoRoll roll) {
        long tick = grid.ticksPerStep();
        List<Note> notes = new ArrayList<>();
        int[] onsetOf = new int[KEYS];
        Arrays.fill(onsetOf, -1);
        for (int f = 0; f <= roll.length(); f++) {
            boolean[] sounding = new boolean[KEYS];
            if (f < roll.length()) {
                for (int pitch : roll.frame(f)) {
                    checkPitch(pitch, f);
                    sounding[pitch - LOWEST_PITCH] = true;
                }
            }
            for (int k = 0; k < KEYS; k++) {
                if (sounding[k] && onsetOf[k] < 0) {
                    onsetOf[k] = f;
                } else if (!sounding[k] && onsetOf[k] >= 0) {
                    notes.add(Note.of(LOWEST_PITCH + k, grid.velocity(), onsetOf[k] * tick, (f - onsetOf[k]) * tick));
                    onsetOf[k] = -1;
                }
            }
        }
        return GridNotes.fixedFrame(notes, grid.resolution(), grid.microsPerQuarter());
    }

    @Override
    public NoteSequence normalize(NoteSequence seq) {
        List<long[]> notes = keyboardNotes(seq);
        notes.sort(Comparator.<long[]>comparingLong(n -> n[0]).thenComparingLong(n -> n[1]));
        long tick = grid.ticksPerStep();
        List<Note> merged = new ArrayList<>();
        long[] run = null;
        for (long[] n : notes) {
            if (run != null && run[0] == n[0] && n[1] <= run[2]) {
                run[2] = Math.max(run[2], n[2]);
                continue;
            }
            addRun(merged, run, tick);
            run = n.clone();
        }
        addRun(merged, run, tick);
        return GridNotes.fixedFrame(merged, grid.resolution(), grid.microsPerQuarter());
    }

    private void addRun(List<Note> notes, long[] run, long tick) {
        if (run != null) {
            notes.add(Note.of((int) run[0], grid.velocity(), run[1] * tick, (run[2] - run[1]) * tick));
        }
    }

    /** Pitched notes on the 88 keys, snapped to the grid, as {pitch, startStep, endStep}. */
    private List<long[]> keyboardNotes(NoteSequence seq) {
        List<long[]> kept = new ArrayList<>();
        for (long[] n : GridNotes.snappedPitchedNotes(seq, grid.stepsPerQuarter())) {
            if (n[0] >= LOWEST_PITCH && n[0] < LOWEST_PITCH + KEYS) {
                kept.add(n);
            }
        }
        return kept;
    }

    private static void checkPitch(int pitch, int frame) {
        if (pitch < LOWEST_PITCH || pitch >= LOWEST_PITCH + KEYS) {
            throw new IllegalArgumentException("pitch " + pitch + " in frame " + frame + " outside the 88 keys "
                    + LOWEST_PITCH + ".." + (LOWEST_PITCH + KEYS - 1));
        }
    }
}
