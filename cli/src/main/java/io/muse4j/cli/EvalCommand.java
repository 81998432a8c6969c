package io.muse4j.cli;

import io.muse4j.corpora.CorpusSplits.Split;
import io.muse4j.models.kind.Evaluation;
import io.muse4j.models.kind.EvaluationRequest;
import io.muse4j.models.kind.SavedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** Measures a model's negative log-likelihood and accuracy on a corpus. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluate a model: NLL in nats per token (token models) or per frame (piano-roll models), "
                + "and accuracy; for a MusicVAE, reconstruction accuracy (teacher-forced and free-running), NLL "
                + "and KL.",
                "A piano-roll JSON corpus NAME.SPLIT.json takes --split from its sibling files; other corpora rebuild "
                        + "the model's own seeded train/valid split."})
final class EvalCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "default|MODEL", description = "Model file or 'default'.")
    String model;

    @Option(names = "--corpus", required = true, paramLabel = "PATH",
            description = "MIDI folder, list file, MIDI file or piano-roll JSON file.")
    Path corpus;

    @Option(names = "--split", defaultValue = "ALL",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Split split;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SavedModel saved = Models.load(model);
        Evaluation result = saved.kind().evaluate(saved, new EvaluationRequest(corpus, split));
        String splitName = split.name().toLowerCase(Locale.ROOT);
        spec.commandLine().getOut().println(json ? json(result, splitName)
                : String.format(Locale.ROOT, "%s on %s (%s, %d pieces, %s): %s", model, corpus, splitName,
                result.pieces(), result.counted(), result.text()));
        return 0;
    }

    /** One JSON object: the model, corpus, split and pieces, then the kind's findings. */
    private String json(Evaluation result, String splitName) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("model", model);
        fields.put("corpus", corpus.toString());
        fields.put("split", splitName);
        fields.put("pieces", result.pieces());
        fields.putAll(result.values());
        return Json.object(fields);
    }
}
