package io.muse4j.core.stats;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes a {@link StatsReport} as one JSON object, with null where a number is not finite. */
final class StatsJson {
    private StatsJson() {
    }

    static String of(StatsReport r) {
        StringBuilder out = new StringBuilder("{");
        out.append("\"generated\":").append(set(r.generated().size(), r.generatedKeys()));
        out.append(",\"reference\":").append(set(r.reference().size(), r.referenceKeys()));
        out.append(",\"statistics\":[");
        for (int i = 0; i < r.comparisons().size(); i++) {
            StatisticComparison c = r.comparisons().get(i);
            out.append(i == 0 ? "" : ",").append("{\"name\":").append(string(c.name()))
                    .append(",\"generatedMean\":").append(number(c.generatedMean()))
                    .append(",\"generatedSd\":").append(number(c.generatedSd()))
                    .append(",\"referenceMean\":").append(number(c.referenceMean()))
                    .append(",\"referenceSd\":").append(number(c.referenceSd()))
                    .append(",\"ks\":").append(number(c.ks())).append('}');
        }
        out.append("],\"meanKs\":").append(number(meanKs(r)));
        out.append(",\"classifier\":{\"accuracy\":").append(number(r.classifierAccuracy()))
                .append(",\"folds\":").append(StatsReport.FOLDS).append('}');
        out.append(",\"copies\":{\"longest\":").append(r.copies().get(r.mostCopied()).length())
                .append(",\"mean\":").append(number(meanCopy(r))).append(",\"pieces\":[");
        List<CopyCheck.Match> copies = r.copies();
        for (int i = 0; i < copies.size(); i++) {
            CopyCheck.Match m = copies.get(i);
            out.append(i == 0 ? "" : ",").append("{\"piece\":").append(string(r.generated().get(i)))
                    .append(",\"length\":").append(m.length())
                    .append(",\"reference\":").append(m.reference() < 0 ? "null" : string(r.reference().get(m.reference())))
                    .append(",\"start\":").append(m.start())
                    .append(",\"referenceStart\":").append(m.referenceStart()).append('}');
        }
        return out.append("]}}").toString();
    }

    /** The mean over the statistics of their Kolmogorov-Smirnov distances. */
    static double meanKs(StatsReport r) {
        return r.comparisons().stream().mapToDouble(StatisticComparison::ks).average().orElse(Double.NaN);
    }

    /** The mean over the generated pieces of their longest shared run. */
    static double meanCopy(StatsReport r) {
        return r.copies().stream().mapToInt(CopyCheck.Match::length).average().orElse(Double.NaN);
    }

    private static String set(int pieces, Map<String, Double> keys) {
        StringBuilder out = new StringBuilder("{\"pieces\":").append(pieces).append(",\"keys\":{");
        boolean first = true;
        for (Map.Entry<String, Double> e : keys.entrySet()) {
            out.append(first ? "" : ",").append(string(e.getKey())).append(':').append(number(e.getValue()));
            first = false;
        }
        return out.append("},\"minorShare\":").append(number(StatsReport.minorShare(keys))).append('}').toString();
    }

    static String number(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.6g", value).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2")
                .replaceAll("\\.(e|$)", "$1") : "null";
    }

    static String string(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
