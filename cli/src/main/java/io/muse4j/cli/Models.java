package io.muse4j.cli;

import io.muse4j.models.ModelKinds;
import io.muse4j.models.kind.SavedModel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** Loads the model a user names: a file, or "default" for the bundled folk-melody model. */
final class Models {
    /** The bundled model, a melody LSTM trained on the folk-abc corpus (see NOTICE). */
    static final String DEFAULT = "default";
    private static final String RESOURCE = "default-melody.m4j";

    private Models() {
    }

    /** The named model, of any kind. */
    static SavedModel load(String name) throws IOException {
        if (DEFAULT.equals(name)) {
            try (InputStream in = Models.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IOException("the bundled model " + RESOURCE + " is missing from this build");
                }
                return ModelKinds.load(in, "bundled model " + RESOURCE);
            }
        }
        return ModelKinds.load(Path.of(name));
    }
}
