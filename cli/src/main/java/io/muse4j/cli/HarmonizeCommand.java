package io.muse4j.cli;

import io.muse4j.core.score.NoteSequence;
import io.muse4j.midi.ScoreFiles;
import io.muse4j.models.kind.Harmonization;
import io.muse4j.models.kind.HarmonyRequest;
import io.muse4j.models.kind.RequestException;
import io.muse4j.models.kind.SavedModel;
import io.muse4j.models.sampling.GenerationRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/** Writes alto, tenor and bass below a melody. */
@Command(name = "harmonize", aliases = "harmonise", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Harmonise a melody in four parts: the melody unchanged on the first track, alto, tenor and "
                + "bass on the next three.",
                "The melody is a MIDI or ABC file (the first tune); of a file with chords or several voices, the top "
                        + "voice is harmonised, and a line on standard error says so.",
                "Any key: the melody is moved into the model's soprano range and the parts back. The parts are "
                        + "drawn at temperature 0.7 unless told (0 for the likeliest); the same seed gives the same "
                        + "file. Prints the file written."})
final class HarmonizeCommand implements Callable<Integer> {
    /** The bundled harmoniser. */
    static final String DEFAULT_MODEL = "harmonizer";
    /**
     * The temperature mini-bach's parts are drawn at unless told: chosen on the validation chorales (BENCHMARKS.md,
     * "Harmonising"), where lower temperatures write too few notes and higher ones stray from the key.
     */
    static final double DEFAULT_TEMPERATURE = 0.7;

    /**
     * How the parts are written: the kind of model that writes them, its bundled model (null where none is bundled:
     * BENCHMARKS.md, "Anticipation-RNN", says why) and its temperature.
     */
    enum Method {
        minibach("minibach", DEFAULT_MODEL, DEFAULT_TEMPERATURE),
        gibbs("deepbach", InfillCommand.DEFAULT_MODEL, InfillCommand.DEFAULT_TEMPERATURE),
        anticipation("anticipation", null, 0.7);

        final String kind;
        final String model;
        final double temperature;

        Method(String kind, String model, double temperature) {
            this.kind = kind;
            this.model = model;
            this.temperature = temperature;
        }
    }

    @Parameters(index = "0", paramLabel = "MELODY.mid", description = "The melody: MIDI, or ABC.")
    Path melody;

    @Option(names = "--method", paramLabel = "METHOD", description = "minibach (a feedforward network, the "
            + "default), gibbs (DeepBach's pseudo-Gibbs sampling) or anticipation (Anticipation-RNN, left to right "
            + "under the melody as constraints; none is bundled, so give --model): picks the bundled model; with "
            + "--model, the model's kind.")
    Method method;

    @Option(names = "--model", paramLabel = "MODEL", description = "A harmoniser: a minibach, deepbach or "
            + "anticipation model file, or a bundled model (" + DEFAULT_MODEL + " unless --method says otherwise).")
    String model;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "OUT.mid",
            description = "File to write: MIDI, or ABC when it ends in .abc.")
    Path out;

    @Option(names = "--no-rules", description = "Write the parts as the model draws them, parallel fifths and octaves, "
            + "crossings and wide spacing included (by default a chord that breaks these rules is drawn again).")
    boolean noRules;

    @Mixin
    SamplingOptions sampling;

    @Spec
    CommandSpec spec;

    /** "a" or "an" and the word. */
    private static String article(String word) {
        return ("aeiou".indexOf(word.charAt(0)) >= 0 ? "an " : "a ") + word;
    }

    @Override
    public Integer call() throws Exception {
        sampling.sampler(0); // fails early on bad sampling settings
        List<NoteSequence> scores = ScoreFiles.read(melody);
        if (scores.isEmpty()) {
            throw new UsageException(melody + ": holds no ABC tune");
        }
        Method asked = method == null ? Method.minibach : method;
        if (model == null && asked.model == null) {
            throw new UsageException("--method " + asked + " needs --model: no " + asked.kind + " model is bundled "
                    + "(train one with muse4j train " + asked.kind + ")");
        }
        SavedModel saved = Models.load(model == null ? asked.model : model);
        if (method != null && !saved.kind().name().equals(method.kind)) {
            throw new UsageException("--method " + method + " needs " + article(method.kind) + " model, but "
                    + model + " is " + article(saved.kind().name()) + " model");
        }
        Method used = Arrays.stream(Method.values()).filter(m -> m.kind.equals(saved.kind().name())).findFirst()
                .orElse(asked);
        GenerationRequest.Sampling controls = sampling.controls(used.temperature);
        Harmonization harmony;
        try {
            harmony = Harmonization.of(saved, scores.get(0), new HarmonyRequest(controls, !noRules));
        } catch (RequestException e) {
            throw e; // about the model or an option, not the melody
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(melody + ": " + e.getMessage(), e);
        }
        if (harmony.topVoiceTaken()) {
            spec.commandLine().getErr().println("muse4j: " + melody + " has chords or several voices; harmonised "
                    + "its top voice");
        }
        ScoreFiles.writeAbcOrMidi(harmony.score(), out);
        spec.commandLine().getOut().println(out);
        return 0;
    }
}
