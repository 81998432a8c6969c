package io.muse4j.core.stats;

import io.muse4j.core.metrics.MusicMetrics;
import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.PitchNames;
import io.muse4j.core.score.PitchNames.Spelling;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The key of a piece by the Krumhansl-Schmuckler algorithm (Krumhansl 1990): the major or minor key whose
 * Krumhansl-Kessler tonal-hierarchy profile correlates best with the piece's duration-weighted pitch-class counts.
 * Drums are left out; a piece without pitched notes is C major with correlation 0.
 *
 * @param tonic the tonic's pitch class, 0 (C) .. 11 (B)
 * @param minor whether the key is minor
 * @param correlation the Pearson correlation of the piece's profile with the key's, -1..1
 */
public record KeyEstimate(int tonic, boolean minor, double correlation) {
    private static final double[] MAJOR_PROFILE = {6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88};
    private static final double[] MINOR_PROFILE = {6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17};

    public KeyEstimate {
        if (tonic < 0 || tonic > 11) {
            throw new IllegalArgumentException("tonic pitch class " + tonic + " outside 0..11");
        }
    }

    /** The best-correlating of the 24 major and minor keys; ties go to the lower tonic, major first. */
    public static KeyEstimate of(NoteSequence score) {
        double[] weights = new double[12];
        for (Note n : MusicMetrics.pitched(score)) {
            weights[n.pitch() % 12] += (double) n.durationTicks() / score.resolution();
        }
        KeyEstimate best = new KeyEstimate(0, false, 0);
        for (int tonic = 0; tonic < 12; tonic++) {
            for (boolean minor : new boolean[] {false, true}) {
                double r = correlation(weights, minor ? MINOR_PROFILE : MAJOR_PROFILE, tonic);
                if (r > best.correlation()) {
                    best = new KeyEstimate(tonic, minor, r);
                }
            }
        }
        return best;
    }

    /** The key's name, such as "G major" or "A minor". */
    public String name() {
        return minor ? PitchNames.of(tonic, Spelling.MINOR_KEYS) + " minor"
                : PitchNames.of(tonic, Spelling.MAJOR_KEYS) + " major";
    }

    /**
     * Whether the piece's last note is this key's tonic. Where several notes start last the lowest counts: the bass
     * of a final chord says more about the cadence than its top.
     */
    public boolean endsOnTonic(NoteSequence score) {
        List<Note> notes = MusicMetrics.pitched(score);
        if (notes.isEmpty()) {
            return false;
        }
        long lastOnset = notes.get(notes.size() - 1).startTick();
        int lowest = notes.stream().filter(n -> n.startTick() == lastOnset).mapToInt(Note::pitch).min().orElseThrow();
        return lowest % 12 == tonic;
    }

    /** The share of pieces in each estimated key, most common first (ties by name). */
    public static Map<String, Double> distribution(List<NoteSequence> scores) {
        Map<String, Integer> counts = new TreeMap<>();
        scores.forEach(s -> counts.merge(of(s).name(), 1, Integer::sum));
        Map<String, Double> shares = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> shares.put(e.getKey(), (double) e.getValue() / scores.size()));
        return shares;
    }

    /** The Pearson correlation of the weights with the profile rotated to start on {@code tonic}. */
    private static double correlation(double[] weights, double[] profile, int tonic) {
        double meanW = 0;
        double meanP = 0;
        for (int pc = 0; pc < 12; pc++) {
            meanW += weights[pc] / 12;
            meanP += profile[pc] / 12;
        }
        double cross = 0;
        double varW = 0;
        double varP = 0;
        for (int pc = 0; pc < 12; pc++) {
            double w = weights[pc] - meanW;
            double p = profile[(pc - tonic + 12) % 12] - meanP;
            cross += w * p;
            varW += w * w;
            varP += p * p;
        }
        return varW == 0 ? 0 : cross / Math.sqrt(varW * varP);
    }
}
