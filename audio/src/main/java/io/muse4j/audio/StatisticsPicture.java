package io.muse4j.audio;

import io.muse4j.core.stats.StatisticComparison;
import io.muse4j.core.stats.StatsReport;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Draws a {@link StatsReport} as small histograms, one a statistic, of the generated and the reference pieces'
 * values over a common range, each bar the share of its set; the title of each gives the KS distance.
 */
public final class StatisticsPicture {
    static final Color GENERATED = new Color(0x1F, 0x77, 0xB4, 150);
    static final Color REFERENCE = new Color(0xFF, 0x7F, 0x0E, 150);
    private static final int COLUMNS = 4;
    private static final int CELL_WIDTH = 260;
    private static final int CELL_HEIGHT = 150;
    private static final int HEADER = 30;
    private static final int BINS = 16;

    private StatisticsPicture() {
    }

    /** Draws and writes the histograms as PNG, atomically. */
    public static void write(StatsReport report, Path png) throws IOException {
        Pictures.writePng(draw(report), png);
    }

    /** Draws the histograms, {@value #COLUMNS} a row. */
    public static BufferedImage draw(StatsReport report) {
        int rows = (report.statistics().size() + COLUMNS - 1) / COLUMNS;
        BufferedImage image = Pictures.canvas(COLUMNS * CELL_WIDTH, HEADER + Math.max(1, rows) * CELL_HEIGHT);
        Graphics2D g = Pictures.graphics(image);
        drawLegend(g, report);
        for (int s = 0; s < report.statistics().size(); s++) {
            int x = s % COLUMNS * CELL_WIDTH;
            int y = HEADER + s / COLUMNS * CELL_HEIGHT;
            drawCell(g, x, y, report.comparisons().get(s), StatsReport.column(report.generatedValues(), s),
                    StatsReport.column(report.referenceValues(), s));
        }
        g.dispose();
        return image;
    }

    private static void drawCell(Graphics2D g, int x, int y, StatisticComparison c, double[] gen, double[] ref) {
        double lo = Math.min(min(gen), min(ref));
        double hi = Math.max(max(gen), max(ref));
        if (hi - lo < 1e-9) {
            lo -= 0.5;
            hi += 0.5;
        }
        double[] genShares = histogram(gen, lo, hi);
        double[] refShares = histogram(ref, lo, hi);
        double top = Math.max(max(genShares), max(refShares));
        int left = x + 10;
        int width = CELL_WIDTH - 20;
        int bottom = y + CELL_HEIGHT - 22;
        int height = CELL_HEIGHT - 46;
        for (int b = 0; b < BINS; b++) {
            int bx = left + b * width / BINS;
            int bw = Math.max(1, (b + 1) * width / BINS - b * width / BINS - 1);
            for (int side = 0; side < 2; side++) {
                double share = (side == 0 ? refShares : genShares)[b];
                int bh = (int) Math.round(share / top * height);
                g.setColor(side == 0 ? REFERENCE : GENERATED);
                g.fillRect(bx, bottom - bh, bw, bh);
            }
        }
        g.setColor(Pictures.TEXT);
        g.drawLine(left, bottom, left + width, bottom);
        g.drawString(String.format(Locale.ROOT, "%s   KS %.2f", c.name(), c.ks()), left, y + 16);
        String low = String.format(Locale.ROOT, "%.3g", lo);
        String high = String.format(Locale.ROOT, "%.3g", hi);
        g.drawString(low, left, bottom + 14);
        g.drawString(high, left + width - g.getFontMetrics().stringWidth(high), bottom + 14);
    }

    private static void drawLegend(Graphics2D g, StatsReport report) {
        int x = 10;
        String[] names = {"generated (" + report.generated().size() + ")", "reference (" + report.reference().size() + ")"};
        for (int i = 0; i < 2; i++) {
            g.setColor(i == 0 ? GENERATED : REFERENCE);
            g.fillRect(x, 10, 14, 10);
            g.setColor(Pictures.TEXT);
            g.drawString(names[i], x + 18, 20);
            x += 40 + g.getFontMetrics().stringWidth(names[i]);
        }
        if (Double.isFinite(report.classifierAccuracy())) {
            g.drawString(String.format(Locale.ROOT, "classifier two-sample test accuracy %.3f",
                    report.classifierAccuracy()), x + 20, 20);
        }
    }

    /** The share of the values in each of {@value #BINS} equal bins from lo to hi. */
    private static double[] histogram(double[] values, double lo, double hi) {
        double[] shares = new double[BINS];
        for (double v : values) {
            int bin = (int) Math.min(BINS - 1, Math.floor((v - lo) / (hi - lo) * BINS));
            shares[Math.max(0, bin)] += 1.0 / values.length;
        }
        return shares;
    }

    private static double min(double[] values) {
        return java.util.Arrays.stream(values).min().orElse(0);
    }

    private static double max(double[] values) {
        return java.util.Arrays.stream(values).max().orElse(0);
    }
}
