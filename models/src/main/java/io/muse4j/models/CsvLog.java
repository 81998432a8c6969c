package io.muse4j.models;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * The training log as CSV, one row per step ({@code step,loss,learning_rate,targets,validation_loss}); a resumed
 * run appends to it. Each row is flushed, so a killed run keeps its log.
 */
public final class CsvLog implements TrainingListener, AutoCloseable {
    static final String HEADER = "step,loss,learning_rate,targets,validation_loss";
    private final BufferedWriter out;
    private String pending;

    /** Appends to {@code file}, writing the header when the file is new. */
    public CsvLog(Path file) throws IOException {
        boolean fresh = !Files.exists(file) || Files.size(file) == 0;
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        if (fresh) {
            out.write(HEADER + "\n");
            out.flush();
        }
    }

    @Override
    public void onStep(long step, long totalSteps, double loss, double learningRate, int targets) {
        flushPending("");
        pending = String.format(Locale.ROOT, "%d,%.6f,%.6g,%d,", step + 1, loss, learningRate, targets);
    }

    @Override
    public void onValidation(long step, double validationLoss, boolean best) {
        flushPending(String.format(Locale.ROOT, "%.6f", validationLoss));
    }

    @Override
    public void onEnd(Trainer.Result result) {
        flushPending("");
    }

    private void flushPending(String validation) {
        if (pending == null) {
            return;
        }
        try {
            out.write(pending + validation + "\n");
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pending = null;
    }

    @Override
    public void close() throws IOException {
        flushPending("");
        out.close();
    }
}
