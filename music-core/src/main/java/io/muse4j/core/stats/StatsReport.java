package io.muse4j.core.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Everything {@code muse4j stats} reports on a generated set against a reference set: each statistic's spread
 * in both and the Kolmogorov-Smirnov distance between them, a classifier two-sample test, a copy check and the
 * distribution of estimated keys.
 *
 * @param generated the generated pieces' names
 * @param reference the reference pieces' names
 * @param statistics the statistics' names, the columns of the value tables
 * @param generatedValues every statistic of every generated piece, one row a piece
 * @param referenceValues every statistic of every reference piece, one row a piece
 * @param comparisons each statistic over both sets, in the order of {@code statistics}
 * @param classifierAccuracy the cross-validated accuracy of telling the sets apart (0.5: indistinguishable), or
 *     NaN where a set has fewer than two pieces
 * @param classifierRepeats the accuracies of {@link #REPEATS} fold assignments, seeded one after another from the
 *     first, which is {@code classifierAccuracy}; empty where the test is not run. One assignment's accuracy moves by
 *     a few points with the seed alone; their mean does not
 * @param copies the longest run each generated piece shares with a reference piece, in order
 * @param generatedKeys the share of generated pieces in each estimated key, most common first
 * @param referenceKeys the same for the reference pieces
 */
public record StatsReport(List<String> generated, List<String> reference, List<String> statistics,
                          double[][] generatedValues, double[][] referenceValues,
                          List<StatisticComparison> comparisons, double classifierAccuracy,
                          double[] classifierRepeats, List<CopyCheck.Match> copies, Map<String, Double> generatedKeys,
                          Map<String, Double> referenceKeys) {
    /** Folds of the classifier two-sample test. */
    public static final int FOLDS = 5;
    /** Fold assignments the classifier two-sample test is repeated over. */
    public static final int REPEATS = 10;

    /** Compares the sets, each of at least one piece; {@code seed} fixes the classifier's sampling. */
    public static StatsReport compare(PieceSet generated, PieceSet reference, long seed) {
        if (generated.size() == 0 || reference.size() == 0) {
            throw new IllegalArgumentException("statistics need pieces on both sides, not " + generated.size()
                    + " generated and " + reference.size() + " reference pieces");
        }
        List<String> names = PieceStatistics.names();
        double[][] gen = PieceStatistics.table(generated.scores());
        double[][] ref = PieceStatistics.table(reference.scores());
        List<StatisticComparison> comparisons = new ArrayList<>();
        for (int s = 0; s < names.size(); s++) {
            comparisons.add(StatisticComparison.of(names.get(s), column(gen, s), column(ref, s)));
        }
        double[] repeats = Math.min(gen.length, ref.length) < 2 ? new double[0] : IntStream.range(0, REPEATS)
                .mapToDouble(r -> TwoSampleClassifier.accuracy(gen, ref, FOLDS, seed + r)).toArray();
        double accuracy = repeats.length == 0 ? Double.NaN : repeats[0];
        List<CopyCheck.Match> copies = CopyCheck.of(reference.scores()).longest(generated.scores());
        return new StatsReport(generated.names(), reference.names(), names, gen, ref, comparisons, accuracy, repeats,
                copies,
                KeyEstimate.distribution(generated.scores()), KeyEstimate.distribution(reference.scores()));
    }

    /** One statistic's values over a set. */
    public static double[] column(double[][] table, int statistic) {
        double[] values = new double[table.length];
        for (int i = 0; i < table.length; i++) {
            values[i] = table[i][statistic];
        }
        return values;
    }

    /** The generated piece that shares the longest run with the reference set (the first such). */
    public int mostCopied() {
        int best = 0;
        for (int i = 1; i < copies.size(); i++) {
            best = copies.get(i).length() > copies.get(best).length() ? i : best;
        }
        return best;
    }

    /** The mean accuracy over the repeated fold assignments; NaN where the test is not run. */
    public double classifierMean() {
        return java.util.Arrays.stream(classifierRepeats).average().orElse(Double.NaN);
    }

    /** The standard deviation of the accuracy over the repeated fold assignments; NaN where the test is not run. */
    public double classifierSd() {
        double mean = classifierMean();
        return Math.sqrt(java.util.Arrays.stream(classifierRepeats).map(a -> (a - mean) * (a - mean)).average()
                .orElse(Double.NaN));
    }

    /** The share of pieces whose estimated key is minor. */
    public static double minorShare(Map<String, Double> keys) {
        return keys.entrySet().stream().filter(e -> e.getKey().endsWith("minor")).mapToDouble(Map.Entry::getValue)
                .sum();
    }

    /** A table for people: one line a statistic, then the test, the copy check and the keys. */
    public String toText() {
        return StatsText.of(this);
    }

    /** One JSON object; a value that is not finite is written as null. */
    public String toJson() {
        return StatsJson.of(this);
    }
}
