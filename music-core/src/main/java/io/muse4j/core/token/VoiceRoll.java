package io.muse4j.core.token;

import io.muse4j.core.score.Check;
import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Monophonic voices on a grid, such as the soprano, alto, tenor and bass of a chorale: at each step each voice
 * sounds one MIDI pitch or rests ({@link #REST}), and a step where a voice sounds either starts a note or holds the
 * one before. Voice 0 is the highest part and the score's track 0.
 *
 * <p>{@link #of(NoteSequence, int, int)} reads a score's tracks as its voices (the i-th track in track order as
 * voice i); a note snaps to the nearest steps and keeps at least one, and a later onset in a voice cuts the note
 * sounding there; a score longer than {@link #MAX_STEPS} is refused. {@link #toNotes} writes voice i on track i.
 */
public final class VoiceRoll {
    /** A voice that is silent at a step. */
    public static final int REST = -1;
    /** The most voices a roll holds: one MIDI channel each, channel 10 (drums) left out. */
    public static final int MAX_VOICES = 15;
    /** The most steps {@link #of} puts a score on: over 36 hours of sixteenths at 120 bpm. */
    public static final int MAX_STEPS = 1 << 20;

    private final int[][] pitches;
    private final boolean[][] onsets;

    /**
     * A roll of {@code pitches[step][voice]} (MIDI pitches, or {@link #REST}) and {@code onsets[step][voice]}, true
     * where a note starts; a sounding step that is no onset must hold the pitch of the step before.
     */
    public VoiceRoll(int[][] pitches, boolean[][] onsets) {
        if (pitches.length != onsets.length) {
            throw new IllegalArgumentException(pitches.length + " steps of pitches but " + onsets.length
                    + " of onsets");
        }
        int voices = pitches.length == 0 ? 0 : pitches[0].length;
        this.pitches = new int[pitches.length][];
        this.onsets = new boolean[pitches.length][];
        for (int s = 0; s < pitches.length; s++) {
            if (pitches[s].length != voices || onsets[s].length != voices) {
                throw new IllegalArgumentException("step " + s + " has " + pitches[s].length + " voices, not "
                        + voices);
            }
            for (int v = 0; v < voices; v++) {
                int pitch = pitches[s][v];
                if (pitch != REST) {
                    Check.range("pitch", pitch, 0, 127);
                }
                boolean held = s > 0 && pitches[s - 1][v] == pitch;
                if (pitch != REST && !onsets[s][v] && !held) {
                    throw new IllegalArgumentException("step " + s + ", voice " + v + " holds pitch " + pitch
                            + " that does not sound before it");
                }
            }
            this.pitches[s] = pitches[s].clone();
            this.onsets[s] = onsets[s].clone();
        }
        if (voices > MAX_VOICES) {
            throw new IllegalArgumentException(voices + " voices; at most " + MAX_VOICES);
        }
    }

    /** Frames of pitches by voice, where a pitch sounding on over steps is one held note (the Coconet layout). */
    public static VoiceRoll held(int[][] frames) {
        boolean[][] onsets = new boolean[frames.length][];
        for (int s = 0; s < frames.length; s++) {
            onsets[s] = new boolean[frames[s].length];
            for (int v = 0; v < frames[s].length; v++) {
                onsets[s][v] = frames[s][v] != REST && (s == 0 || frames[s - 1].length <= v
                        || frames[s - 1][v] != frames[s][v]);
            }
        }
        return new VoiceRoll(frames, onsets);
    }

    /**
     * A score's first {@code voices} tracks as voices on a grid of {@code stepsPerQuarter}; a score with fewer
     * tracks leaves the others resting. Drum notes are left out.
     */
    public static VoiceRoll of(NoteSequence score, int voices, int stepsPerQuarter) {
        Check.range("voices", voices, 1, MAX_VOICES);
        TreeMap<Integer, List<Note>> byTrack = new TreeMap<>();
        long length = 0;
        for (Note note : score.notes()) {
            if (!note.drum()) {
                byTrack.computeIfAbsent(note.track(), t -> new ArrayList<>()).add(note);
                long start = GridNotes.step(note.startTick(), score.resolution(), stepsPerQuarter);
                length = Math.max(length, Math.max(start + 1,
                        GridNotes.step(note.endTick(), score.resolution(), stepsPerQuarter)));
            }
        }
        if (length > MAX_STEPS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the music spans %,d grid steps; "
                    + "at most %,d are read", length, MAX_STEPS));
        }
        int[][] pitches = new int[(int) length][voices];
        boolean[][] onsets = new boolean[pitches.length][voices];
        for (int[] step : pitches) {
            Arrays.fill(step, REST);
        }
        int v = 0;
        for (List<Note> track : byTrack.values()) {
            if (v == voices) {
                break;
            }
            long sounding = 0; // where the note written last ends
            for (Note note : track) { // in onset order, so a later onset cuts what sounds on
                long start = GridNotes.step(note.startTick(), score.resolution(), stepsPerQuarter);
                long end = Math.max(start + 1, GridNotes.step(note.endTick(), score.resolution(), stepsPerQuarter));
                for (long s = start; s < Math.max(end, sounding); s++) {
                    pitches[(int) s][v] = s < end ? note.pitch() : REST;
                    onsets[(int) s][v] = s == start;
                }
                sounding = end;
            }
            v++;
        }
        return new VoiceRoll(pitches, onsets);
    }

    /** The nearest step to a tick, as {@link #of} places notes. */
    public static long step(long tick, int resolution, int stepsPerQuarter) {
        return GridNotes.step(tick, resolution, stepsPerQuarter);
    }

    /** Steps. */
    public int length() {
        return pitches.length;
    }

    /** Voices; 0 for a roll of no steps. */
    public int voices() {
        return pitches.length == 0 ? 0 : pitches[0].length;
    }

    /** The pitch of a voice at a step, or {@link #REST}. */
    public int pitch(int step, int voice) {
        return pitches[step][voice];
    }

    /** Whether a voice starts a note at a step. */
    public boolean onset(int step, int voice) {
        return onsets[step][voice];
    }

    /** The roll moved by {@code semitones}; a pitch leaving 0..127 is an {@link IllegalArgumentException}. */
    public VoiceRoll transposed(int semitones) {
        int[][] moved = new int[pitches.length][];
        for (int s = 0; s < pitches.length; s++) {
            moved[s] = pitches[s].clone();
            for (int v = 0; v < moved[s].length; v++) {
                if (moved[s][v] != REST) {
                    moved[s][v] += semitones;
                }
            }
        }
        return new VoiceRoll(moved, onsets);
    }

    /** Steps {@code from} (inclusive) to {@code to} (exclusive); a note held into {@code from} starts there. */
    public VoiceRoll slice(int from, int to) {
        int[][] cut = Arrays.copyOfRange(pitches, from, to);
        boolean[][] cutOnsets = Arrays.copyOfRange(onsets, from, to);
        if (cut.length > 0) {
            cutOnsets[0] = cutOnsets[0].clone();
            for (int v = 0; v < cut[0].length; v++) {
                cutOnsets[0][v] = cut[0][v] != REST;
            }
        }
        return new VoiceRoll(cut, cutOnsets);
    }

    /**
     * The voices as notes in the ticks of {@code resolution} on a grid of {@code stepsPerQuarter}, voice i on track
     * i and a MIDI channel of its own (0, 1, ..., skipping the drums' 9) so that voices in unison do not end each
     * other's notes, at {@code velocity}.
     */
    public List<Note> toNotes(int resolution, int stepsPerQuarter, int velocity) {
        List<Note> notes = new ArrayList<>();
        for (int v = 0; v < voices(); v++) {
            int start = -1;
            for (int s = 0; s <= pitches.length; s++) {
                boolean ends = start >= 0 && (s == pitches.length || pitches[s][v] == REST || onsets[s][v]);
                if (ends) {
                    long from = tick(start, resolution, stepsPerQuarter);
                    notes.add(new Note(pitches[start][v], velocity, from,
                            Math.max(1, tick(s, resolution, stepsPerQuarter) - from), 0, channel(v), false, v));
                    start = -1;
                }
                if (s < pitches.length && onsets[s][v]) {
                    start = s;
                }
            }
        }
        return notes;
    }

    /** The voices as a score on a grid codec's frame: its resolution, tempo and velocity. */
    public NoteSequence toScore(GridConfig grid) {
        return GridNotes.fixedFrame(toNotes(grid.resolution(), grid.stepsPerQuarter(), grid.velocity()),
                grid.resolution(), grid.microsPerQuarter());
    }

    private static long tick(int step, int resolution, int stepsPerQuarter) {
        return Math.round((double) step * resolution / stepsPerQuarter);
    }

    private static int channel(int voice) {
        return voice < 9 ? voice : voice + 1;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VoiceRoll o && Arrays.deepEquals(pitches, o.pitches)
                && Arrays.deepEquals(onsets, o.onsets);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.deepHashCode(pitches) + Arrays.deepHashCode(onsets);
    }

    @Override
    public String toString() {
        return "VoiceRoll[" + length() + " steps, " + voices() + " voices]";
    }
}
