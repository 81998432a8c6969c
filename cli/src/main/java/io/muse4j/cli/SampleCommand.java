package io.muse4j.cli;

import io.muse4j.models.kind.LatentModel;
import io.muse4j.models.kind.Setting;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.Random;
import java.util.concurrent.Callable;

/** Samples new windows of music from a latent model's prior. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Sample from a model's latent space: codes drawn from its prior (a MusicVAE's N(0, I), "
                + "DeepHear's fitted code distribution), decoded at --temperature.")
final class SampleCommand implements Callable<Integer> {
    @Mixin
    LatentCommandOptions options;

    @Option(names = "--count", defaultValue = "1", description = "Pieces: OUT-1.mid ... OUT-N.mid when above 1.")
    int count;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Setting.checkRange("--count", count, 1, GenerateCommand.MAX_COUNT);
        double temperature = options.temperature(0.5);
        LatentModel latent = LatentPieces.load(options.model);
        double[][] codes = latent.prior(count, new Random(options.seed));
        LatentPieces.write(latent, latent.decode(codes, temperature, options.seed), options.out, true,
                spec.commandLine().getOut());
        return 0;
    }
}
