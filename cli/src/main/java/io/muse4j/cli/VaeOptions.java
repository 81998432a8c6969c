package io.muse4j.cli;

import io.muse4j.models.vae.VaeConfig;
import io.muse4j.models.vae.VaeObjective;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.util.List;

/** The options of {@code train --model vae}: a MusicVAE's decoder, window, latent size and objective. */
final class VaeOptions {
    /** The options that only a VAE takes. */
    static final List<String> NAMES = List.of("--decoder", "--bars", "--latent", "--beta", "--beta-warmup",
            "--free-bits", "--scheduled-sampling", "--sampling-warmup");

    @Option(names = "--decoder", defaultValue = "HIERARCHICAL",
            description = "VAE decoder: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    VaeConfig.Decoder decoder;

    @Option(names = "--bars", defaultValue = "2", description = "VAE window in 4/4 bars, 2 or 16 (default: ${DEFAULT-VALUE}).")
    int bars;

    @Option(names = "--latent", defaultValue = "256", description = "VAE latent size (default: ${DEFAULT-VALUE}).")
    int latent;

    @Option(names = "--beta", defaultValue = "0.2", description = "VAE KL weight once annealed (default: ${DEFAULT-VALUE}).")
    double beta;

    @Option(names = "--beta-warmup", defaultValue = "0",
            description = "Steps over which beta rises from 0 (default: ${DEFAULT-VALUE}).")
    long betaWarmup;

    @Option(names = "--free-bits", defaultValue = "0",
            description = "KL floor per latent dimension, in nats (default: ${DEFAULT-VALUE}).")
    double freeBits;

    @Option(names = "--scheduled-sampling", defaultValue = "0", paramLabel = "RATE",
            description = "Share of decoder inputs drawn from the model instead of the data (default: ${DEFAULT-VALUE}).")
    double samplingRate;

    @Option(names = "--sampling-warmup", defaultValue = "0",
            description = "Steps over which the scheduled-sampling rate rises from 0 (default: ${DEFAULT-VALUE}).")
    long samplingWarmup;

    /** Fails when a VAE option was given to another kind of model. */
    static void checkUnused(CommandSpec spec) {
        for (String name : NAMES) {
            if (spec.commandLine().getParseResult().hasMatchedOption(name)) {
                throw new UsageException(name + " is for --model vae");
            }
        }
    }

    /** The VAE's shape over the melody encoding's grid; the vocabulary size is a placeholder the encoding replaces. */
    VaeConfig config(int embedding, int hidden, int layers, int stepsPerQuarter) {
        if (bars != 2 && bars != 16) {
            throw new UsageException("--bars " + bars + " must be 2 or 16");
        }
        return new VaeConfig(2, embedding, hidden, layers, latent, bars, 4 * stepsPerQuarter, decoder);
    }

    /** The training objective. */
    VaeObjective objective() {
        return new VaeObjective(beta, betaWarmup, freeBits, samplingRate, samplingWarmup);
    }
}
