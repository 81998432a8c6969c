package io.muse4j.audio;

import io.muse4j.audio.spectrogram.Spectrogram;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws a spectrogram: time in seconds left to right, its bins bottom to top (so the frequency axis is linear for
 * an STFT, mel-spaced for mel bands and logarithmic for constant-Q), each cell shaded by its level in decibels
 * over the {@value #RANGE_DB} dB below the loudest, with a colour bar. Where a pixel covers several frames or bins
 * it shows the loudest, so short sounds do not vanish from long recordings.
 */
public final class SpectrogramPicture {
    /** The shading spans this many decibels below the loudest value. */
    static final double RANGE_DB = 80;
    static final int LEFT = 64;
    static final int RIGHT = 76;
    static final int TOP = 24;
    static final int BOTTOM = 36;
    /** The smallest picture with room for a plot: the margins and 64 pixels a side. */
    public static final int MIN_WIDTH = LEFT + RIGHT + Pictures.MIN_SIDE;
    public static final int MIN_HEIGHT = TOP + BOTTOM + Pictures.MIN_SIDE;
    /** Dark to bright, in the manner of matplotlib's "magma". */
    private static final Color[] RAMP = {new Color(0x000004), new Color(0x3B0F70), new Color(0x8C2981),
            new Color(0xDE4968), new Color(0xFE9F6D), new Color(0xFCFDBF)};

    private SpectrogramPicture() {
    }

    /** Draws and writes the spectrogram as PNG, atomically. */
    public static void write(Spectrogram s, int width, int height, Path png) throws IOException {
        Pictures.writePng(draw(s, width, height), png);
    }

    /** Draws the spectrogram on a {@code width} x {@code height} picture. */
    public static BufferedImage draw(Spectrogram s, int width, int height) {
        if (width < MIN_WIDTH || height < MIN_HEIGHT) {
            throw new IllegalArgumentException("picture size " + width + "x" + height + " leaves no room for a "
                    + "spectrogram (at least " + MIN_WIDTH + "x" + MIN_HEIGHT + ")");
        }
        BufferedImage image = Pictures.canvas(width, height);
        float[][] db = s.decibels();
        float top = Float.NEGATIVE_INFINITY;
        for (float[] row : db) {
            for (float v : row) {
                top = Math.max(top, v);
            }
        }
        drawCells(image, db, top, width - LEFT - RIGHT, height - TOP - BOTTOM);
        Graphics2D g = Pictures.graphics(image);
        drawTimeAxis(g, s, width, height);
        drawFrequencyAxis(g, s, height);
        drawColourBar(g, top, width, height);
        g.setColor(Pictures.TEXT);
        g.drawString(s.kind().description() + ", dB", LEFT, TOP - 8);
        g.dispose();
        return image;
    }

    /** The colour of a level {@code below} decibels under the loudest (0 = loudest, RANGE_DB or more = quietest). */
    static Color shade(double below) {
        double t = 1 - Math.min(1, Math.max(0, below / RANGE_DB));
        double at = t * (RAMP.length - 1);
        int i = Math.min(RAMP.length - 2, (int) at);
        double f = at - i;
        Color a = RAMP[i];
        Color b = RAMP[i + 1];
        return new Color(mix(a.getRed(), b.getRed(), f), mix(a.getGreen(), b.getGreen(), f),
                mix(a.getBlue(), b.getBlue(), f));
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }

    private static void drawCells(BufferedImage image, float[][] db, float top, int plotWidth, int plotHeight) {
        int frames = db.length;
        int bins = db[0].length;
        for (int x = 0; x < plotWidth; x++) {
            int f0 = (int) ((long) x * frames / plotWidth);
            int f1 = Math.max(f0 + 1, (int) ((long) (x + 1) * frames / plotWidth));
            for (int y = 0; y < plotHeight; y++) {
                int row = plotHeight - 1 - y; // bin 0 at the bottom
                int b0 = (int) ((long) row * bins / plotHeight);
                int b1 = Math.max(b0 + 1, (int) ((long) (row + 1) * bins / plotHeight));
                float loudest = Float.NEGATIVE_INFINITY;
                for (int f = f0; f < f1; f++) {
                    for (int b = b0; b < b1; b++) {
                        loudest = Math.max(loudest, db[f][b]);
                    }
                }
                image.setRGB(LEFT + x, TOP + y, shade(top - loudest).getRGB());
            }
        }
    }

    private static void drawTimeAxis(Graphics2D g, Spectrogram s, int width, int height) {
        int bottom = height - BOTTOM;
        int plotWidth = width - LEFT - RIGHT;
        double seconds = s.frames() * s.hopSeconds(); // the right edge: the end of the last frame's hop
        double step = Pictures.niceStep(seconds, Math.max(1, plotWidth / 60));
        for (double t = 0; t <= seconds + 1e-9; t += step) {
            int x = LEFT + (int) Math.round(t / seconds * plotWidth);
            g.setColor(Pictures.TEXT);
            g.drawLine(x, bottom, x, bottom + 3);
            String text = Pictures.label(t, step);
            g.drawString(text, x - g.getFontMetrics().stringWidth(text) / 2, bottom + 15);
        }
        g.drawRect(LEFT - 1, TOP - 1, plotWidth + 1, bottom - TOP + 1);
        g.drawString("seconds", LEFT + plotWidth / 2 - 20, bottom + 30);
    }

    /** Frequency labels where the bins cross round numbers of Hz, at least 16 pixels apart. */
    private static void drawFrequencyAxis(Graphics2D g, Spectrogram s, int height) {
        double[] hz = s.binHz();
        int plotHeight = height - TOP - BOTTOM;
        int lastY = Integer.MAX_VALUE;
        for (double f : frequencyTicks(s)) {
            double bin = fractionalBin(hz, f);
            if (bin < -0.5 || bin > hz.length - 0.5) {
                continue;
            }
            int y = TOP + plotHeight - (int) Math.round((bin + 0.5) / hz.length * plotHeight);
            if (lastY - y < 16) {
                continue;
            }
            g.setColor(Pictures.TEXT);
            g.drawLine(LEFT - 4, y, LEFT - 1, y);
            String text = hertz(f);
            g.drawString(text, LEFT - 6 - g.getFontMetrics().stringWidth(text), y + 4);
            lastY = y;
        }
        g.drawString("Hz", 8, TOP - 8);
    }

    /** Evenly stepped frequencies for a linear axis; 1, 2 and 5 times powers of ten for the others. */
    static List<Double> frequencyTicks(Spectrogram s) {
        double[] hz = s.binHz();
        double lo = hz[0];
        double hi = hz[hz.length - 1];
        List<Double> ticks = new ArrayList<>();
        if (s.kind() == Spectrogram.Kind.STFT) {
            double step = Pictures.niceStep(hi - lo, 8);
            for (double f = Math.ceil(lo / step) * step; f <= hi; f += step) {
                ticks.add(f);
            }
        } else {
            for (double decade = Math.pow(10, Math.floor(Math.log10(Math.max(lo, 1)))); decade <= hi; decade *= 10) {
                for (double m : new double[] {1, 2, 5}) {
                    if (m * decade >= lo && m * decade <= hi) {
                        ticks.add(m * decade);
                    }
                }
            }
        }
        return ticks;
    }

    /** Where {@code f} falls among the rising bin frequencies, interpolating between bins. */
    static double fractionalBin(double[] hz, double f) {
        if (hz.length == 1) {
            return 0;
        }
        int i = 0;
        while (i < hz.length - 2 && hz[i + 1] < f) {
            i++;
        }
        return i + (f - hz[i]) / (hz[i + 1] - hz[i]);
    }

    private static String hertz(double f) {
        return f >= 1000 ? Pictures.label(f / 1000, f % 1000 == 0 ? 1 : 0.1) + "k" : String.format(Locale.ROOT, "%.0f", f);
    }

    private static void drawColourBar(Graphics2D g, float top, int width, int height) {
        int x = width - RIGHT + 14;
        int bottom = height - BOTTOM;
        for (int y = TOP; y < bottom; y++) {
            g.setColor(shade(RANGE_DB * (y - TOP) / (double) (bottom - TOP)));
            g.drawLine(x, y, x + 12, y);
        }
        g.setColor(Pictures.TEXT);
        for (int i = 0; i <= 4; i++) {
            int y = TOP + (bottom - TOP) * i / 4;
            String text = String.format(Locale.ROOT, "%.0f", top - RANGE_DB * i / 4);
            g.drawString(text, x + 16, y + 4);
        }
    }
}
