package io.muse4j.cli;

import io.muse4j.audio.spectrogram.CqtEncoder;
import io.muse4j.audio.spectrogram.CqtSettings;
import io.muse4j.audio.spectrogram.MelEncoder;
import io.muse4j.audio.spectrogram.MelSettings;
import io.muse4j.audio.spectrogram.SpectrogramEncoder;
import io.muse4j.audio.spectrogram.StftEncoder;
import io.muse4j.audio.spectrogram.StftSettings;
import picocli.CommandLine.Option;

/** The options that choose a spectrogram and its settings. */
final class SpectrogramOptions {
    /** The kinds a user can name. */
    enum Type { STFT, MEL, CQT }

    @Option(names = "--type", defaultValue = "mel", paramLabel = "stft|mel|cqt",
            description = "STFT magnitude, log-mel power (dB) or constant-Q magnitude (default: ${DEFAULT-VALUE}).")
    Type type;

    @Option(names = "--rate", defaultValue = "22050", paramLabel = "HZ",
            description = "Resample to this rate first (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--window", paramLabel = "SAMPLES",
            description = "STFT window, a power of two (stft and mel; default: 2048).")
    Integer window;

    @Option(names = "--hop", defaultValue = "512", paramLabel = "SAMPLES",
            description = "Samples between frames (default: ${DEFAULT-VALUE}).")
    int hop;

    @Option(names = "--bins", paramLabel = "N",
            description = "Mel bands (mel; default: 128) or bins per octave (cqt; default: 12).")
    Integer bins;

    @Option(names = "--min-hz", paramLabel = "HZ",
            description = "Lowest frequency (mel: 0; cqt: 32.70, C1).")
    Double minHz;

    @Option(names = "--max-hz", paramLabel = "HZ",
            description = "Highest frequency (mel: half the rate; cqt: 4186, C8, or half the rate if lower).")
    Double maxHz;

    /** The encoder the options describe; fails with a usage error naming a bad or misplaced value. */
    SpectrogramEncoder encoder() {
        if (type == Type.STFT && (bins != null || minHz != null || maxHz != null)) {
            throw new UsageException("--bins, --min-hz and --max-hz are for mel and cqt; an STFT has window / 2 + 1 bins");
        }
        if (type == Type.CQT && window != null) {
            throw new UsageException("--window is for stft and mel; a constant-Q window follows from --bins and "
                    + "--min-hz");
        }
        try {
            return switch (type) {
                case STFT -> new StftEncoder(stft());
                case MEL -> new MelEncoder(new MelSettings(stft(), orElse(bins, 128), orElse(minHz, 0.0),
                        orElse(maxHz, rate / 2.0)));
                case CQT -> new CqtEncoder(new CqtSettings(rate, hop, orElse(bins, 12),
                        orElse(minHz, CqtSettings.DEFAULT.minHz()),
                        orElse(maxHz, Math.min(CqtSettings.DEFAULT.maxHz(), rate / 2.0))));
            };
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private StftSettings stft() {
        return new StftSettings(rate, orElse(window, 2_048), hop);
    }

    private static <T> T orElse(T value, T otherwise) {
        return value == null ? otherwise : value;
    }
}
