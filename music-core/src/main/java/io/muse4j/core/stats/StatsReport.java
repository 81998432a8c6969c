package io.muse4j.core.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
 * @param copies the longest run each generated piece shares with a reference piece, in order
 * @param generatedKeys the share of generated pieces in each estimated key, most common first
 * @param referenceKeys the same for the reference pieces
 */
public record StatsReport(List<String> generated, List<String> reference, List<String> statistics,
                          double[][] generatedValues, double[][] referenceValues,
                          List<StatisticComparison> comparisons, double classifierAccuracy,
                          List<CopyCheck.Match> copies, Map<String, Double> generatedKeys,
                          Map<String, Double> referenceKeys) {
    /** Folds of the classifier two-sample test. */
    public static final int FOLDS = 5;

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
        double accuracy = Math.min(gen.length, ref.length) < 2 ? Double.NaN
                : TwoSampleClassifier.accuracy(gen, ref, FOLDS, seed);
        List<CopyCheck.Match> copies = CopyCheck.of(reference.scores()).longest(generated.scores());
        return new StatsReport(generated.names(), reference.names(), names, gen, ref, comparisons, accuracy, copies,
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
