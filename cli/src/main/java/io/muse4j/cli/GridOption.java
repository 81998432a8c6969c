package io.muse4j.cli;

import io.muse4j.core.token.EncodingSpec;
import io.muse4j.core.token.PianoRollCodec;
import picocli.CommandLine.Option;


/** The grid of the melody and piano-roll encodings, which piano-roll JSON corpora are read on too. */
final class GridOption {
    /** Grids for the melody and piano-roll encodings. */
    enum Grid {
        QUARTER(1), EIGHTH(2), SIXTEENTH(4);

        final int stepsPerQuarter;

        Grid(int stepsPerQuarter) {
            this.stepsPerQuarter = stepsPerQuarter;
        }
    }

    @Option(names = "--grid", defaultValue = "SIXTEENTH",
            description = "Grid of the melody and pianoroll encodings: ${COMPLETION-CANDIDATES} (default: "
                    + "${DEFAULT-VALUE}).")
    Grid grid;

    /** The piano-roll codec on this grid (for reading piano-roll JSON corpora). */
    PianoRollCodec rolls() {
        return new EncodingSpec.PianoRoll(grid.stepsPerQuarter).codec();
    }
}
