package io.muse4j.audio.transcription;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.TempoMap;

import java.util.ArrayList;
import java.util.List;

/**
 * Note-level transcription scores (as mir_eval's onset-only note metrics): an estimated note matches a reference
 * note of the same pitch whose onset is within a tolerance of its own, each note matching at most once, and the
 * matching is as large as possible. Drum notes are left out.
 */
public final class NoteMatching {
    private NoteMatching() {
    }

    /**
     * Counts and rates of a matching.
     *
     * @param matched pairs matched
     * @param reference notes in the reference
     * @param estimated notes in the estimate
     */
    public record Score(int matched, int reference, int estimated) {
        /** Matched over estimated; 1 when nothing was estimated nor expected. */
        public double precision() {
            return estimated == 0 ? (reference == 0 ? 1 : 0) : matched / (double) estimated;
        }

        /** Matched over reference; 1 when nothing was expected. */
        public double recall() {
            return reference == 0 ? (estimated == 0 ? 1 : 0) : matched / (double) reference;
        }

        /** The harmonic mean of precision and recall. */
        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        /** The sum of two scores, for a corpus: F1 over all notes, not the mean of each file's F1. */
        public Score plus(Score other) {
            return new Score(matched + other.matched, reference + other.reference, estimated + other.estimated);
        }
    }

    /**
     * Matches {@code estimate} against {@code reference}, onsets within {@code toleranceSeconds} (each sequence's
     * seconds from its own tempo map).
     */
    public static Score score(NoteSequence reference, NoteSequence estimate, double toleranceSeconds) {
        if (!(toleranceSeconds >= 0)) {
            throw new IllegalArgumentException("onset tolerance " + toleranceSeconds + " s must be 0 or more");
        }
        List<List<Double>> ref = onsetsByPitch(reference);
        List<List<Double>> est = onsetsByPitch(estimate);
        int matched = 0;
        for (int pitch = 0; pitch < 128; pitch++) {
            matched += matchSorted(ref.get(pitch), est.get(pitch), toleranceSeconds);
        }
        return new Score(matched, count(ref), count(est));
    }

    /**
     * The largest matching of two rising lists of times within a tolerance. Taking each estimate in turn and giving
     * it the earliest reference still free within reach is optimal: a reference skipped as too early can serve no
     * later estimate, and taking the earliest leaves the later ones to the estimates after it.
     */
    static int matchSorted(List<Double> reference, List<Double> estimate, double tolerance) {
        int matched = 0;
        int r = 0;
        for (double e : estimate) {
            while (r < reference.size() && reference.get(r) < e - tolerance - 1e-9) {
                r++;
            }
            if (r < reference.size() && reference.get(r) <= e + tolerance + 1e-9) {
                matched++;
                r++;
            }
        }
        return matched;
    }

    private static List<List<Double>> onsetsByPitch(NoteSequence seq) {
        List<List<Double>> byPitch = new ArrayList<>();
        for (int p = 0; p < 128; p++) {
            byPitch.add(new ArrayList<>());
        }
        TempoMap tempo = seq.tempoMap();
        for (Note n : seq.notes()) { // in onset order, so each list rises
            if (!n.drum()) {
                byPitch.get(n.pitch()).add(tempo.seconds(n.startTick()));
            }
        }
        return byPitch;
    }

    private static int count(List<List<Double>> byPitch) {
        return byPitch.stream().mapToInt(List::size).sum();
    }
}
