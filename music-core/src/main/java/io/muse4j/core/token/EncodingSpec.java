package io.muse4j.core.token;

import io.muse4j.core.score.TempoChange;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which encoding, with which settings: what a model file records so that it can rebuild the tokenizer it was
 * trained with. In a file it is a map of strings ({@link #fields()}): {@code encoding} (melody, performance,
 * pianoroll, remi, abc), {@code stepsPerQuarter} (melody, pianoroll and abc), {@code minPitch} and {@code maxPitch}
 * (melody and abc).
 */
public sealed interface EncodingSpec permits EncodingSpec.Melody, EncodingSpec.Performance, EncodingSpec.PianoRoll,
        EncodingSpec.Remi, EncodingSpec.Abc {
    /** The encodings by name, as users and files name them. */
    String NAMES = "melody, performance, pianoroll, remi, abc";

    /** The encoding's name. */
    String name();

    /** The codec this spec describes. */
    ScoreCodec<?> codec();

    /** The steps per quarter note of the encoding's grid (4, sixteenths, for encodings timed in seconds). */
    default int stepsPerQuarter() {
        return 4;
    }

    /** The spec as a model file keeps it. */
    default Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("encoding", name());
        return fields;
    }

    /** The codec as a token stream; fails for piano roll, whose frames are not one token stream. */
    default Tokenizer tokenizer() {
        if (codec() instanceof Tokenizer tokenizer) {
            return tokenizer;
        }
        throw new IllegalArgumentException("encoding '" + name() + "' has no token stream");
    }

    /** The piano-roll codec on this encoding's grid, which piano-roll JSON corpora are read on. */
    default PianoRollCodec rolls() {
        return new PianoRollCodec(grid(stepsPerQuarter()));
    }

    /** The spec a model file's fields describe; fails naming the field that is wrong. */
    static EncodingSpec of(Map<String, String> fields) {
        String name = fields.getOrDefault("encoding", "");
        return switch (name) {
            case "melody" -> new Melody(integer(fields, "stepsPerQuarter", 4), integer(fields, "minPitch", 48),
                    integer(fields, "maxPitch", 84));
            case "performance" -> new Performance();
            case "pianoroll" -> new PianoRoll(integer(fields, "stepsPerQuarter", 4));
            case "remi" -> new Remi();
            case "abc" -> new Abc(integer(fields, "stepsPerQuarter", 12), integer(fields, "minPitch", 48),
                    integer(fields, "maxPitch", 96), Boolean.parseBoolean(fields.getOrDefault("barNumbers", "false")));
            default -> throw new IllegalArgumentException("encoding '" + name + "' is not one of " + NAMES);
        };
    }

    /** The grid of the melody and piano-roll encodings. */
    private static GridConfig grid(int stepsPerQuarter) {
        return new GridConfig(stepsPerQuarter, 480, TempoChange.DEFAULT_MICROS_PER_QUARTER, 100);
    }

    /** The fields with a grid and a pitch range added, as the melody and abc encodings keep them. */
    private static Map<String, String> withRange(Map<String, String> fields, int stepsPerQuarter, int minPitch,
                                                 int maxPitch) {
        fields.put("stepsPerQuarter", Integer.toString(stepsPerQuarter));
        fields.put("minPitch", Integer.toString(minPitch));
        fields.put("maxPitch", Integer.toString(maxPitch));
        return fields;
    }

    private static int integer(Map<String, String> fields, String key, int fallback) {
        String value = fields.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " '" + value + "' is not a whole number", e);
        }
    }

    /**
     * The monophonic melody encoding ({@link MelodyTokenizer}).
     *
     * @param stepsPerQuarter grid steps per quarter note
     * @param minPitch the lowest pitch
     * @param maxPitch the highest pitch
     */
    record Melody(int stepsPerQuarter, int minPitch, int maxPitch) implements EncodingSpec {
        public Melody {
            new MelodyTokenizer(minPitch, maxPitch, grid(stepsPerQuarter)); // validates
        }

        @Override
        public String name() {
            return "melody";
        }

        @Override
        public MelodyTokenizer codec() {
            return new MelodyTokenizer(minPitch, maxPitch, grid(stepsPerQuarter));
        }

        @Override
        public Map<String, String> fields() {
            return withRange(EncodingSpec.super.fields(), stepsPerQuarter, minPitch, maxPitch);
        }
    }

    /** Performance RNN's events ({@link PerformanceTokenizer}). */
    record Performance() implements EncodingSpec {
        @Override
        public String name() {
            return "performance";
        }

        @Override
        public PerformanceTokenizer codec() {
            return new PerformanceTokenizer();
        }
    }

    /**
     * Piano-roll frames ({@link PianoRollCodec}).
     *
     * @param stepsPerQuarter grid steps per quarter note
     */
    record PianoRoll(int stepsPerQuarter) implements EncodingSpec {
        public PianoRoll {
            grid(stepsPerQuarter); // validates
        }

        @Override
        public String name() {
            return "pianoroll";
        }

        @Override
        public PianoRollCodec codec() {
            return rolls();
        }

        @Override
        public Map<String, String> fields() {
            Map<String, String> fields = EncodingSpec.super.fields();
            fields.put("stepsPerQuarter", Integer.toString(stepsPerQuarter));
            return fields;
        }
    }

    /** REMI: bars, positions, pitches, durations, tempos ({@link RemiTokenizer}). */
    record Remi() implements EncodingSpec {
        @Override
        public String name() {
            return "remi";
        }

        @Override
        public RemiTokenizer codec() {
            return new RemiTokenizer();
        }
    }

    /**
     * Tunes bar by bar with repeats and an end, as folk-rnn writes them ({@link AbcTokenizer}).
     *
     * @param stepsPerQuarter grid steps per quarter note (12: sixteenths and triplets)
     * @param minPitch the lowest pitch
     * @param maxPitch the highest pitch
     * @param barNumbers whether each bar says its place in its phrase (model files from before 2026-12-07 have none)
     */
    record Abc(int stepsPerQuarter, int minPitch, int maxPitch, boolean barNumbers) implements EncodingSpec {
        public Abc {
            new AbcTokenizer(stepsPerQuarter, minPitch, maxPitch, barNumbers); // validates
        }

        @Override
        public String name() {
            return "abc";
        }

        @Override
        public AbcTokenizer codec() {
            return new AbcTokenizer(stepsPerQuarter, minPitch, maxPitch, barNumbers);
        }

        @Override
        public Map<String, String> fields() {
            Map<String, String> fields = withRange(EncodingSpec.super.fields(), stepsPerQuarter, minPitch, maxPitch);
            fields.put("barNumbers", Boolean.toString(barNumbers));
            return fields;
        }
    }
}
