package io.muse4j.core.stats;

import io.muse4j.core.metrics.MusicMetrics;
import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The statistics of one piece that {@code muse4j stats} compares, each a pure function from a score to a finite
 * number: the MusPy set (Dong et al. 2020), Mogren's (2016) measures from {@link MusicMetrics}, and measures of
 * melody and form. README.md ("Music statistics") defines each. Drums are left out throughout.
 */
public final class PieceStatistics {
    /** Length of the note n-grams {@link #repeatedFourGrams} looks for. */
    private static final int GRAM = 4;
    private static final Map<String, ToDoubleFunction<NoteSequence>> ALL = build();

    private PieceStatistics() {
    }

    /** Every statistic by name, in the order reports list them. */
    public static Map<String, ToDoubleFunction<NoteSequence>> all() {
        return ALL;
    }

    /** The statistics' names, in the order of {@link #of}. */
    public static List<String> names() {
        return List.copyOf(ALL.keySet());
    }

    /** Every statistic of one piece, in the order of {@link #names()}. */
    public static double[] of(NoteSequence score) {
        return ALL.values().stream().mapToDouble(s -> s.applyAsDouble(score)).toArray();
    }

    /** Every statistic of every piece: one row a piece. */
    public static double[][] table(List<NoteSequence> scores) {
        return scores.parallelStream().map(PieceStatistics::of).toArray(double[][]::new);
    }

    private static Map<String, ToDoubleFunction<NoteSequence>> build() {
        // Mogren's measures and three of MusPy's, under the names the GAN benchmarks already report
        Map<String, ToDoubleFunction<NoteSequence>> all = new LinkedHashMap<>(MusicMetrics.statistics());
        all.put("groove_consistency", BarStatistics::grooveConsistency);
        all.put("notes_per_second", PieceStatistics::notesPerSecond);
        all.put("stepwise_share", PieceStatistics::stepwiseShare);
        all.put("longest_repeated_pitch", PieceStatistics::longestRepeatedPitch);
        all.put("repeated_bars", s -> BarStatistics.repeatedBarShare(s, false));
        all.put("repeated_bars_transposed", s -> BarStatistics.repeatedBarShare(s, true));
        all.put("repeated_4grams", PieceStatistics::repeatedFourGrams);
        all.put("self_similarity_4", s -> BarStatistics.selfSimilarity(s, 4));
        all.put("self_similarity_8", s -> BarStatistics.selfSimilarity(s, 8));
        all.put("ends_on_tonic", s -> KeyEstimate.of(s).endsOnTonic(s) ? 1 : 0);
        all.put("strong_beat_phrase_endings", BarStatistics::strongBeatPhraseEndings);
        return Collections.unmodifiableMap(all);
    }

    /** Pitched notes per second, up to the end of the last note; 0 for a piece without them. */
    public static double notesPerSecond(NoteSequence score) {
        List<Note> notes = MusicMetrics.pitched(score);
        long end = notes.stream().mapToLong(Note::endTick).max().orElse(0);
        return end == 0 ? 0 : notes.size() / score.tempoMap().seconds(end);
    }

    /** The share of the melody's successive intervals that are steps: one or two semitones up or down. */
    public static double stepwiseShare(NoteSequence score) {
        List<Note> melody = MelodyEvents.melody(score);
        int steps = 0;
        for (int i = 1; i < melody.size(); i++) {
            int interval = Math.abs(melody.get(i).pitch() - melody.get(i - 1).pitch());
            steps += interval == 1 || interval == 2 ? 1 : 0;
        }
        return melody.size() < 2 ? 0 : (double) steps / (melody.size() - 1);
    }

    /** The most successive melody notes of one pitch (1 where no pitch repeats at once, 0 for no notes). */
    public static double longestRepeatedPitch(NoteSequence score) {
        List<Note> melody = MelodyEvents.melody(score);
        int longest = 0;
        int run = 0;
        for (int i = 0; i < melody.size(); i++) {
            run = i > 0 && melody.get(i).pitch() == melody.get(i - 1).pitch() ? run + 1 : 1;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    /**
     * The share of the melody's {@value #GRAM}-note n-grams, each note a (pitch, duration), that already occurred
     * earlier in the piece: literal repetition, where {@link MusicMetrics#repetitions} allows any transposition
     * and rhythm (its {@code repetitions}).
     */
    public static double repeatedFourGrams(NoteSequence score) {
        int[] events = MelodyEvents.of(score);
        int grams = events.length - GRAM + 1;
        Set<List<Integer>> seen = new HashSet<>();
        int repeated = 0;
        for (int i = 0; i < grams; i++) {
            List<Integer> gram = Arrays.stream(events, i, i + GRAM).boxed().toList();
            repeated += seen.add(gram) ? 0 : 1;
        }
        return grams <= 0 ? 0 : (double) repeated / grams;
    }
}
