package io.muse4j.core.metrics;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Statistics of a score, each a pure function from a score to a number: the measures of C-RNN-GAN (Mogren 2016:
 * polyphony, scale consistency, repetitions, tone span) and two standard ones (pitch-class entropy; the empty-beat
 * rate, after MuseGAN's empty bars); and comparisons of whole sets of scores: the distance between two sets'
 * distributions of a statistic (two-sample Kolmogorov-Smirnov) and the share of distinct pieces in a set. Drums
 * are left out throughout. A score without notes scores 0 on every statistic but the empty-beat rate.
 */
public final class MusicMetrics {
    /** The pitch classes of the major scale on C. */
    private static final int[] MAJOR = {0, 2, 4, 5, 7, 9, 11};
    /** Length of the interval patterns {@link #repetitions} looks for. */
    private static final int PATTERN = 4;

    private MusicMetrics() {
    }

    /** The six statistics by name, in the order reports list them. */
    public static Map<String, ToDoubleFunction<NoteSequence>> statistics() {
        Map<String, ToDoubleFunction<NoteSequence>> all = new LinkedHashMap<>();
        all.put("polyphony", MusicMetrics::polyphony);
        all.put("scale_consistency", MusicMetrics::scaleConsistency);
        all.put("repetitions", MusicMetrics::repetitions);
        all.put("tone_span", MusicMetrics::toneSpan);
        all.put("pitch_class_entropy", MusicMetrics::pitchClassEntropy);
        all.put("empty_beat_rate", MusicMetrics::emptyBeatRate);
        return all;
    }

    /** The notes that are not drums, in the score's order. */
    public static List<Note> pitched(NoteSequence score) {
        return score.notes().stream().filter(n -> !n.drum()).toList();
    }

    /** The share of onset times at which two or more notes start together (Mogren's polyphony). */
    public static double polyphony(NoteSequence score) {
        Map<Long, Integer> starting = new LinkedHashMap<>();
        pitched(score).forEach(n -> starting.merge(n.startTick(), 1, Integer::sum));
        long together = starting.values().stream().filter(c -> c > 1).count();
        return starting.isEmpty() ? 0 : (double) together / starting.size();
    }

    /** The share of notes in the major scale (and so its relative minor) that holds the most of them. */
    public static double scaleConsistency(NoteSequence score) {
        List<Note> notes = pitched(score);
        int[] classes = pitchClassCounts(notes);
        int best = 0;
        for (int tonic = 0; tonic < 12; tonic++) {
            int inScale = 0;
            for (int degree : MAJOR) {
                inScale += classes[(tonic + degree) % 12];
            }
            best = Math.max(best, inScale);
        }
        return notes.isEmpty() ? 0 : (double) best / notes.size();
    }

    /**
     * The share of the melody's patterns of {@value #PATTERN} successive intervals (notes in onset order) that
     * already occurred earlier in the piece: how much it repeats itself, at any transposition.
     */
    public static double repetitions(NoteSequence score) {
        List<Note> notes = pitched(score);
        int patterns = notes.size() - PATTERN;
        if (patterns <= 0) {
            return 0;
        }
        Set<List<Integer>> seen = new HashSet<>();
        int repeated = 0;
        for (int i = 0; i < patterns; i++) {
            Integer[] intervals = new Integer[PATTERN];
            for (int k = 0; k < PATTERN; k++) {
                intervals[k] = notes.get(i + k + 1).pitch() - notes.get(i + k).pitch();
            }
            repeated += seen.add(List.of(intervals)) ? 0 : 1;
        }
        return (double) repeated / patterns;
    }

    /** The distance in semitones between the lowest and the highest note. */
    public static double toneSpan(NoteSequence score) {
        List<Note> notes = pitched(score);
        int low = notes.stream().mapToInt(Note::pitch).min().orElse(0);
        int high = notes.stream().mapToInt(Note::pitch).max().orElse(0);
        return high - low;
    }

    /** The Shannon entropy, in bits, of the notes' pitch classes (0 to log2 12 = 3.58). */
    public static double pitchClassEntropy(NoteSequence score) {
        List<Note> notes = pitched(score);
        double entropy = 0;
        for (int count : pitchClassCounts(notes)) {
            if (count > 0) {
                double p = (double) count / notes.size();
                entropy -= p * Math.log(p) / Math.log(2);
            }
        }
        return entropy;
    }

    /** The share of beats (quarter notes) from the start to the last note's end during which no note sounds. */
    public static double emptyBeatRate(NoteSequence score) {
        List<Note> notes = pitched(score);
        long quarter = score.resolution();
        long end = notes.stream().mapToLong(n -> n.startTick() + n.durationTicks()).max().orElse(0);
        int beats = (int) ((end + quarter - 1) / quarter);
        if (beats == 0) {
            return 1;
        }
        boolean[] sounding = new boolean[beats];
        for (Note n : notes) {
            long last = (n.startTick() + n.durationTicks() - 1) / quarter;
            for (long b = n.startTick() / quarter; b <= last; b++) {
                sounding[(int) b] = true;
            }
        }
        int empty = 0;
        for (boolean s : sounding) {
            empty += s ? 0 : 1;
        }
        return (double) empty / beats;
    }

    private static int[] pitchClassCounts(List<Note> notes) {
        int[] counts = new int[12];
        notes.forEach(n -> counts[n.pitch() % 12]++);
        return counts;
    }

    /** A statistic of every score in a set. */
    public static double[] values(List<NoteSequence> scores, ToDoubleFunction<NoteSequence> statistic) {
        return scores.stream().mapToDouble(statistic).toArray();
    }

    /** The mean of some values (NaN for none). */
    public static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }

    /** The sample standard deviation of some values (divisor n - 1); 0 for fewer than two. */
    public static double standardDeviation(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double mean = mean(values);
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / (values.length - 1));
    }

    /**
     * The two-sample Kolmogorov-Smirnov statistic: the largest gap between the two samples' empirical
     * distribution functions, from 0 (the same distribution) to 1 (no overlap).
     */
    public static double ksDistance(double[] a, double[] b) {
        if (a.length == 0 || b.length == 0) {
            throw new IllegalArgumentException("a Kolmogorov-Smirnov distance needs values on both sides, not "
                    + a.length + " and " + b.length);
        }
        double[] x = a.clone();
        double[] y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        int i = 0;
        int j = 0;
        double gap = 0;
        while (i < x.length && j < y.length) {
            double next = Math.min(x[i], y[j]);
            while (i < x.length && x[i] == next) {
                i++;
            }
            while (j < y.length && y[j] == next) {
                j++;
            }
            gap = Math.max(gap, Math.abs((double) i / x.length - (double) j / y.length));
        }
        return gap;
    }

    /** The mean over the six {@link #statistics()} of the Kolmogorov-Smirnov distance between two sets of scores. */
    public static double distance(List<NoteSequence> generated, List<NoteSequence> real) {
        return statistics().values().stream()
                .mapToDouble(s -> ksDistance(values(generated, s), values(real, s))).average().orElse(0);
    }

    /**
     * The share of scores in a set that are not near-duplicates of an earlier one: two scores are near-duplicates
     * when at least {@code agreement} of the positions of the longer one hold the same (pitch, onset) note in both.
     */
    public static double distinctShare(List<NoteSequence> scores, double agreement) {
        if (scores.isEmpty()) {
            return 1;
        }
        int distinct = 0;
        for (int i = 0; i < scores.size(); i++) {
            boolean duplicate = false;
            for (int j = 0; j < i && !duplicate; j++) {
                duplicate = sameShare(scores.get(i), scores.get(j)) >= agreement;
            }
            distinct += duplicate ? 0 : 1;
        }
        return (double) distinct / scores.size();
    }

    /** The share of note positions (of the longer score) at which both scores hold the same pitch and onset. */
    static double sameShare(NoteSequence a, NoteSequence b) {
        List<Note> x = pitched(a);
        List<Note> y = pitched(b);
        int longer = Math.max(x.size(), y.size());
        if (longer == 0) {
            return 1;
        }
        int same = 0;
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            Note p = x.get(i);
            Note q = y.get(i);
            boolean onsets = p.startTick() * b.resolution() == q.startTick() * a.resolution();
            same += p.pitch() == q.pitch() && onsets ? 1 : 0;
        }
        return (double) same / longer;
    }
}
