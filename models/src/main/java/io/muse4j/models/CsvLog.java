package io.muse4j.models;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The training log as CSV, one row per step ({@code step,loss,learning_rate,targets,validation_loss}, then any
 * measure columns the model names, such as a GAN's D(x)); a resumed run appends to it. Each row is flushed, so a
 * killed run keeps its log.
 */
public final class CsvLog implements TrainingListener, AutoCloseable {
    static final String HEADER = "step,loss,learning_rate,targets,validation_loss";
    private final BufferedWriter out;
    private final List<String> measureColumns;
    private Map<String, Double> measures = Map.of();
    private String pending;
    private String pendingMeasures;

    /** Appends to {@code file}, writing the header when the file is new. */
    public CsvLog(Path file) throws IOException {
        this(file, List.of());
    }

    /** A log with a column for each named measure after the standard ones (empty where a step lacks it). */
    public CsvLog(Path file, List<String> measureColumns) throws IOException {
        this.measureColumns = List.copyOf(measureColumns);
        boolean fresh = !Files.exists(file) || Files.size(file) == 0;
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        if (fresh) {
            out.write(HEADER + measureColumns.stream().map(c -> "," + c).collect(Collectors.joining()) + "\n");
            out.flush();
        }
    }

    @Override
    public void onMeasures(long step, Map<String, Double> stepMeasures) {
        measures = stepMeasures;
    }

    @Override
    public void onStep(long step, long totalSteps, double loss, double learningRate, int targets) {
        flushPending("");
        pending = String.format(Locale.ROOT, "%d,%.6f,%.6g,%d,", step + 1, loss, learningRate, targets);
        pendingMeasures = measureColumns.stream().map(c -> "," + (measures.containsKey(c)
                ? String.format(Locale.ROOT, "%.6g", measures.get(c)) : "")).collect(Collectors.joining());
        measures = Map.of();
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
            out.write(pending + validation + pendingMeasures + "\n");
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
