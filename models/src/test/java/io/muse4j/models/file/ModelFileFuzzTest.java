package io.muse4j.models.file;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.muse4j.models.ModelKinds;

import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Fuzzes the model-file loader {@link ModelKinds#load(java.io.InputStream, String)} with the file's bytes as they
 * are: it must load or fail with {@link ModelFileException}; any other throwable (a RuntimeException, an
 * OutOfMemoryError in the 512 MB JVM of {@code -Pfuzz}, a StackOverflowError) is a finding. Mutated bytes rarely
 * pass the checksum, so this target finds the zip and checksum checks; {@link ModelEntriesFuzzTest} reaches what
 * lies behind them. Seeds and findings are in {@code ModelFileFuzzTestInputs/zipOrRefuses};
 * {@code mvn -Pfuzz verify} fuzzes it.
 */
class ModelFileFuzzTest {
    @FuzzTest(maxDuration = "2m")
    void zipOrRefuses(byte[] bytes) throws IOException {
        loadOrRefuse(bytes);
    }

    /** Loads a model file, which may be refused with {@link ModelFileException} and nothing else. */
    static void loadOrRefuse(byte[] file) throws IOException {
        try {
            ModelKinds.load(new ByteArrayInputStream(file), "fuzz.m4j");
        } catch (ModelFileException expected) {
            // the one documented way to refuse a model file
        }
    }
}
