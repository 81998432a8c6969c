package io.muse4j.models.training;

import io.muse4j.core.io.AtomicFiles;
import io.muse4j.core.io.InputFiles;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The training log as CSV, one row per step ({@code step,loss,learning_rate,targets,validation_loss}, then any
 * measure columns the model names, such as a GAN's D(x)). Each row is flushed, so a killed run keeps its log; a
 * resumed run first drops the rows past its checkpoint (steps it will take again), then appends, so its log reads
 * as an uninterrupted run's.
 */
public final class CsvLog implements TrainingListener, AutoCloseable {
    public static final String HEADER = "step,loss,learning_rate,targets,validation_loss";
    /** The largest log a resumed run reads back: 256 MiB, some four million rows. */
    public static final long MAX_FILE_BYTES = 256L << 20;
    private static final int COLUMNS = HEADER.split(",").length;
    private final Path file;
    private BufferedWriter out;
    private final List<String> measureColumns;
    private Map<String, Double> measures = Map.of();
    private String pending;
    private String pendingMeasures;

    /** Logs to {@code file}, writing the header when the file is new. */
    public CsvLog(Path file) throws IOException {
        this(file, List.of());
    }

    /** A log with a column for each named measure after the standard ones (empty where a step lacks it). */
    public CsvLog(Path file, List<String> measureColumns) throws IOException {
        this.file = file;
        this.measureColumns = List.copyOf(measureColumns);
        if (!Files.exists(file) || Files.size(file) == 0) {
            AtomicFiles.write(file, (HEADER + measureColumns.stream().map(c -> "," + c).collect(Collectors.joining())
                    + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Drops the rows of steps after {@code step}, which a resumed run takes again. */
    @Override
    public void onStart(long step) {
        try {
            List<String> lines;
            try (java.io.BufferedReader in = InputFiles.newReader(file, MAX_FILE_BYTES)) {
                lines = in.lines().collect(Collectors.toList());
            }
            List<String> kept = new ArrayList<>(lines.subList(0, Math.min(1, lines.size())));
            lines.stream().skip(1).filter(line -> rowStep(line) <= step).forEach(kept::add);
            if (kept.size() < lines.size()) {
                AtomicFiles.write(file, (String.join("\n", kept) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A row's step; a torn row (a run killed mid-write) counts as past every step. */
    private static long rowStep(String line) {
        String[] fields = line.split(",", -1);
        try {
            return fields.length < COLUMNS ? Long.MAX_VALUE : Long.parseLong(fields[0]);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
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

    /** Writes the checkpointed step's row, so that a run killed after the checkpoint still has it. */
    @Override
    public void onCheckpoint(long steps) {
        flushPending("");
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
            if (out == null) {
                out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            }
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
        if (out != null) {
            out.close();
        }
    }
}
