package io.muse4j.core.stats;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes a {@link StatsReport} as a table for people. */
final class StatsText {
    private StatsText() {
    }

    static String of(StatsReport r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "generated: %d pieces; reference: %d pieces%n", r.generated().size(),
                r.reference().size()));
        out.append(String.format(Locale.ROOT, "%-28s %22s %22s %7s%n", "statistic", "generated mean (sd)",
                "reference mean (sd)", "KS"));
        for (StatisticComparison c : r.comparisons()) {
            out.append(String.format(Locale.ROOT, "%-28s %12.3f (%7.3f) %12.3f (%7.3f) %7.3f%n", c.name(),
                    c.generatedMean(), c.generatedSd(), c.referenceMean(), c.referenceSd(), c.ks()));
        }
        out.append(String.format(Locale.ROOT, "%-28s %53.3f%n", "mean KS distance", StatsJson.meanKs(r)));
        out.append(Double.isNaN(r.classifierAccuracy())
                ? "classifier two-sample test: not run (it needs at least 2 pieces a set)\n"
                : String.format(Locale.ROOT, "classifier two-sample test: accuracy %.3f over %d folds "
                        + "(0.5: indistinguishable, 1: always told apart)%n", r.classifierAccuracy(), StatsReport.FOLDS)
                        + String.format(Locale.ROOT, "classifier over %d fold assignments: mean %.3f, sd %.3f%n",
                        r.classifierRepeats().length, r.classifierMean(), r.classifierSd()));
        CopyCheck.Match most = r.copies().get(r.mostCopied());
        out.append(most.length() == 0 ? "copy check: no generated note is in the reference set\n"
                : String.format(Locale.ROOT, "copy check: longest shared run %d notes, %s (from note %d) with %s "
                        + "(from note %d); mean over pieces %.1f%n", most.length(), r.generated().get(r.mostCopied()),
                        most.start(), r.reference().get(most.reference()), most.referenceStart(), StatsJson.meanCopy(r)));
        out.append("keys, generated: ").append(keys(r.generatedKeys())).append('\n');
        out.append("keys, reference: ").append(keys(r.referenceKeys())).append('\n');
        return out.toString();
    }

    private static String keys(Map<String, Double> keys) {
        return keys.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.0f%%", e.getKey(), 100 * e.getValue()))
                .collect(Collectors.joining(", "))
                + String.format(Locale.ROOT, " (minor %.0f%%)", 100 * StatsReport.minorShare(keys));
    }
}
