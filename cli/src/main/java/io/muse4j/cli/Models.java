package io.muse4j.cli;

import io.muse4j.models.ModelKinds;
import io.muse4j.models.kind.SavedModel;
import io.muse4j.models.sampling.GenerationRequest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Loads the model a user names: a file, a bundled model by name, or "default" for the bundled default. */
final class Models {
    /** The name of the bundled default. */
    static final String DEFAULT = "default";

    /**
     * A model muse4j ships, trained on the folk-abc corpus (CC BY 4.0) or the JSB Chorales (see NOTICE).
     *
     * @param name what {@code --model} calls it
     * @param resource its file among the cli's resources
     * @param description one line for {@code muse4j models}
     * @param temperature the sampling temperature {@code generate} uses when given none, chosen on the validation
     *                    tunes with {@code muse4j stats}; null for the sampler's own default (1)
     * @param topP the nucleus mass {@code generate} uses when given none, chosen so too; null for the sampler's own
     *             default (1: no cut)
     * @param newTemperature the temperature of new material {@code generate} uses when given none, chosen so too;
     *                       null to draw it as every other token
     * @param rhythmTemperature the same for the note lengths of new material
     */
    record Bundled(String name, String resource, String description, Double temperature, Double topP,
                   Double newTemperature, Double rhythmTemperature) {
        /** How it samples unless told, for {@code muse4j models}; empty where it samples as the sampler does. */
        String sampling() {
            List<String> controls = new ArrayList<>();
            if (temperature != null) {
                controls.add("temperature " + temperature);
            }
            if (topP != null) {
                controls.add("top-p " + topP);
            }
            if (newTemperature != null) {
                controls.add("new material at " + newTemperature);
            }
            if (rhythmTemperature != null) {
                controls.add("new material's rhythm at " + rhythmTemperature);
            }
            return controls.isEmpty() ? "" : "; samples at " + String.join(", ", controls) + " unless told";
        }
    }

    /** The bundled models, the default first. */
    static final List<Bundled> BUNDLED = List.of(
            new Bundled("folk-phrases-2026", "folk-phrases-2026.m4j", "Music Transformer (3 blocks of 128, 4 heads) "
                    + "on folk-abc's tunes in the abc encoding with bar numbers (each bar's place in its 8-bar phrase), "
                    + "2,800 steps; writes whole tunes", 0.9, 0.9, null, 1.1),
            new Bundled("folk-tunes-2026", "folk-tunes-2026.m4j", "Music Transformer (3 blocks of 128, 4 heads) on "
                    + "folk-abc's tunes in the abc encoding (bars, repeat signs, endings, an end), 2,800 steps; writes "
                    + "whole tunes; the default on 2026-12-06", 0.9, null, null, null),
            new Bundled("folk-transformer-2026", "folk-transformer-2026.m4j", "Music Transformer (3 blocks of 128, "
                    + "4 heads, relative attention over 256 sixteenths), 1,500 steps on folk-abc's melodies; the default in 2026-12", null, null, null, null),
            new Bundled("folk-lstm-2025", "default-melody.m4j", "melody LSTM (2 x 128) on folk-abc; the default "
                    + "until 2026-12", null, null, null, null),
            new Bundled("chorale", "chorale.m4j", "RNN-NADE (LSTM 2 x 256, NADE of 150) on the JSB Chorales' piano "
                    + "rolls, a frame a quarter note; writes four-part chorale texture", null, null, null, null),
            new Bundled(HarmonizeCommand.DEFAULT_MODEL, "harmonizer.m4j", "mini-bach (a feedforward network, 4 bars "
                    + "of soprano to alto, tenor and bass) on the JSB Chorales' four voices; harmonises a melody "
                    + "(muse4j harmonize)", null, null, null, null),
            new Bundled(InfillCommand.DEFAULT_MODEL, "regenerator.m4j", "DeepBach-style (a network per part reading "
                    + "16 sixteenths each side of a note in all four parts) on the JSB Chorales' four voices; "
                    + "regenerates bars and voices (muse4j infill) and harmonises (muse4j harmonize --method gibbs)",
                    null, null, null, null));

    private Models() {
    }

    /** The bundled model a name calls, "default" calling the first; empty for any other name (a file). */
    static Optional<Bundled> bundled(String name) {
        String wanted = DEFAULT.equals(name) ? BUNDLED.get(0).name() : name;
        return BUNDLED.stream().filter(model -> model.name().equals(wanted)).findFirst();
    }

    /**
     * The sampling controls asked for, with a bundled model's own where none was asked for; {@code fresh} and
     * {@code rhythm} are the {@code --new-temperature} and {@code --rhythm-temperature} given: null, "same" or a
     * number.
     */
    static GenerationRequest.Sampling withDefaults(String name, GenerationRequest.Sampling asked, String fresh,
                                                   String rhythm) {
        Optional<Bundled> bundled = bundled(name);
        Double temperature = asked.temperature() != null ? asked.temperature()
                : bundled.map(Bundled::temperature).orElse(null);
        Double topP = asked.topP() != null ? asked.topP() : bundled.map(Bundled::topP).orElse(null);
        Double newTemperature = fresh == null ? bundled.map(Bundled::newTemperature).orElse(null)
                : SamplingOptions.temperatureOrSame("--new-temperature", fresh);
        Double rhythmTemperature = rhythm == null ? bundled.map(Bundled::rhythmTemperature).orElse(null)
                : SamplingOptions.temperatureOrSame("--rhythm-temperature", rhythm);
        return new GenerationRequest.Sampling(temperature, asked.topK(), topP, newTemperature, rhythmTemperature,
                asked.seed());
    }

    /** The named model, of any kind. */
    static SavedModel load(String name) throws IOException {
        Optional<Bundled> bundled = bundled(name);
        if (bundled.isEmpty()) {
            return ModelKinds.load(Path.of(name));
        }
        String resource = bundled.get().resource();
        try (InputStream in = Models.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("the bundled model " + resource + " is missing from this build");
            }
            return ModelKinds.load(in, "bundled model " + resource);
        }
    }
}
