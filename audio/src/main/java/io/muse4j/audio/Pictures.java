package io.muse4j.audio;

import io.muse4j.core.io.AtomicFiles;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/** What the pictures share (their size limits are public): headless Java2D, the canvas, the axis ticks and atomic PNG files. */
public final class Pictures {
    static {
        // no display is needed, nor looked for; set before any AWT class asks
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    static final Color BACKGROUND = Color.WHITE;
    static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    static final Color TEXT = new Color(0x33, 0x33, 0x33);
    /** Smallest and largest picture side in pixels. */
    public static final int MIN_SIDE = 64;
    public static final int MAX_SIDE = 16_384;

    private Pictures() {
    }

    /** A white canvas; fails naming the size when a side is outside {@link #MIN_SIDE}..{@link #MAX_SIDE}. */
    static BufferedImage canvas(int width, int height) {
        if (width < MIN_SIDE || width > MAX_SIDE || height < MIN_SIDE || height > MAX_SIDE) {
            throw new IllegalArgumentException("picture size " + width + "x" + height + " outside "
                    + MIN_SIDE + ".." + MAX_SIDE + " pixels a side");
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    /** Graphics for text and lines; shapes that must stay crisp are drawn without antialiasing. */
    static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        return g;
    }

    /** A step of 1, 2 or 5 times a power of ten that cuts {@code span} into at most about {@code count} parts. */
    static double niceStep(double span, int count) {
        double raw = Math.max(span, 1e-12) / Math.max(1, count);
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5}) {
            if (m * power >= raw) {
                return m * power;
            }
        }
        return 10 * power;
    }

    /** A tick label: no decimals for whole numbers, else as few as the step needs. */
    static String label(double value, double step) {
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
        return String.format(java.util.Locale.ROOT, "%." + decimals + "f", value);
    }

    /** Writes the image as PNG, atomically. */
    static void writePng(BufferedImage image, Path png) throws IOException {
        AtomicFiles.write(png, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("this JDK has no PNG writer");
            }
        });
    }
}
