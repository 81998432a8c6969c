package io.muse4j.audio;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Draws a training log as loss curves: training loss on every step, validation loss where it was measured. */
public final class LossCurvePicture {
    static final Color TRAINING = new Color(0x1F77B4);
    static final Color VALIDATION = new Color(0xFF7F0E);
    static final int LEFT = 56;
    static final int RIGHT = 14;
    static final int TOP = 26;
    static final int BOTTOM = 36;

    private LossCurvePicture() {
    }

    /** Draws and writes the curves as PNG, atomically. */
    public static void write(TrainingLog log, int width, int height, Path png) throws IOException {
        Pictures.writePng(draw(log, width, height), png);
    }

    /** Draws the curves on a {@code width} x {@code height} picture. */
    public static BufferedImage draw(TrainingLog log, int width, int height) {
        BufferedImage image = Pictures.canvas(width, height);
        Graphics2D g = Pictures.graphics(image);
        Frame frame = Frame.of(log.steps(), width, height);
        drawAxes(g, frame);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setStroke(new BasicStroke(1.5f));
        g.setColor(TRAINING);
        g.draw(curve(frame, log.steps(), TrainingLog.Step::loss));
        List<TrainingLog.Step> validated = log.steps().stream().filter(TrainingLog.Step::validated).toList();
        g.setColor(VALIDATION);
        g.draw(curve(frame, validated, TrainingLog.Step::validationLoss));
        for (TrainingLog.Step s : validated) {
            g.fillOval((int) Math.round(frame.x(s.step())) - 3, (int) Math.round(frame.y(s.validationLoss())) - 3,
                    6, 6);
        }
        drawLegend(g, validated.isEmpty());
        g.dispose();
        return image;
    }

    /** The plotting area and the data ranges it shows. */
    record Frame(int width, int height, double minStep, double maxStep, double minLoss, double maxLoss) {
        static Frame of(List<TrainingLog.Step> steps, int width, int height) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (TrainingLog.Step s : steps) {
                for (double v : new double[] {s.loss(), s.validationLoss()}) {
                    if (Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
            if (!(lo <= hi)) { // no finite loss at all
                lo = 0;
                hi = 1;
            }
            double pad = hi > lo ? (hi - lo) * 0.05 : 0.5;
            double first = steps.get(0).step();
            double last = Math.max(first + 1, steps.get(steps.size() - 1).step());
            return new Frame(width, height, first, last, lo - pad, hi + pad);
        }

        double x(double step) {
            return LEFT + (step - minStep) / (maxStep - minStep) * (width - LEFT - RIGHT);
        }

        double y(double loss) {
            return TOP + (maxLoss - loss) / (maxLoss - minLoss) * (height - TOP - BOTTOM);
        }
    }

    /** A polyline through the finite values; a NaN or infinite loss breaks it. */
    private static Path2D curve(Frame frame, List<TrainingLog.Step> steps, ToDoubleFunction<TrainingLog.Step> loss) {
        Path2D.Double path = new Path2D.Double();
        boolean drawing = false;
        for (TrainingLog.Step s : steps) {
            double v = loss.applyAsDouble(s);
            if (!Double.isFinite(v)) {
                drawing = false;
            } else if (drawing) {
                path.lineTo(frame.x(s.step()), frame.y(v));
            } else {
                path.moveTo(frame.x(s.step()), frame.y(v));
                drawing = true;
            }
        }
        return path;
    }

    private static void drawAxes(Graphics2D g, Frame f) {
        int bottom = f.height() - BOTTOM;
        int right = f.width() - RIGHT;
        double lossStep = Pictures.niceStep(f.maxLoss() - f.minLoss(), Math.max(2, (bottom - TOP) / 40));
        for (double v = Math.ceil(f.minLoss() / lossStep) * lossStep; v <= f.maxLoss(); v += lossStep) {
            int y = (int) Math.round(f.y(v));
            g.setColor(Pictures.GRID);
            g.drawLine(LEFT, y, right, y);
            String text = Pictures.label(v, lossStep);
            g.setColor(Pictures.TEXT);
            g.drawString(text, LEFT - 4 - g.getFontMetrics().stringWidth(text), y + 4);
        }
        double stepStep = Math.max(1, Pictures.niceStep(f.maxStep() - f.minStep(), Math.max(2, (right - LEFT) / 80)));
        for (double s = Math.ceil(f.minStep() / stepStep) * stepStep; s <= f.maxStep(); s += stepStep) {
            int x = (int) Math.round(f.x(s));
            g.setColor(Pictures.GRID);
            g.drawLine(x, TOP, x, bottom);
            String text = Pictures.label(s, stepStep);
            g.setColor(Pictures.TEXT);
            g.drawString(text, x - g.getFontMetrics().stringWidth(text) / 2, bottom + 14);
        }
        g.setColor(Pictures.TEXT);
        g.drawRect(LEFT, TOP, right - LEFT, bottom - TOP);
        g.drawString("step", (LEFT + right) / 2 - 10, bottom + 30);
        g.drawString("loss", 6, TOP - 10);
    }

    private static void drawLegend(Graphics2D g, boolean trainingOnly) {
        int x = LEFT + 50;
        for (String name : trainingOnly ? new String[] {"training"} : new String[] {"training", "validation"}) {
            g.setColor(name.equals("training") ? TRAINING : VALIDATION);
            g.fillRect(x, TOP - 16, 14, 4);
            g.setColor(Pictures.TEXT);
            g.drawString(name, x + 18, TOP - 10);
            x += 30 + g.getFontMetrics().stringWidth(name);
        }
    }
}
