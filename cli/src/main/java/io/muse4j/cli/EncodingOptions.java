package io.muse4j.cli;

import io.muse4j.core.token.Encodings;
import io.muse4j.core.token.PianoRollCodec;
import io.muse4j.core.token.ScoreCodec;
import picocli.CommandLine.Option;

import java.util.Locale;
import java.util.Map;

/** The options that choose an encoding and its settings, shared by encode and decode. */
final class EncodingOptions {
    /** The encodings a user can name. */
    enum Encoding { MELODY, PERFORMANCE, PIANOROLL, REMI }

    /** Grids for the melody and piano-roll encodings. */
    enum Grid {
        QUARTER(1), EIGHTH(2), SIXTEENTH(4);

        final int stepsPerQuarter;

        Grid(int stepsPerQuarter) {
            this.stepsPerQuarter = stepsPerQuarter;
        }
    }

    @Option(names = {"-e", "--encoding"}, description = "Encoding: ${COMPLETION-CANDIDATES}.")
    Encoding encoding;

    @Option(names = "--grid", defaultValue = "SIXTEENTH",
            description = "Grid of the melody and pianoroll encodings: ${COMPLETION-CANDIDATES} (default: "
                    + "${DEFAULT-VALUE}).")
    Grid grid;

    @Option(names = "--min-pitch", defaultValue = "48", description = "Lowest melody pitch (default: ${DEFAULT-VALUE}).")
    int minPitch;

    @Option(names = "--max-pitch", defaultValue = "84", description = "Highest melody pitch (default: ${DEFAULT-VALUE}).")
    int maxPitch;

    /** The encoding and its settings as a spec (see {@link Encodings}); fails with a usage error on bad settings. */
    Map<String, String> spec() {
        if (encoding == null) {
            throw new UsageException("--encoding is required: one of melody, performance, pianoroll, remi");
        }
        try {
            return Encodings.spec(encoding.name().toLowerCase(Locale.ROOT), Map.of(
                    "stepsPerQuarter", Integer.toString(grid.stepsPerQuarter),
                    "minPitch", Integer.toString(minPitch), "maxPitch", Integer.toString(maxPitch)));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The piano-roll codec on the options' grid, whatever the encoding (for reading piano-roll JSON corpora). */
    PianoRollCodec rolls() {
        return (PianoRollCodec) Encodings.create(Encodings.spec("pianoroll",
                Map.of("stepsPerQuarter", Integer.toString(grid.stepsPerQuarter))));
    }

    /** The codec the options describe. */
    ScoreCodec<?> codec() {
        return Encodings.create(spec());
    }
}
