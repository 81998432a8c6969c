package io.muse4j.cli;

import io.muse4j.models.kind.SavedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Lists the models muse4j ships, the default first. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List the bundled models: their names for --model, kinds, validation losses and what they are.")
final class ModelsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        for (Models.Bundled bundled : Models.BUNDLED) {
            SavedModel saved = Models.load(bundled.name());
            String nll = saved.training().getOrDefault("validationNllPerToken", "?");
            out.printf(Locale.ROOT, "%-22s %-16s validation NLL %s nats per token%s%n  %s%n", bundled.name(),
                    saved.model().kind(), shortened(nll), bundled == Models.BUNDLED.get(0) ? " (default)" : "",
                    bundled.description() + bundled.sampling());
        }
        return 0;
    }

    private static String shortened(String number) {
        try {
            return String.format(Locale.ROOT, "%.3f", Double.parseDouble(number));
        } catch (NumberFormatException e) {
            return number;
        }
    }
}
