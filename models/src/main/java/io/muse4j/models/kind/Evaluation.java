package io.muse4j.models.kind;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an evaluation found, in words and as named values.
 *
 * @param pieces the pieces of the split evaluated
 * @param counted what was scored, in words ("1234 scored", "56 windows of 2 bars")
 * @param text the findings in words ("NLL 1.1234 nats per token, next-token accuracy 0.6000")
 * @param values the findings by JSON field name, in order: numbers and strings
 */
public record Evaluation(int pieces, String counted, String text, Map<String, Object> values) {
    public Evaluation {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
