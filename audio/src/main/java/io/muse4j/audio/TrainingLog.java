package io.muse4j.audio;

import io.muse4j.core.io.InputFiles;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A training log as {@code muse4j train} writes it ({@code step,loss,learning_rate,targets,validation_loss}, the
 * validation loss empty on steps without a validation). A resumed run drops the rows past its checkpoint before it
 * appends, but logs written by muse4j before 2026-11-23 may hold a step twice; the later row of a step wins, as it
 * is the one the finished model went through.
 *
 * @param name the file's name, for messages
 * @param steps training steps in order
 */
public record TrainingLog(String name, List<Step> steps) {
    /** One logged step; {@code validationLoss} is NaN where the step had no validation. */
    public record Step(long step, double loss, double validationLoss) {
        public boolean validated() {
            return !Double.isNaN(validationLoss);
        }
    }

    public TrainingLog {
        steps = List.copyOf(steps);
    }

    /** The largest log read, 64 MiB (over a million steps). */
    public static final long MAX_FILE_BYTES = 64L << 20;

    /** Reads a log (a regular file of at most {@link #MAX_FILE_BYTES}); fails naming the file and line otherwise. */
    public static TrainingLog read(Path file) throws IOException {
        List<String> lines;
        try (BufferedReader in = InputFiles.newReader(file, MAX_FILE_BYTES)) {
            lines = in.lines().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        String name = file.toString();
        if (lines.isEmpty()) {
            throw new TrainingLogFormatException(name, 1, "empty file, not a training log");
        }
        List<String> header = Arrays.asList(lines.get(0).strip().split(",", -1));
        int step = column(name, header, "step");
        int loss = column(name, header, "loss");
        int validation = column(name, header, "validation_loss");
        Map<Long, Step> rows = new TreeMap<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] cells = lines.get(i).strip().split(",", -1);
            if (cells.length != header.size()) {
                throw new TrainingLogFormatException(name, i + 1, cells.length + " columns where the header has "
                        + header.size());
            }
            long s = (long) number(name, i + 1, "step", cells[step]);
            String v = cells[validation];
            rows.put(s, new Step(s, number(name, i + 1, "loss", cells[loss]),
                    v.isEmpty() ? Double.NaN : number(name, i + 1, "validation_loss", v)));
        }
        if (rows.isEmpty()) {
            throw new TrainingLogFormatException(name, lines.size(), "no training steps after the header");
        }
        return new TrainingLog(name, List.copyOf(rows.values()));
    }

    private static int column(String name, List<String> header, String column) throws TrainingLogFormatException {
        int index = header.indexOf(column);
        if (index < 0) {
            throw new TrainingLogFormatException(name, 1, "no '" + column + "' column; a training log starts with "
                    + "'step,loss,learning_rate,targets,validation_loss'");
        }
        return index;
    }

    private static double number(String name, int line, String column, String text)
            throws TrainingLogFormatException {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new TrainingLogFormatException(name, line, column + " '" + text + "' is not a number");
        }
    }
}
