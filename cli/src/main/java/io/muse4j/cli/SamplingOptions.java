package io.muse4j.cli;

import io.muse4j.models.sampling.GenerationRequest;
import io.muse4j.models.sampling.Sampler;
import picocli.CommandLine.Option;

/** The sampling controls shared by the commands that sample a model: temperature, top-k, top-p and the seed. */
final class SamplingOptions {
    @Option(names = "--temperature", description = "Sampling temperature, 0 is greedy (default: 1.0, or what the "
            + "command or a bundled model says: harmonize 0.7, the default folk model 0.9).")
    Double temperature;

    @Option(names = "--top-k", description = "Sample among the K likeliest; 0 is all (default: 0).")
    Integer topK;

    @Option(names = "--top-p", description = "Nucleus sampling mass (default: 1.0).")
    Double topP;

    @Option(names = "--seed", defaultValue = "1", description = "Sampling seed (default: ${DEFAULT-VALUE}).")
    long seed;

    /** The controls as given; those left out are null. */
    GenerationRequest.Sampling controls() {
        return new GenerationRequest.Sampling(temperature, topK, topP, seed);
    }

    /** The controls as given, at {@code defaultTemperature} where no --temperature was given. */
    GenerationRequest.Sampling controls(double defaultTemperature) {
        return new GenerationRequest.Sampling(temperature == null ? defaultTemperature : temperature, topK, topP,
                seed);
    }

    /** The highest --temperature: far flatter than uniform already is, for any vocabulary. */
    static final double MAX_TEMPERATURE = 100;
    /** The highest --top-k: more than any vocabulary's tokens. */
    static final int MAX_TOP_K = 100_000;

    /** A temperature option that may say "same": null for "same", else in range; anything else is a usage error. */
    static Double temperatureOrSame(String option, String value) {
        if ("same".equals(value)) {
            return null;
        }
        double temperature;
        try {
            temperature = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " " + value + ": not a number or 'same'");
        }
        GenerateCommand.checkRange(option, temperature, 0, MAX_TEMPERATURE);
        return temperature;
    }

    /** A sampler with these settings, seeded {@code offset} after --seed; bad settings are a usage error. */
    Sampler sampler(long offset) {
        GenerateCommand.checkRange("--temperature", temperature, 0, MAX_TEMPERATURE);
        GenerateCommand.checkRange("--top-k", topK, 0, MAX_TOP_K);
        GenerateCommand.checkRange("--top-p", topP, Double.MIN_VALUE, 1);
        try {
            return controls().sampler(offset);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
