package io.muse4j.cli;

import io.muse4j.models.ModelKinds;
import io.muse4j.models.kind.ModelKind;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.util.List;

/** Words for a parameter error; an option the command lacks says which kinds of model take it, if any. */
final class UnknownOptions {
    private UnknownOptions() {
    }

    /** What went wrong, in one line without the help hint. */
    static String describe(ParameterException e, String command) {
        if (!(e instanceof UnmatchedArgumentException unmatched)) {
            return e.getMessage();
        }
        String option = unmatched.getUnmatched().stream().filter(a -> a.startsWith("-")).findFirst().orElse(null);
        if (option == null) {
            return e.getMessage();
        }
        String name = option.contains("=") ? option.substring(0, option.indexOf('=')) : option;
        List<String> takers = ModelKinds.ALL.stream().filter(kind -> takes(kind, name)).map(ModelKind::name).toList();
        return name + " is not an option of '" + command + "'" + (takers.isEmpty() || !command.contains(" train ")
                ? "" : "; it is for train " + String.join(", ", takers));
    }

    private static boolean takes(ModelKind kind, String option) {
        return kind.settings().stream().anyMatch(setting -> setting.name().equals(option))
                || kind.takesEncoding()
                && CommandSpec.forAnnotatedObject(new EncodingOptions()).optionsMap().containsKey(option);
    }
}
