package io.muse4j.models;

import io.muse4j.core.LibraryVersion;
import io.muse4j.core.io.AtomicFiles;
import io.muse4j.core.token.EncodingSpec;
import io.muse4j.models.anticipation.AnticipationKind;
import io.muse4j.models.deepbach.DeepBachKind;
import io.muse4j.models.crbm.CrbmKind;
import io.muse4j.models.deephear.DeepHearKind;
import io.muse4j.models.file.ModelFile;
import io.muse4j.models.file.ModelFileException;
import io.muse4j.models.gan.crnngan.CrnnGanKind;
import io.muse4j.models.gan.midinet.MidiNetKind;
import io.muse4j.models.kind.ModelKind;
import io.muse4j.models.kind.RequestException;
import io.muse4j.models.kind.SavedModel;
import io.muse4j.models.kind.Settings;
import io.muse4j.models.kind.TrainingOutcome;
import io.muse4j.models.lm.LanguageModelKind;
import io.muse4j.models.lookback.LookbackKind;
import io.muse4j.models.minibach.MiniBachKind;
import io.muse4j.models.rbm.RbmKind;
import io.muse4j.models.training.Checkpoint;
import io.muse4j.models.training.CorpusChecksum;
import io.muse4j.models.training.Provenance;
import io.muse4j.models.training.TrainingRequest;
import io.muse4j.models.vae.MusicVaeKind;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The registry of model kinds: every kind muse4j trains, loads, generates with and evaluates is listed here, once.
 * Adding a model is a package of its own plus one line in {@link #ALL}.
 */
public final class ModelKinds {
    /** Every kind, in the order help lists them; the first is the default of {@code train}. */
    public static final List<ModelKind> ALL = List.of(
            LanguageModelKind.LSTM,
            LanguageModelKind.TRANSFORMER,
            new MusicVaeKind(),
            new CrnnGanKind(),
            new MidiNetKind(),
            new LookbackKind(),
            new RbmKind(),
            new MiniBachKind(),
            new DeepBachKind(),
            new AnticipationKind(),
            new DeepHearKind(),
            new CrbmKind());

    private ModelKinds() {
    }

    /** The kind users call {@code name}; an unknown name is an error listing the known ones. */
    public static ModelKind named(String name) {
        return ALL.stream().filter(kind -> kind.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown model kind '" + name + "': one of "
                        + names()));
    }

    /** The kinds' names, comma-separated. */
    public static String names() {
        return ALL.stream().map(ModelKind::name).collect(Collectors.joining(", "));
    }

    /** Loads a model file of any kind. */
    public static SavedModel load(Path file) throws IOException {
        return loaded(ModelFile.contents(file));
    }

    /** {@link #load(Path)} from a stream, such as a bundled resource; {@code name} names it in errors. */
    public static SavedModel load(InputStream in, String name) throws IOException {
        return loaded(ModelFile.contents(in, name));
    }

    /**
     * Trains a model of a kind, recording where it came from: the run's {@link Provenance} (the kind, the corpus's
     * checksum and every option by name) goes beside the checkpoint when the run starts and into the model file
     * when it ends. A resume whose options or corpus differ from the run's is refused, naming what changed; a run its
     * kind refuses before training leaves no record.
     */
    public static TrainingOutcome train(ModelKind kind, TrainingRequest request, Settings settings,
                                        Map<String, String> options) throws IOException {
        CorpusChecksum.Result corpus = CorpusChecksum.of(request.data().corpus());
        Provenance run = new Provenance(kind.name(), LibraryVersion.get(), corpus.sha256(), corpus.files(), options);
        Path recorded = request.out().resolveSibling(request.out().getFileName() + ".run.json");
        boolean resuming = request.resume() && Files.isRegularFile(recorded);
        if (resuming) {
            List<String> changes = run.changesFrom(Provenance.fromJson(Files.readAllBytes(recorded),
                    recorded.toString()));
            if (!changes.isEmpty()) {
                throw new RequestException("--resume with what differs from the run in " + recorded.getFileName()
                        + ": " + String.join(", ", changes) + " (--overwrite starts afresh)");
            }
        } else {
            AtomicFiles.write(recorded, run.toJson());
        }
        TrainingOutcome outcome;
        try {
            outcome = kind.train(request, settings);
        } catch (RequestException refused) {
            // refused with no checkpoint written: nothing to resume, so no record of a run is left behind
            if (!resuming && !Files.exists(Checkpoint.beside(request.out()))) {
                Files.deleteIfExists(recorded);
            }
            throw refused;
        }
        ModelFile.addEntry(request.out(), Provenance.ENTRY, run.toJson());
        return outcome;
    }

    private static SavedModel loaded(ModelFile.Contents contents) throws ModelFileException {
        String fileKind = contents.header().kind();
        ModelKind kind = ALL.stream().filter(k -> k.reads(fileKind)).findFirst()
                .orElseThrow(() -> new ModelFileException(contents.name(), "unknown model kind '" + fileKind + "'"));
        checkTokenizer(contents);
        return new SavedModel(kind, contents.model(kind::rebuild), contents);
    }

    /** A tokenizer field the file gets wrong is an error naming the file now, not a puzzle at generation. */
    private static void checkTokenizer(ModelFile.Contents contents) throws ModelFileException {
        Map<String, String> spec = contents.header().tokenizer();
        if (List.of(EncodingSpec.NAMES.split(", ")).contains(spec.getOrDefault("encoding", ""))) {
            try {
                EncodingSpec.of(spec).codec();
            } catch (IllegalArgumentException e) {
                throw new ModelFileException(contents.name(), "bad tokenizer " + spec + ": " + e.getMessage());
            }
        }
    }
}
