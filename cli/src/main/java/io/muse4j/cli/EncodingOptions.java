package io.muse4j.cli;

import io.muse4j.core.token.EncodingSpec;
import io.muse4j.core.token.ScoreCodec;
import io.muse4j.models.kind.Setting;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;


/** The options that choose an encoding and its settings, shared by encode and decode. */
final class EncodingOptions {
    /** The encodings a user can name. */
    enum Encoding { MELODY, PERFORMANCE, PIANOROLL, REMI, ABC }

    /** The abc encoding's grid, whatever --grid says: sixteenths and triplets. */
    private static final int ABC_STEPS_PER_QUARTER = 12;

    @Option(names = {"-e", "--encoding"}, description = "Encoding: ${COMPLETION-CANDIDATES}.")
    Encoding encoding;

    @Mixin
    GridOption grid;

    @Option(names = "--min-pitch", defaultValue = "48", description = "Lowest melody pitch (default: ${DEFAULT-VALUE}).")
    int minPitch;

    @Option(names = "--max-pitch", description = "Highest melody pitch (default: 84; 96 for abc).")
    Integer maxPitch;

    /** The encoding and its settings; fails with a usage error on bad settings. */
    EncodingSpec spec() {
        if (encoding == null) {
            throw new UsageException("--encoding is required: one of " + EncodingSpec.NAMES);
        }
        Setting.checkRange("--min-pitch", minPitch, 0, 127);
        int highest = maxPitch != null ? maxPitch : encoding == Encoding.ABC ? 96 : 84;
        // a melody spans an octave at least (see MelodyTokenizer)
        boolean melodic = encoding == Encoding.MELODY || encoding == Encoding.ABC;
        Setting.checkRange("--max-pitch", highest, melodic ? minPitch + 11 : 0, 127);
        int steps = grid.grid.stepsPerQuarter;
        try {
            return switch (encoding) {
                case MELODY -> new EncodingSpec.Melody(steps, minPitch, highest);
                case PERFORMANCE -> new EncodingSpec.Performance();
                case PIANOROLL -> new EncodingSpec.PianoRoll(steps);
                case REMI -> new EncodingSpec.Remi();
                case ABC -> new EncodingSpec.Abc(ABC_STEPS_PER_QUARTER, minPitch, highest, true);
            };
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The codec the options describe. */
    ScoreCodec<?> codec() {
        return spec().codec();
    }
}
