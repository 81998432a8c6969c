package io.muse4j.cli;

import io.muse4j.models.SavedVae;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.Callable;

/** Samples new melodies from a MusicVAE's prior. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Sample melodies from a MusicVAE: z drawn from N(0, I), decoded at --temperature.")
final class SampleCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "VAE", description = "MusicVAE model file.")
    String model;

    @Option(names = "--count", defaultValue = "1", description = "Melodies: OUT-1.mid ... OUT-N.mid when above 1.")
    int count;

    @Option(names = "--temperature", defaultValue = "0.5",
            description = "Decoder sampling temperature, 0 for the likeliest tokens (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of z and of the decoder (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "OUT.mid", description = "MIDI file to write.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (count < 1) {
            throw new UsageException("--count " + count + " must be at least 1");
        }
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw new UsageException("--temperature " + temperature + " must be a finite number, at least 0");
        }
        SavedVae saved = VaeMelodies.load(model);
        Random random = new Random(seed);
        double[][] z = new double[count][saved.model().config().latent()];
        for (double[] row : z) {
            for (int d = 0; d < row.length; d++) {
                row[d] = random.nextGaussian();
            }
        }
        int[][] melodies = saved.model().decode(z, temperature, seed);
        VaeMelodies.write(saved, melodies, out, true, spec.commandLine().getOut());
        return 0;
    }
}
