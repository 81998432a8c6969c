package io.muse4j.core.stats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Writes a {@link StatsReport} as one JSON object (with Jackson), with null where a number is not finite. */
final class StatsJson {
    private static final JsonFactory JSON = new JsonFactory();

    private StatsJson() {
    }

    static String of(StatsReport r) {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(text)) {
            g.writeStartObject();
            g.writeFieldName("generated");
            set(g, r.generated().size(), r.generatedKeys());
            g.writeFieldName("reference");
            set(g, r.reference().size(), r.referenceKeys());
            g.writeArrayFieldStart("statistics");
            for (StatisticComparison c : r.comparisons()) {
                g.writeStartObject();
                g.writeStringField("name", c.name());
                number(g, "generatedMean", c.generatedMean());
                number(g, "generatedSd", c.generatedSd());
                number(g, "referenceMean", c.referenceMean());
                number(g, "referenceSd", c.referenceSd());
                number(g, "ks", c.ks());
                g.writeEndObject();
            }
            g.writeEndArray();
            number(g, "meanKs", meanKs(r));
            g.writeObjectFieldStart("classifier");
            number(g, "accuracy", r.classifierAccuracy());
            g.writeNumberField("folds", StatsReport.FOLDS);
            if (r.classifierRepeats().length > 0) {
                g.writeObjectFieldStart("repeats");
                g.writeNumberField("count", r.classifierRepeats().length);
                number(g, "mean", r.classifierMean());
                number(g, "sd", r.classifierSd());
                g.writeEndObject();
            }
            g.writeEndObject();
            copies(g, r);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void copies(JsonGenerator g, StatsReport r) throws IOException {
        g.writeObjectFieldStart("copies");
        g.writeNumberField("longest", r.copies().get(r.mostCopied()).length());
        number(g, "mean", meanCopy(r));
        g.writeArrayFieldStart("pieces");
        List<CopyCheck.Match> copies = r.copies();
        for (int i = 0; i < copies.size(); i++) {
            CopyCheck.Match m = copies.get(i);
            g.writeStartObject();
            g.writeStringField("piece", r.generated().get(i));
            g.writeNumberField("length", m.length());
            g.writeFieldName("reference");
            if (m.reference() < 0) {
                g.writeNull();
            } else {
                g.writeString(r.reference().get(m.reference()));
            }
            g.writeNumberField("start", m.start());
            g.writeNumberField("referenceStart", m.referenceStart());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** The mean over the statistics of their Kolmogorov-Smirnov distances. */
    static double meanKs(StatsReport r) {
        return r.comparisons().stream().mapToDouble(StatisticComparison::ks).average().orElse(Double.NaN);
    }

    /** The mean over the generated pieces of their longest shared run. */
    static double meanCopy(StatsReport r) {
        return r.copies().stream().mapToInt(CopyCheck.Match::length).average().orElse(Double.NaN);
    }

    private static void set(JsonGenerator g, int pieces, Map<String, Double> keys) throws IOException {
        g.writeStartObject();
        g.writeNumberField("pieces", pieces);
        g.writeObjectFieldStart("keys");
        for (Map.Entry<String, Double> e : keys.entrySet()) {
            number(g, e.getKey(), e.getValue());
        }
        g.writeEndObject();
        number(g, "minorShare", StatsReport.minorShare(keys));
        g.writeEndObject();
    }

    /** A number field; null when the number is not finite, which JSON cannot hold. */
    private static void number(JsonGenerator g, String field, double value) throws IOException {
        if (Double.isFinite(value)) {
            g.writeNumberField(field, value);
        } else {
            g.writeNullField(field);
        }
    }
}
