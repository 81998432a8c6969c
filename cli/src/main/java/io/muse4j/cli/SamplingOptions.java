package io.muse4j.cli;

import io.muse4j.models.sampling.Sampler;
import picocli.CommandLine.Option;

/** The sampling controls shared by the commands that sample a model: temperature, top-k, top-p and the seed. */
final class SamplingOptions {
    @Option(names = "--temperature", defaultValue = "1.0", description = "Sampling temperature, 0 is greedy (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--top-k", defaultValue = "0", description = "Sample among the K likeliest; 0 is all (default: ${DEFAULT-VALUE}).")
    int topK;

    @Option(names = "--top-p", defaultValue = "1.0", description = "Nucleus sampling mass (default: ${DEFAULT-VALUE}).")
    double topP;

    @Option(names = "--seed", defaultValue = "1", description = "Sampling seed (default: ${DEFAULT-VALUE}).")
    long seed;

    /** A sampler with these settings, seeded {@code offset} after --seed; bad settings are a usage error. */
    Sampler sampler(long offset) {
        try {
            return new Sampler(temperature, topK, topP, seed + offset);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
