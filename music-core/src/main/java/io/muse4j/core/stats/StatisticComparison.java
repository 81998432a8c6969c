package io.muse4j.core.stats;

import io.muse4j.core.metrics.MusicMetrics;

/**
 * How one statistic is spread over a generated set and over a reference set, and the Kolmogorov-Smirnov distance
 * between the two spreads (0: the same distribution, 1: no overlap).
 *
 * @param name the statistic, as {@link PieceStatistics#names()} spells it
 * @param generatedMean its mean over the generated pieces
 * @param generatedSd its sample standard deviation over them
 * @param referenceMean its mean over the reference pieces
 * @param referenceSd its sample standard deviation over them
 * @param ks the two-sample Kolmogorov-Smirnov distance, 0..1
 */
public record StatisticComparison(String name, double generatedMean, double generatedSd, double referenceMean,
                                  double referenceSd, double ks) {
    /** Compares one statistic's values over two sets, each with at least one value. */
    public static StatisticComparison of(String name, double[] generated, double[] reference) {
        return new StatisticComparison(name, MusicMetrics.mean(generated), MusicMetrics.standardDeviation(generated),
                MusicMetrics.mean(reference), MusicMetrics.standardDeviation(reference),
                MusicMetrics.ksDistance(generated, reference));
    }
}
