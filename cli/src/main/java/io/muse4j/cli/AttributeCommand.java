package io.muse4j.cli;

import io.muse4j.models.vae.LatentSpace;
import io.muse4j.models.vae.MelodyAttribute;
import io.muse4j.models.vae.SavedVae;
import io.muse4j.models.kind.Setting;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Moves a melody along a musical attribute with a MusicVAE's attribute vector. */
@Command(name = "attribute", mixinStandardHelpOptions = true,
        description = {"Turn a melody up or down along an attribute: its first window's mean z plus --amount times "
                + "the attribute vector (the mean z of the training corpus's top quartile on the attribute minus "
                + "that of its bottom quartile, stored in the model file), decoded."})
final class AttributeCommand implements Callable<Integer> {
    /** Far past any useful shift: the attribute vectors are differences of means of z, so |A| > 100 leaves N(0, I). */
    private static final double MAX_AMOUNT = 100;

    @Mixin
    LatentCommandOptions options;

    @Parameters(index = "0", paramLabel = "IN.mid", description = "Melody to change.")
    Path in;

    @Option(names = "--attribute", required = true, paramLabel = "NAME",
            description = "note-density, pitch-mean, pitch-range or rhythmic-complexity.")
    String attribute;

    @Option(names = "--amount", required = true, paramLabel = "A", description = "Multiple of the vector to add "
            + "(negative turns the attribute down).")
    double amount;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        MelodyAttribute chosen;
        try {
            chosen = MelodyAttribute.of(attribute);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--attribute: " + e.getMessage());
        }
        Setting.checkRange("--amount", amount, -MAX_AMOUNT, MAX_AMOUNT);
        double temperature = options.temperature(0);
        SavedVae saved = VaeMelodies.load(options.model);
        double[] vector = saved.attributes().get(chosen);
        if (vector == null) {
            throw new IllegalArgumentException(options.model + ": holds no " + chosen.label() + " attribute vector");
        }
        int[] window = VaeMelodies.window(saved, in, spec.commandLine().getErr());
        double[] mu = saved.model().encode(new int[][] {window})[0];
        double[][] z = {LatentSpace.shifted(mu, vector, amount)};
        VaeMelodies.write(saved, saved.model().decode(z, temperature, options.seed), options.out,
                spec.commandLine().getOut());
        return 0;
    }
}
