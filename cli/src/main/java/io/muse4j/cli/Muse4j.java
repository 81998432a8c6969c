package io.muse4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import io.muse4j.core.LibraryVersion;
import io.muse4j.models.kind.RequestException;

import java.io.PrintWriter;
import java.util.Arrays;

/** The {@code muse4j} command: exit 0 on success, 2 for a usage error, 1 for any other failure. */
@Command(name = "muse4j", mixinStandardHelpOptions = true, versionProvider = Muse4j.Version.class,
        description = "Symbolic music generation with deep learning.",
        subcommands = {InspectCommand.class, EncodeCommand.class, DecodeCommand.class, TrainCommand.class,
                GenerateCommand.class, EvalCommand.class, RenderCommand.class, PlotCommand.class,
                SpectrogramCommand.class, TranscribeCommand.class, SampleCommand.class, InterpolateCommand.class,
                ReconstructCommand.class, AttributeCommand.class, DevicesCommand.class, LiveCommand.class,
                StatsCommand.class, ModelsCommand.class, HarmonizeCommand.class,
                InfillCommand.class, ConvertCommand.class})
public final class Muse4j implements Runnable {
    /** Exit code for a usage error. */
    public static final int USAGE = 2;
    /** Exit code for any other failure. */
    public static final int FAILURE = 1;

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces with errors.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: " + String.join(", ", spec.subcommands().keySet()));
    }

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line with the given output streams and returns the exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        CommandLine cli = new CommandLine(new Muse4j());
        TrainCommand.addKinds(cli.getSubcommands().get("train"));
        cli.setOut(out).setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler((e, a) -> {
                    String command = e.getCommandLine().getCommandSpec().qualifiedName();
                    e.getCommandLine().getErr().println("muse4j: " + UnknownOptions.describe(e, command) + " (see '"
                            + command + " --help')");
                    return USAGE;
                })
                .setExecutionExceptionHandler((e, c, p) -> {
                    c.getErr().println("muse4j: " + Failures.describe(e));
                    if (verbose) {
                        e.printStackTrace(c.getErr());
                    }
                    return e instanceof UsageException || e instanceof RequestException ? USAGE : FAILURE;
                });
        int code = cli.execute(TrainArguments.rewritten(args));
        out.flush();
        err.flush();
        return code;
    }

    /** The library version, as the build recorded it. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"muse4j " + LibraryVersion.get()};
        }
    }
}
