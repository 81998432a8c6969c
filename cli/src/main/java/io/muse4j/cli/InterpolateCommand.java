package io.muse4j.cli;

import io.muse4j.models.vae.LatentSpace;
import io.muse4j.models.kind.LatentModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Morphs one piece into another through a model's latent space. */
@Command(name = "interpolate", mixinStandardHelpOptions = true,
        description = {"Interpolate between two pieces in a model's latent space (MusicVAE: melodies, DeepHear: "
                + "four-part chorales): the codes of their first windows, --steps points from A to B (both "
                + "included), each decoded.",
                "The windows go one after another into OUT (each in its own file with --split)."})
final class InterpolateCommand implements Callable<Integer> {
    @Mixin
    LatentCommandOptions options;

    @Parameters(index = "0", paramLabel = "A.mid", description = "Piece to start from.")
    Path from;

    @Parameters(index = "1", paramLabel = "B.mid", description = "Piece to end at.")
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
        LatentModel latent = LatentPieces.load(options.model);
        double[] a = LatentPieces.code(latent, from, spec.commandLine().getErr());
        double[] b = LatentPieces.code(latent, to, spec.commandLine().getErr());
        double[][] path = LatentSpace.interpolate(a, b, steps, slerp);
        LatentPieces.write(latent, latent.decode(path, temperature, options.seed), options.out, split,
                spec.commandLine().getOut());
        return 0;
    }
}
