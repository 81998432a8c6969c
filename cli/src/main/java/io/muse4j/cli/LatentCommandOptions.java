package io.muse4j.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * The options the commands on a latent space share (sample, interpolate, and MusicVAE's reconstruct and attribute):
 * the model, the decoder's temperature and seed, the MIDI file to write.
 */
final class LatentCommandOptions {
    @Option(names = "--model", required = true, paramLabel = "MODEL",
            description = "Model file: a MusicVAE (vae), or for sample and interpolate a deephear model too.")
    String model;

    @Option(names = "--temperature", description = "Decoder sampling temperature, 0 for the likeliest tokens "
            + "(default: 0.5 for sample, else 0).")
    Double temperature;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the sampling (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "OUT.mid", description = "MIDI file to write.")
    Path out;

    /** The temperature given, else {@code fallback}; fails unless it is a finite number, at least 0. */
    double temperature(double fallback) {
        double t = temperature != null ? temperature : fallback;
        if (!(t >= 0) || Double.isInfinite(t)) {
            throw new UsageException("--temperature " + t + " must be a finite number, at least 0");
        }
        return t;
    }
}
