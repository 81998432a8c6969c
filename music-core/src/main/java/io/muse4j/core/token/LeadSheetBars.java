package io.muse4j.core.token;

import io.muse4j.core.harmony.ChordSymbol;
import io.muse4j.core.score.BarGrid;
import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.TimeSignature;
import io.muse4j.core.transform.Voices;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MidiNet's lead-sheet bars (Yang et al. 2017): each bar of 4/4 as {@link #STEPS} sixteenth steps of a monophonic
 * melody, one column a step: a pitch of the two octaves C4-B5 ({@link #PITCHES} columns; notes outside are moved by
 * octaves into them, as the paper did) or a rest ({@link #REST}); and the bar's chord, a major or minor triad
 * ({@link #CHORDS} of them: index {@code root + 12 * minor}).
 * <ul>
 *   <li>Melody and chords: in a score of several tracks, the track of the highest mean pitch is the melody (its
 *       highest voice) and the others are the accompaniment, whose notes label each bar with the triad that best
 *       matches them (time in the triad, minus half the time outside it, plus a tenth of the time on its root);
 *       a bar without accompaniment, and a score of one track, is labelled from its melody notes; a bar with
 *       neither keeps the chord before it (C major at the start).</li>
 *   <li>Steps: a note fills the steps from its onset to its end, each rounded to the nearest step, at least one.
 *       {@link #decode} starts a note at a step whose column differs from the step before or follows a rest
 *       (there is no hold column, as in the paper, so repeated notes of one pitch join).</li>
 *   <li>Only bars of 4/4 count; any other bar ends a run of consecutive bars.</li>
 * </ul>
 */
public final class LeadSheetBars {
    /** Sixteenth steps per bar. */
    public static final int STEPS = 16;
    /** The lowest pitch, C4. */
    public static final int LOWEST = 60;
    /** Pitch columns, two octaves. */
    public static final int PITCHES = 24;
    /** The rest column. */
    public static final int REST = PITCHES;
    /** Columns per step: the pitches and the rest. */
    public static final int COLUMNS = PITCHES + 1;
    /** Chords: 12 roots, major then minor. */
    public static final int CHORDS = 24;
    /** Ticks per quarter of decoded scores. */
    public static final int RESOLUTION = 96;
    /** Velocity of decoded notes. */
    public static final int VELOCITY = 90;

    private static final int[][] TRIADS = triads();

    private LeadSheetBars() {
    }

    /**
     * One bar: its steps' columns and its chord's index.
     *
     * @param steps {@link #STEPS} columns, each 0..{@link #REST}
     * @param chord the chord's index, 0..{@link #CHORDS} - 1
     */
    public record Bar(int[] steps, int chord) {
        public Bar {
            if (steps.length != STEPS || Arrays.stream(steps).anyMatch(c -> c < 0 || c > REST)) {
                throw new IllegalArgumentException("a bar is " + STEPS + " columns 0.." + REST + ": "
                        + Arrays.toString(steps));
            }
            if (chord < 0 || chord >= CHORDS) {
                throw new IllegalArgumentException("chord index " + chord + " outside 0.." + (CHORDS - 1));
            }
            steps = steps.clone();
        }

        /** A bar of rests over C major: the previous bar of a piece's first bar. */
        public static Bar empty() {
            int[] rests = new int[STEPS];
            Arrays.fill(rests, REST);
            return new Bar(rests, 0);
        }
    }

    /** The index of a chord's triad: its root, and minor when its third is minor (m, m7, dim...). */
    public static int chordIndex(ChordSymbol chord) {
        int[] classes = chord.pitchClasses();
        boolean minor = Arrays.stream(classes).anyMatch(c -> c == (chord.root() + 3) % 12);
        return chord.root() + (minor ? 12 : 0);
    }

    /** The triad of a chord index. */
    public static ChordSymbol chord(int index) {
        return new ChordSymbol(index % 12, index < 12 ? ChordSymbol.Quality.MAJOR : ChordSymbol.Quality.MINOR);
    }

    /** The score's runs of consecutive 4/4 bars, in order; a score without such bars has none. */
    public static List<List<Bar>> encode(NoteSequence score) {
        Map<Integer, List<Note>> tracks = new LinkedHashMap<>();
        score.notes().stream().filter(n -> !n.drum()).forEach(n -> tracks.computeIfAbsent(n.track(),
                t -> new ArrayList<>()).add(n));
        List<Note> melodyTrack = tracks.values().stream().max((a, b) -> Double.compare(meanPitch(a), meanPitch(b)))
                .orElse(List.of());
        List<Note> accompaniment = new ArrayList<>();
        tracks.values().stream().filter(t -> t != melodyTrack).forEach(accompaniment::addAll);
        List<Note> melody = Voices.melody(score.withNotes(melodyTrack)).notes();
        BarGrid grid = score.bars();
        long[] starts = grid.starts(score.endTick());
        long bar = 4L * score.resolution();
        List<List<Bar>> runs = new ArrayList<>();
        List<Bar> run = new ArrayList<>();
        int chord = 0;
        for (int i = 0; i < starts.length; i++) {
            long start = starts[i];
            long end = i + 1 < starts.length ? starts[i + 1] : start + bar;
            TimeSignature meter = grid.meterAtBar(start);
            if (meter.numerator() != 4 || meter.denominator() != 4 || end - start != bar || start >= score.endTick()) {
                addRun(runs, run);
                run = new ArrayList<>();
                continue;
            }
            int[] labelled = weights(accompaniment, start, end);
            if (Arrays.stream(labelled).allMatch(w -> w == 0)) {
                labelled = weights(melody, start, end);
            }
            chord = Arrays.stream(labelled).allMatch(w -> w == 0) ? chord : bestTriad(labelled);
            run.add(new Bar(steps(melody, start, bar), chord));
        }
        addRun(runs, run);
        return runs;
    }

    private static void addRun(List<List<Bar>> runs, List<Bar> run) {
        if (!run.isEmpty()) {
            runs.add(List.copyOf(run));
        }
    }

    private static double meanPitch(List<Note> notes) {
        return notes.stream().mapToInt(Note::pitch).average().orElse(0);
    }

    /** The melody's columns over the bar from {@code start}, {@code length} ticks long. */
    private static int[] steps(List<Note> melody, long start, long length) {
        int[] columns = Bar.empty().steps();
        double step = (double) length / STEPS;
        for (Note n : melody) {
            if (n.endTick() <= start || n.startTick() >= start + length) {
                continue;
            }
            int from = (int) Math.max(0, Math.round((n.startTick() - start) / step));
            int to = (int) Math.min(STEPS, Math.max(from + 1, Math.round((n.endTick() - start) / step)));
            for (int s = from; s < to; s++) {
                columns[s] = column(n.pitch());
            }
        }
        return columns;
    }

    /** A pitch's column, moved by octaves into C4-B5. */
    public static int column(int pitch) {
        return Math.floorMod(pitch - LOWEST, 12) + (pitch >= LOWEST + 12 ? 12 : 0);
    }

    /** The ticks each pitch class sounds within [start, end). */
    private static int[] weights(List<Note> notes, long start, long end) {
        int[] weights = new int[12];
        for (Note n : notes) {
            long overlap = Math.min(end, n.endTick()) - Math.max(start, n.startTick());
            if (overlap > 0) {
                weights[n.pitch() % 12] += (int) overlap;
            }
        }
        return weights;
    }

    /** The index of the triad that best matches pitch-class weights (the first of equals). */
    private static int bestTriad(int[] weights) {
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int index = 0; index < CHORDS; index++) {
            double score = 0;
            for (int pc = 0; pc < 12; pc++) {
                score += TRIADS[index][pc] == 1 ? weights[pc] : -0.5 * weights[pc];
            }
            score += 0.1 * weights[index % 12];
            if (score > bestScore) {
                bestScore = score;
                best = index;
            }
        }
        return best;
    }

    private static int[][] triads() {
        int[][] triads = new int[CHORDS][12];
        for (int index = 0; index < CHORDS; index++) {
            for (int pc : chord(index).pitchClasses()) {
                triads[index][pc] = 1;
            }
        }
        return triads;
    }

    /** The melody of consecutive bars as notes from tick 0, at {@link #RESOLUTION} ticks per quarter. */
    public static NoteSequence decode(List<int[]> bars) {
        List<Note> notes = new ArrayList<>();
        long step = RESOLUTION / 4;
        int previous = REST;
        long onset = 0;
        long t = 0;
        for (int[] bar : bars) {
            for (int column : bar) {
                if (column != previous && previous != REST) {
                    notes.add(Note.of(LOWEST + previous, VELOCITY, onset, t - onset));
                }
                if (column != previous) {
                    onset = t;
                }
                previous = column;
                t += step;
            }
        }
        if (previous != REST) {
            notes.add(Note.of(LOWEST + previous, VELOCITY, onset, t - onset));
        }
        return NoteSequence.of(RESOLUTION, notes);
    }
}
