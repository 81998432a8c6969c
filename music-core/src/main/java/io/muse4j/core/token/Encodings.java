package io.muse4j.core.token;

import io.muse4j.core.score.TempoChange;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Names an encoding and its settings as plain strings, so that a model file can record the tokenizer it was
 * trained with and rebuild it: {@code encoding} (melody, performance, pianoroll, remi), {@code stepsPerQuarter}
 * (melody and pianoroll), {@code minPitch} and {@code maxPitch} (melody).
 */
public final class Encodings {
    private Encodings() {
    }

    /** The spec of an encoding with its default settings, overridden by {@code settings}. */
    public static Map<String, String> spec(String encoding, Map<String, String> settings) {
        Map<String, String> spec = new LinkedHashMap<>();
        spec.put("encoding", encoding);
        spec.putAll(settings);
        create(spec); // validates
        return spec;
    }

    /** The codec a spec names; fails naming the setting that is wrong. */
    public static ScoreCodec<?> create(Map<String, String> spec) {
        String encoding = spec.getOrDefault("encoding", "");
        int steps = integer(spec, "stepsPerQuarter", 4);
        GridConfig grid = new GridConfig(steps, 480, TempoChange.DEFAULT_MICROS_PER_QUARTER, 100);
        return switch (encoding) {
            case "melody" -> new MelodyTokenizer(integer(spec, "minPitch", 48), integer(spec, "maxPitch", 84), grid);
            case "performance" -> new PerformanceTokenizer();
            case "pianoroll" -> new PianoRollCodec(grid);
            case "remi" -> new RemiTokenizer();
            default -> throw new IllegalArgumentException("encoding '" + encoding
                    + "' is not one of melody, performance, pianoroll, remi");
        };
    }

    /** The token codec a spec names; fails for piano roll, whose frames are not one token stream. */
    public static Tokenizer tokenizer(Map<String, String> spec) {
        ScoreCodec<?> codec = create(spec);
        if (codec instanceof Tokenizer tokenizer) {
            return tokenizer;
        }
        throw new IllegalArgumentException("encoding '" + spec.get("encoding") + "' has no token stream");
    }

    private static int integer(Map<String, String> spec, String key, int fallback) {
        String value = spec.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " '" + value + "' is not a whole number", e);
        }
    }
}
