package io.muse4j.audio;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.PitchNames;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.TreeSet;

/**
 * Draws a score as a piano roll: one row per pitch (labelled with note names, black keys shaded), time in bars or
 * seconds, each track in its own colour, and louder notes in deeper shades of it.
 */
public final class PianoRollPicture {
    /** The unit of the time axis. */
    public enum TimeAxis { BARS, SECONDS }

    /** Track colours (Tableau 10), reused in turn beyond ten tracks. */
    private static final Color[] TRACK_COLOURS = {new Color(0x1F77B4), new Color(0xFF7F0E), new Color(0x2CA02C),
            new Color(0xD62728), new Color(0x9467BD), new Color(0x8C564B), new Color(0xE377C2), new Color(0x7F7F7F),
            new Color(0xBCBD22), new Color(0x17BECF)};
    private static final Color BLACK_KEY_ROW = new Color(0xF3, 0xF3, 0xF3);
    /** Pixels between time labels at least. */
    private static final int LABEL_SPACING = 48;

    private PianoRollPicture() {
    }

    /** Draws and writes the roll as PNG, atomically. */
    public static void write(NoteSequence seq, TimeAxis axis, int width, int height, Path png) throws IOException {
        Pictures.writePng(draw(seq, axis, width, height), png);
    }

    /** Draws the roll on a {@code width} x {@code height} picture. */
    public static BufferedImage draw(NoteSequence seq, TimeAxis axis, int width, int height) {
        BufferedImage image = Pictures.canvas(width, height);
        RollLayout layout = new RollLayout(seq, axis, width, height);
        Graphics2D g = Pictures.graphics(image);
        drawRows(g, layout);
        drawTimeGrid(g, seq, layout);
        for (Note note : seq.notes()) {
            g.setColor(shade(trackColour(note.track()), note.velocity()));
            int x0 = (int) Math.round(layout.x(note.startTick()));
            int x1 = Math.max(x0 + 1, (int) Math.round(layout.x(note.endTick())));
            x1 -= x1 - x0 > 3 ? 1 : 0; // a gap between repeated notes
            int y0 = (int) Math.round(layout.rowTop(note.pitch()));
            int y1 = Math.max(y0 + 1, (int) Math.round(layout.rowTop(note.pitch() - 1)));
            g.fillRect(x0, y0, x1 - x0, y1 - y0);
        }
        drawLegend(g, seq, layout);
        g.dispose();
        return image;
    }

    /** The colour of a track's notes at full velocity. */
    static Color trackColour(int track) {
        return TRACK_COLOURS[track % TRACK_COLOURS.length];
    }

    /** The colour mixed with white: a velocity of 127 gives the colour, softer notes paler shades of it. */
    static Color shade(Color colour, int velocity) {
        double t = 0.25 + 0.75 * velocity / 127.0;
        return new Color(mix(colour.getRed(), t), mix(colour.getGreen(), t), mix(colour.getBlue(), t));
    }

    private static int mix(int channel, double t) {
        return (int) Math.round(255 + (channel - 255) * t);
    }

    private static void drawRows(Graphics2D g, RollLayout layout) {
        boolean nameAll = layout.rowHeight() >= 11;
        for (int pitch = layout.lowPitch; pitch <= layout.highPitch; pitch++) {
            int y0 = (int) Math.round(layout.rowTop(pitch));
            int y1 = (int) Math.round(layout.rowTop(pitch - 1));
            if (PitchNames.isBlackKey(pitch)) {
                g.setColor(BLACK_KEY_ROW);
                g.fillRect(RollLayout.LEFT, y0, layout.plotWidth(), y1 - y0);
            }
            if (pitch % 12 == 0) {
                g.setColor(Pictures.GRID);
                g.drawLine(RollLayout.LEFT, y1 - 1, RollLayout.LEFT + layout.plotWidth(), y1 - 1);
            }
            if (nameAll || pitch % 12 == 0) {
                g.setColor(Pictures.TEXT);
                String name = PitchNames.withOctave(pitch);
                int baseline = (y0 + y1) / 2 + g.getFontMetrics().getAscent() / 2 - 1;
                g.drawString(name, RollLayout.LEFT - 4 - g.getFontMetrics().stringWidth(name), baseline);
            }
        }
    }

    /** Bar lines numbered from 1, or lines at round numbers of seconds; labels at least LABEL_SPACING apart. */
    private static void drawTimeGrid(Graphics2D g, NoteSequence seq, RollLayout layout) {
        boolean bars = layout.axis == TimeAxis.BARS;
        double step = bars ? 1 : Pictures.niceStep(layout.end, Math.max(1, layout.plotWidth() / LABEL_SPACING));
        long[] barStarts = bars ? seq.bars().starts((long) layout.end - 1) : new long[0];
        int count = bars ? barStarts.length : (int) Math.floor(layout.end / step + 1e-9) + 1;
        int bottom = RollLayout.TOP + layout.plotHeight();
        int lastLabel = -2 * LABEL_SPACING;
        for (int i = 0; i < count; i++) {
            double time = bars ? barStarts[i] : i * step;
            int x = (int) Math.round(layout.xAt(time));
            g.setColor(Pictures.GRID);
            g.drawLine(x, RollLayout.TOP, x, bottom);
            if (x - lastLabel >= LABEL_SPACING) {
                String text = bars ? Integer.toString(i + 1) : Pictures.label(time, step);
                g.setColor(Pictures.TEXT);
                g.drawString(text, x - g.getFontMetrics().stringWidth(text) / 2, bottom + 14);
                lastLabel = x;
            }
        }
        g.setColor(Pictures.TEXT);
        g.drawString(bars ? "bar" : "seconds", 4, bottom + 26);
    }

    /** Track names and colours, top right, when there is more than one track. */
    private static void drawLegend(Graphics2D g, NoteSequence seq, RollLayout layout) {
        TreeSet<Integer> tracks = new TreeSet<>();
        seq.notes().forEach(n -> tracks.add(n.track()));
        if (tracks.size() < 2) {
            return;
        }
        int y = RollLayout.TOP + 4;
        for (int track : tracks) {
            String name = seq.metadata().trackName(track).isEmpty() ? "track " + track
                    : seq.metadata().trackName(track);
            int x = layout.width - RollLayout.RIGHT - 16 - g.getFontMetrics().stringWidth(name);
            g.setColor(trackColour(track));
            g.fillRect(x, y, 10, 10);
            g.setColor(Pictures.TEXT);
            g.drawString(name, x + 14, y + 9);
            y += 14;
        }
    }
}
