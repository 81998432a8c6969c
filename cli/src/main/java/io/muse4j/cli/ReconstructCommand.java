package io.muse4j.cli;

import io.muse4j.models.SavedVae;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Encodes a melody with a MusicVAE and decodes it back. */
@Command(name = "reconstruct", mixinStandardHelpOptions = true,
        description = "Reconstruct a melody through a MusicVAE: the first window's mean z, decoded.")
final class ReconstructCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "VAE", description = "MusicVAE model file.")
    String model;

    @Parameters(index = "0", paramLabel = "IN.mid", description = "Melody to reconstruct.")
    Path in;

    @Option(names = "--temperature", defaultValue = "0",
            description = "Decoder sampling temperature, 0 for the likeliest tokens (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the decoder's sampling (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "OUT.mid", description = "MIDI file to write.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw new UsageException("--temperature " + temperature + " must be a finite number, at least 0");
        }
        SavedVae saved = VaeMelodies.load(model);
        int[] window = VaeMelodies.window(saved, in, spec.commandLine().getErr());
        double[][] mu = saved.model().encode(new int[][] {window});
        VaeMelodies.write(saved, saved.model().decode(mu, temperature, seed), out, false, spec.commandLine().getOut());
        return 0;
    }
}
