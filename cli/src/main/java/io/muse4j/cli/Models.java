package io.muse4j.cli;

import io.muse4j.models.file.ModelFile;
import io.muse4j.models.file.SavedModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/** Loads the model a user names: a file, or "default" for the bundled folk-melody model. */
final class Models {
    /** The bundled model, a melody LSTM trained on the folk-abc corpus (see NOTICE). */
    static final String DEFAULT = "default";
    private static final String RESOURCE = "default-melody.m4j";

    private Models() {
    }

    /** The named model. */
    static SavedModel load(String name) throws IOException {
        return quietly(() -> {
            if (DEFAULT.equals(name)) {
                try (InputStream in = Models.class.getResourceAsStream(RESOURCE)) {
                    if (in == null) {
                        throw new IOException("the bundled model " + RESOURCE + " is missing from this build");
                    }
                    return ModelFile.load(in, "bundled model " + RESOURCE);
                }
            }
            return ModelFile.load(Path.of(name));
        });
    }

    /** Work that may start ND4J, which prints chatter on System.out: it goes to standard error. */
    interface QuietWork<T> {
        T run() throws IOException;
    }

    /** Runs the work with System.out pointed at standard error, so that standard output carries results only. */
    static <T> T quietly(QuietWork<T> work) throws IOException {
        PrintStream stdout = System.out;
        System.setOut(System.err);
        try {
            return work.run();
        } finally {
            System.setOut(stdout);
        }
    }

    /** The sequence length the model was trained with, from its summary (64 when it does not say). */
    static int trainedSequenceLength(SavedModel model) {
        try {
            return Integer.parseInt(model.training().getOrDefault("sequenceLength", "64"));
        } catch (NumberFormatException e) {
            return 64;
        }
    }
}
