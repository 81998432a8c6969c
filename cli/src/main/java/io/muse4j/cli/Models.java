package io.muse4j.cli;

import io.muse4j.models.ModelKinds;
import io.muse4j.models.kind.SavedModel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Loads the model a user names: a file, a bundled model by name, or "default" for the bundled default. */
final class Models {
    /** The name of the bundled default. */
    static final String DEFAULT = "default";

    /**
     * A model muse4j ships, trained on the folk-abc corpus (CC BY 4.0, see NOTICE).
     *
     * @param name what {@code --model} calls it
     * @param resource its file among the cli's resources
     * @param description one line for {@code muse4j models}
     */
    record Bundled(String name, String resource, String description) {
    }

    /** The bundled models, the default first. */
    static final List<Bundled> BUNDLED = List.of(
            new Bundled("folk-transformer-2026", "folk-transformer-2026.m4j", "Music Transformer (3 blocks of 128, "
                    + "4 heads, relative attention over 256 sixteenths), 1,500 steps on folk-abc's melodies"),
            new Bundled("folk-lstm-2025", "default-melody.m4j", "melody LSTM (2 x 128) on folk-abc; the default "
                    + "until 2026-12"));

    private Models() {
    }

    /** The bundled model a name calls, "default" calling the first; empty for any other name (a file). */
    static Optional<Bundled> bundled(String name) {
        String wanted = DEFAULT.equals(name) ? BUNDLED.get(0).name() : name;
        return BUNDLED.stream().filter(model -> model.name().equals(wanted)).findFirst();
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
