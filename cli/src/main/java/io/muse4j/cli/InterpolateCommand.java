package io.muse4j.cli;

import io.muse4j.models.vae.LatentSpace;
import io.muse4j.models.vae.SavedVae;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Morphs one melody into another through a MusicVAE's latent space. */
@Command(name = "interpolate", mixinStandardHelpOptions = true,
        description = {"Interpolate between two melodies in a MusicVAE's latent space: the means of their first "
                + "windows, --steps points from A to B (both included), each decoded.",
                "The melodies go one after another into OUT (each in its own file with --split)."})
final class InterpolateCommand implements Callable<Integer> {
    @Mixin
    VaeCommandOptions options;

    @Parameters(index = "0", paramLabel = "A.mid", description = "Melody to start from.")
    Path from;

    @Parameters(index = "1", paramLabel = "B.mid", description = "Melody to end at.")
    Path to;

    @Option(names = "--steps", defaultValue = "7",
            description = "Points on the path, ends included (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--slerp", description = "Spherical interpolation instead of a straight line.")
    boolean slerp;

    @Option(names = "--split", description = "Write OUT-1.mid ... OUT-N.mid instead of one file.")
    boolean split;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (steps < 2 || steps > 1000) {
            throw new UsageException("--steps " + steps + " must be between 2 and 1000");
        }
        double temperature = options.temperature(0);
        SavedVae saved = VaeMelodies.load(options.model);
        int[] a = VaeMelodies.window(saved, from, spec.commandLine().getErr());
        int[] b = VaeMelodies.window(saved, to, spec.commandLine().getErr());
        double[][] mu = saved.model().encode(new int[][] {a, b});
        double[][] path = LatentSpace.interpolate(mu[0], mu[1], steps, slerp);
        VaeMelodies.write(saved, saved.model().decode(path, temperature, options.seed), options.out, split,
                spec.commandLine().getOut());
        return 0;
    }
}
