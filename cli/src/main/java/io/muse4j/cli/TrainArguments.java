package io.muse4j.cli;

import io.muse4j.models.ModelKinds;
import io.muse4j.models.kind.ModelKind;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code train --model KIND ...} as {@code train KIND ...}, and {@code train ...} without a kind as
 * {@code train lstm ...} (the first kind of the registry), as muse4j's command lines did before train had a
 * subcommand per kind.
 */
final class TrainArguments {
    private TrainArguments() {
    }

    /** The arguments with the kind moved to just after {@code train}. */
    static String[] rewritten(String... args) {
        int train = List.of(args).indexOf("train");
        if (train < 0 || List.of(args).subList(0, train).stream().anyMatch(a -> !a.startsWith("-"))) {
            return args;
        }
        List<String> rest = new ArrayList<>(List.of(args).subList(train + 1, args.length));
        if (rest.isEmpty() || isKind(rest.get(0))) {
            return args;
        }
        String kind = removeModelOption(rest);
        if (kind == null && (rest.contains("--help") || rest.contains("-h"))) {
            return args;
        }
        List<String> result = new ArrayList<>(List.of(args).subList(0, train + 1));
        result.add(kind != null ? kind : ModelKinds.ALL.get(0).name());
        result.addAll(rest);
        return result.toArray(String[]::new);
    }

    private static boolean isKind(String name) {
        return ModelKinds.ALL.stream().map(ModelKind::name).anyMatch(name::equals);
    }

    /** Removes {@code --model KIND} or {@code --model=KIND} and gives KIND, lower-cased; null when absent. */
    private static String removeModelOption(List<String> rest) {
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            if (arg.startsWith("--model=")) {
                rest.remove(i);
                return arg.substring("--model=".length()).toLowerCase(java.util.Locale.ROOT);
            }
            if (arg.equals("--model") && i + 1 < rest.size()) {
                rest.remove(i);
                return rest.remove(i).toLowerCase(java.util.Locale.ROOT);
            }
        }
        return null;
    }
}
