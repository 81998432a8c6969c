package io.muse4j.cli;

import io.muse4j.core.token.EncodingSpec;
import io.muse4j.models.ModelKinds;
import io.muse4j.models.kind.ModelKind;
import io.muse4j.models.kind.Setting;
import io.muse4j.models.kind.Settings;
import io.muse4j.models.kind.TrainingOutcome;
import io.muse4j.models.training.TrainingRequest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code train KIND}: one subcommand per model kind of the registry, each offering the options every training takes
 * ({@link TrainingOptions}), the encoding's when the kind trains on one, and the kind's own settings, so an option
 * of another kind is an unknown option. {@code train --model KIND} is read as {@code train KIND}.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a model on a MIDI folder, list file or MIDI file, or a piano-roll JSON split file "
                + "(NAME.train.json, validated on NAME.valid.json): 'train KIND --help' lists a kind's options.",
                "A checkpoint (MODEL.ckpt) and a CSV log (MODEL.log.csv) go beside the model; --resume continues."})
final class TrainCommand implements Runnable {
    /**
     * Options that steer a run without changing what it trains: where it goes, whether it resumes, how often it
     * checkpoints, how it reports.
     */
    private static final java.util.Set<String> RUN_CONTROLS = java.util.Set.of("--out", "--resume", "--overwrite",
            "--checkpoint-every", "--verbose");

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a model kind is required: one of "
                + ModelKinds.names());
    }

    /** Adds a subcommand for every kind of the registry to the {@code train} command. */
    static void addKinds(CommandLine train) {
        for (ModelKind kind : ModelKinds.ALL) {
            KindTraining command = new KindTraining(kind);
            CommandSpec spec = CommandSpec.forAnnotatedObject(command);
            spec.usageMessage().description(kind.summary() + ".");
            Object data = kind.takesEncoding() ? command.encoding : command.grid;
            spec.addMixin("data", CommandSpec.forAnnotatedObject(data));
            for (Setting setting : kind.settings()) {
                spec.addOption(option(setting));
            }
            train.addSubcommand(kind.name(), new CommandLine(spec));
        }
    }

    private static OptionSpec option(Setting setting) {
        OptionSpec.Builder option = OptionSpec.builder(setting.name()).type(setting.type())
                .description(setting.description() + (setting.defaultValue() == null || setting.isFlag() ? ""
                        : " (default: " + setting.defaultValue() + ")"));
        if (setting.isFlag()) {
            return option.arity("0").build();
        }
        return option.defaultValue(setting.defaultValue()).paramLabel(setting.type().isEnum()
                ? setting.type().getSimpleName().toUpperCase(Locale.ROOT) : "<" + setting.name().substring(2) + ">")
                .build();
    }

    /** Trains one kind of model. */
    @Command(mixinStandardHelpOptions = true, sortOptions = false)
    static final class KindTraining implements Callable<Integer> {
        private final ModelKind kind;
        final EncodingOptions encoding = new EncodingOptions();
        final GridOption grid = new GridOption();

        @CommandLine.Mixin
        TrainingOptions options;

        @Spec
        CommandSpec spec;

        KindTraining(ModelKind kind) {
            this.kind = kind;
        }

        @Override
        public Integer call() throws Exception {
            options.refuseToOverwrite();
            EncodingSpec encodingSpec = kind.takesEncoding() ? encoding.spec() : null;
            TrainingRequest request = options.request(encodingSpec,
                    kind.takesEncoding() ? encoding.grid.rolls() : grid.rolls());
            Map<String, Object> values = new LinkedHashMap<>();
            for (Setting setting : kind.settings()) {
                Object value = spec.findOption(setting.name()).getValue();
                setting.check(value);
                values.put(setting.name(), value);
            }
            TrainingOutcome outcome = ModelKinds.train(kind, request, new Settings(values), runOptions());
            spec.commandLine().getOut().println(options.summary(outcome));
            return 0;
        }

        /** Every option that defines the run, by name, as given or defaulted: what a resume must repeat. */
        private Map<String, String> runOptions() {
            Map<String, String> options = new LinkedHashMap<>();
            for (OptionSpec option : spec.options()) {
                if (!option.usageHelp() && !option.versionHelp() && !RUN_CONTROLS.contains(option.longestName())) {
                    options.put(option.longestName(), String.valueOf((Object) option.getValue()));
                }
            }
            return options;
        }
    }
}
