package io.muse4j.core.stats;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.TimeSignature;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The statistics of a piece that read its bars: form (repeated bars, self-similarity), groove consistency and
 * where phrases end. Bars follow the score's time signatures, 4/4 where it has none; positions in a bar are
 * rounded to a grid of {@value #GRID} steps a quarter note, which holds sixteenths and triplets.
 */
public final class BarStatistics {
    /** Grid steps per quarter note. */
    static final int GRID = 12;

    private BarStatistics() {
    }

    /**
     * The share of bars with notes whose notes (position in the bar, pitch, duration) repeat those of an earlier
     * bar exactly, or, with {@code transposed}, up to one transposition of the whole bar.
     */
    public static double repeatedBarShare(NoteSequence score, boolean transposed) {
        Bars bars = new Bars(score);
        Set<List<Long>> seen = new HashSet<>();
        int filled = 0;
        int repeated = 0;
        for (int b = 0; b < bars.count(); b++) {
            List<Note> notes = bars.notes(b);
            if (notes.isEmpty()) {
                continue;
            }
            int base = transposed ? notes.get(0).pitch() : 0;
            List<Long> content = new ArrayList<>();
            for (Note n : notes) {
                content.add(bars.step(n.startTick(), GRID));
                content.add((long) n.pitch() - base);
                content.add(Math.round((double) n.durationTicks() * GRID / score.resolution()));
            }
            filled++;
            repeated += seen.add(content) ? 0 : 1;
        }
        return filled == 0 ? 0 : (double) repeated / filled;
    }

    /**
     * How alike each bar is to the bar {@code lag} bars before it, on average: the Jaccard similarity of their
     * sets of (position in the bar, pitch) onsets, over the pairs where either bar has notes; 0 where none has.
     */
    public static double selfSimilarity(NoteSequence score, int lag) {
        if (lag < 1) {
            throw new IllegalArgumentException("self-similarity lag " + lag + " must be at least 1 bar");
        }
        Bars bars = new Bars(score);
        List<Set<Long>> onsets = new ArrayList<>();
        for (int b = 0; b < bars.count(); b++) {
            Set<Long> set = new HashSet<>();
            for (Note n : bars.notes(b)) {
                set.add(bars.step(n.startTick(), GRID) << 8 | n.pitch());
            }
            onsets.add(set);
        }
        double total = 0;
        int pairs = 0;
        for (int b = lag; b < onsets.size(); b++) {
            Set<Long> union = new HashSet<>(onsets.get(b));
            union.addAll(onsets.get(b - lag));
            if (!union.isEmpty()) {
                Set<Long> both = new HashSet<>(onsets.get(b));
                both.retainAll(onsets.get(b - lag));
                total += (double) both.size() / union.size();
                pairs++;
            }
        }
        return pairs == 0 ? 0 : total / pairs;
    }

    /**
     * MusPy's groove consistency: 1 minus the mean Hamming distance between the onset patterns of successive bars,
     * each divided by the bar's length in grid steps. 1 for a piece of one bar, 0 for one without notes.
     */
    public static double grooveConsistency(NoteSequence score) {
        Bars bars = new Bars(score);
        if (bars.count() < 2) {
            return bars.count();
        }
        BitSet previous = null;
        double distance = 0;
        for (int b = 0; b < bars.count(); b++) {
            BitSet pattern = new BitSet();
            bars.notes(b).forEach(n -> pattern.set((int) bars.step(n.startTick(), GRID)));
            if (previous != null) {
                BitSet differ = (BitSet) pattern.clone();
                differ.xor(previous);
                distance += (double) differ.cardinality() / Math.max(1, bars.steps(b, GRID));
            }
            previous = pattern;
        }
        return 1 - distance / (bars.count() - 1);
    }

    /**
     * The share of phrase endings that fall on a strong beat. A melody note ends a phrase when it is the last, when
     * a rest at least as long as the melody's median note follows it, or when it lasts at least twice that median.
     * The strong beats are the downbeat and, in meters of four beats or two compound beats (4/4, 6/8, 12/8), the
     * middle of the bar. 0 for a piece without notes.
     */
    public static double strongBeatPhraseEndings(NoteSequence score) {
        List<Note> melody = MelodyEvents.melody(score);
        if (melody.isEmpty()) {
            return 0;
        }
        long median = melody.stream().mapToLong(Note::durationTicks).sorted().skip(melody.size() / 2).findFirst()
                .orElseThrow();
        Bars bars = new Bars(score);
        int endings = 0;
        int strong = 0;
        for (int i = 0; i < melody.size(); i++) {
            Note n = melody.get(i);
            boolean last = i == melody.size() - 1;
            if (last || melody.get(i + 1).startTick() - n.endTick() >= median || n.durationTicks() >= 2 * median) {
                endings++;
                strong += onStrongBeat(bars, n.startTick()) ? 1 : 0;
            }
        }
        return (double) strong / endings;
    }

    private static boolean onStrongBeat(Bars bars, long tick) {
        int bar = bars.barOf(tick);
        long position = bars.step(tick, GRID);
        long length = bars.steps(bar, GRID);
        TimeSignature meter = bars.meter(bar);
        boolean halves = meter.numerator() % 2 == 0 && meter.numerator() >= 4;
        return position == 0 || position == length || halves && 2 * position == length;
    }
}
