package io.muse4j.models.training;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A progress bar: step, epoch, loss, tokens per second and time left. On a terminal it is one live line, redrawn
 * five times a second; into a file or pipe it writes a plain line every 30 seconds, so logs stay small.
 */
public final class ProgressBar implements TrainingListener {
    private static final int WIDTH = 24;
    private final PrintStream out;
    private final long batchesPerEpoch;
    private final boolean live;
    private final long started = System.nanoTime();
    private long lastDraw;
    private long targets;
    private long firstStep = -1;
    private double validation = Double.NaN;

    /**
     * A bar on {@code out} (standard error for the CLI); {@code batchesPerEpoch} turns steps into epochs, and
     * {@code live} says whether {@code out} is a terminal.
     */
    public ProgressBar(PrintStream out, long batchesPerEpoch, boolean live) {
        this.out = out;
        this.batchesPerEpoch = Math.max(1, batchesPerEpoch);
        this.live = live;
    }

    /**
     * Whether standard error is a terminal. Java answers only for standard input and output together
     * ({@code System.console()}), which is null whenever output is redirected, so where Linux shows the file
     * descriptor ({@code /proc/self/fd/2}) its target decides: a terminal device or not.
     */
    public static boolean standardErrorIsTerminal() {
        Path descriptor = Path.of("/proc/self/fd/2");
        try {
            String target = Files.readSymbolicLink(descriptor).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    @Override
    public void onStep(long step, long totalSteps, double loss, double learningRate, int batchTargets) {
        if (firstStep < 0) {
            firstStep = step;
        }
        targets += batchTargets;
        long now = System.nanoTime();
        if (now - lastDraw < (live ? 200_000_000L : 30_000_000_000L) && step + 1 < totalSteps) {
            return;
        }
        lastDraw = now;
        double seconds = (now - started) / 1e9;
        long done = step + 1 - firstStep;
        double eta = seconds / done * (totalSteps - step - 1);
        int filled = (int) (WIDTH * (step + 1) / totalSteps);
        out.printf(Locale.ROOT, "%s[%s%s] step %d/%d  epoch %.2f  loss %.4f  valid %s  %.0f tok/s  ETA %s ",
                live ? "\r" : "", "#".repeat(filled), ".".repeat(WIDTH - filled), step + 1, totalSteps,
                (double) (step + 1) / batchesPerEpoch, loss,
                Double.isNaN(validation) ? "-" : String.format(Locale.ROOT, "%.4f", validation),
                targets / Math.max(seconds, 1e-9), clock(eta));
        if (!live) {
            out.println();
        }
        out.flush();
    }

    @Override
    public void onValidation(long step, double validationLoss, boolean best) {
        validation = validationLoss;
    }

    @Override
    public void onEnd(Trainer.Result result) {
        if (live) {
            out.println();
        }
        out.flush();
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
