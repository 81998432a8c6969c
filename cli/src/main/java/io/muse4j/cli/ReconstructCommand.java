package io.muse4j.cli;

import io.muse4j.models.vae.SavedVae;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Encodes a melody with a MusicVAE and decodes it back. */
@Command(name = "reconstruct", mixinStandardHelpOptions = true,
        description = "Reconstruct a melody through a MusicVAE: the first window's mean z, decoded.")
final class ReconstructCommand implements Callable<Integer> {
    @Mixin
    LatentCommandOptions options;

    @Parameters(index = "0", paramLabel = "IN.mid", description = "Melody to reconstruct.")
    Path in;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        double temperature = options.temperature(0);
        SavedVae saved = VaeMelodies.load(options.model);
        int[] window = VaeMelodies.window(saved, in, spec.commandLine().getErr());
        double[][] mu = saved.model().encode(new int[][] {window});
        VaeMelodies.write(saved, saved.model().decode(mu, temperature, options.seed), options.out,
                spec.commandLine().getOut());
        return 0;
    }
}
