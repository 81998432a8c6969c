package io.muse4j.cli;

import io.muse4j.models.vae.SavedVae;
import io.muse4j.models.kind.Setting;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.Random;
import java.util.concurrent.Callable;

/** Samples new melodies from a MusicVAE's prior. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Sample melodies from a MusicVAE: z drawn from N(0, I), decoded at --temperature.")
final class SampleCommand implements Callable<Integer> {
    @Mixin
    VaeCommandOptions options;

    @Option(names = "--count", defaultValue = "1", description = "Melodies: OUT-1.mid ... OUT-N.mid when above 1.")
    int count;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Setting.checkRange("--count", count, 1, GenerateCommand.MAX_COUNT);
        double temperature = options.temperature(0.5);
        SavedVae saved = VaeMelodies.load(options.model);
        Random random = new Random(options.seed);
        double[][] z = new double[count][saved.model().config().latent()];
        for (double[] row : z) {
            for (int d = 0; d < row.length; d++) {
                row[d] = random.nextGaussian();
            }
        }
        int[][] melodies = saved.model().decode(z, temperature, options.seed);
        VaeMelodies.write(saved, melodies, options.out, true, spec.commandLine().getOut());
        return 0;
    }
}
