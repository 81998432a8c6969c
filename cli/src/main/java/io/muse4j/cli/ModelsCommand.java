package io.muse4j.cli;

import io.muse4j.models.kind.SavedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.Callable;

/** Lists the models muse4j ships, the default first. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List the bundled models: their names for --model, kinds, validation losses and what they are.")
final class ModelsCommand implements Callable<Integer> {
    private static final Pattern VALIDATION_LOSS = Pattern.compile("validation(Nll|PseudoNll)Per([A-Z][A-Za-z]*)");

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        for (Models.Bundled bundled : Models.BUNDLED) {
            SavedModel saved = Models.load(bundled.name());
            out.printf(Locale.ROOT, "%-22s %-16s %s%s%n  %s%n", bundled.name(), saved.model().kind(),
                    validationLoss(saved.training()), bundled == Models.BUNDLED.get(0) ? " (default)" : "",
                    bundled.description() + bundled.sampling());
        }
        return 0;
    }

    /**
     * "validation NLL 0.668 nats per token" from a training summary's {@code validationNllPerToken} and the like
     * ({@code validationNllPerPartStep}: "per part step"); a model trained on its validation pieces too says so.
     */
    static String validationLoss(Map<String, String> training) {
        for (Map.Entry<String, String> entry : new TreeMap<>(training).entrySet()) {
            Matcher m = VALIDATION_LOSS.matcher(entry.getKey());
            if (m.matches()) {
                return "validation " + (m.group(1).equals("Nll") ? "NLL" : "pseudo-NLL") + " "
                        + shortened(entry.getValue()) + " nats per "
                        + m.group(2).replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase(Locale.ROOT)
                        + ("true".equals(training.get("trainOnValid")) ? " (trained on those pieces too)" : "");
            }
        }
        return "validation loss not recorded";
    }

    private static String shortened(String number) {
        try {
            return String.format(Locale.ROOT, "%.3f", Double.parseDouble(number));
        } catch (NumberFormatException e) {
            return number;
        }
    }
}
