package io.muse4j.cli;

import io.muse4j.core.score.TempoChange;
import io.muse4j.core.token.GridConfig;
import io.muse4j.core.token.MelodyTokenizer;
import io.muse4j.core.token.PerformanceTokenizer;
import io.muse4j.core.token.PianoRollCodec;
import io.muse4j.core.token.RemiTokenizer;
import io.muse4j.core.token.ScoreCodec;
import picocli.CommandLine.Option;

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

    @Option(names = {"-e", "--encoding"}, required = true,
            description = "Encoding: ${COMPLETION-CANDIDATES}.")
    Encoding encoding;

    @Option(names = "--grid", defaultValue = "SIXTEENTH",
            description = "Grid of the melody and pianoroll encodings: ${COMPLETION-CANDIDATES} (default: "
                    + "${DEFAULT-VALUE}).")
    Grid grid;

    @Option(names = "--min-pitch", defaultValue = "48", description = "Lowest melody pitch (default: ${DEFAULT-VALUE}).")
    int minPitch;

    @Option(names = "--max-pitch", defaultValue = "84", description = "Highest melody pitch (default: ${DEFAULT-VALUE}).")
    int maxPitch;

    /** The codec the options describe; fails with a usage error naming a bad setting. */
    ScoreCodec<?> codec() {
        GridConfig frame = new GridConfig(grid.stepsPerQuarter, 480, TempoChange.DEFAULT_MICROS_PER_QUARTER, 100);
        try {
            return switch (encoding) {
                case MELODY -> new MelodyTokenizer(minPitch, maxPitch, frame);
                case PERFORMANCE -> new PerformanceTokenizer();
                case PIANOROLL -> new PianoRollCodec(frame);
                case REMI -> new RemiTokenizer();
            };
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
