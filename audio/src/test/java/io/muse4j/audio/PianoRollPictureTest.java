package io.muse4j.audio;

import io.muse4j.audio.PianoRollPicture.TimeAxis;
import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PianoRollPictureTest {
    private static final int WIDTH = 800;
    private static final int HEIGHT = 400;
    private static final int PLOT_WIDTH = WIDTH - RollLayout.LEFT - RollLayout.RIGHT;

    @TempDir
    Path dir;

    /** Two bars of 4/4 at 480 ticks a quarter: C4 loud in bar 1 beat 1, E4 soft in bar 2 beat 1. */
    private static NoteSequence twoNotes() {
        return NoteSequence.builder(480).note(60, 127, 0, 480).note(64, 30, 1920, 480).build();
    }

    @Test
    void writesAPngOfTheAskedSize() throws Exception {
        Path png = dir.resolve("roll.png");
        PianoRollPicture.write(twoNotes(), TimeAxis.BARS, WIDTH, HEIGHT, png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(WIDTH, image.getWidth());
        assertEquals(HEIGHT, image.getHeight());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "the temporary file is gone");
        }
        assertThrows(IllegalArgumentException.class, () -> PianoRollPicture.draw(twoNotes(), TimeAxis.BARS, 10, 400));
    }

    @Test
    void notesAreColouredWhereTheyAreAndNowhereElse() {
        NoteSequence seq = twoNotes();
        BufferedImage image = PianoRollPicture.draw(seq, TimeAxis.BARS, WIDTH, HEIGHT);
        RollLayout layout = new RollLayout(seq, TimeAxis.BARS, WIDTH, HEIGHT);
        for (int x = RollLayout.LEFT; x < RollLayout.LEFT + PLOT_WIDTH; x++) {
            for (int y = RollLayout.TOP; y < RollLayout.TOP + layout.plotHeight(); y++) {
                boolean inNote = false;
                for (Note n : seq.notes()) {
                    inNote |= x >= layout.x(n.startTick()) - 1 && x <= layout.x(n.endTick()) + 1
                            && y >= layout.rowTop(n.pitch()) - 1 && y <= layout.rowTop(n.pitch() - 1) + 1;
                }
                if (!inNote) {
                    assertFalse(coloured(image.getRGB(x, y)), "colour at " + x + "," + y + " outside every note");
                }
            }
        }
        // bar 1 of 2 spans the left half: C4 covers the first quarter of it; E4 starts in the middle
        int c4 = centreOfRow(layout, 60);
        assertEquals(PianoRollPicture.trackColour(0).getRGB(), image.getRGB(RollLayout.LEFT + PLOT_WIDTH / 16, c4));
        assertFalse(coloured(image.getRGB(RollLayout.LEFT + PLOT_WIDTH * 3 / 16, c4)), "C4 has ended");
        int e4 = centreOfRow(layout, 64);
        assertTrue(coloured(image.getRGB(RollLayout.LEFT + PLOT_WIDTH * 9 / 16, e4)));
        assertFalse(coloured(image.getRGB(RollLayout.LEFT + PLOT_WIDTH * 7 / 16, e4)), "E4 has not begun");
    }

    @Test
    void softerNotesArePalerAndTracksDiffer() {
        NoteSequence seq = twoNotes().toBuilder().note(new Note(67, 127, 0, 480, 0, 0, false, 1)).build();
        BufferedImage image = PianoRollPicture.draw(seq, TimeAxis.BARS, WIDTH, HEIGHT);
        RollLayout layout = new RollLayout(seq, TimeAxis.BARS, WIDTH, HEIGHT);
        Color loud = new Color(image.getRGB(RollLayout.LEFT + PLOT_WIDTH / 16, centreOfRow(layout, 60)));
        Color soft = new Color(image.getRGB(RollLayout.LEFT + PLOT_WIDTH * 9 / 16, centreOfRow(layout, 64)));
        Color otherTrack = new Color(image.getRGB(RollLayout.LEFT + PLOT_WIDTH / 16, centreOfRow(layout, 67)));
        assertTrue(brightness(soft) > brightness(loud) + 100, soft + " is not paler than " + loud);
        assertTrue(Math.abs(hue(soft) - hue(loud)) < 0.02, "one track, one hue: " + soft + " " + loud);
        assertTrue(Math.abs(hue(otherTrack) - hue(loud)) > 0.05, "another track, another hue: " + otherTrack);
    }

    @Test
    void secondsFollowTheTempoWhereBarsDoNot() {
        // 120 bpm for 1 s, then 60 bpm: bar 2 (tick 1920) starts at 3.0 s of 4.0 s, but halfway through the bars
        NoteSequence seq = NoteSequence.builder(480).tempoBpm(0, 120).tempoBpm(960, 60)
                .note(60, 127, 0, 480).note(64, 127, 1920, 480).build();
        for (TimeAxis axis : TimeAxis.values()) {
            BufferedImage image = PianoRollPicture.draw(seq, axis, WIDTH, HEIGHT);
            int row = centreOfRow(new RollLayout(seq, axis, WIDTH, HEIGHT), 64);
            int x = RollLayout.LEFT;
            while (!coloured(image.getRGB(x, row))) {
                x++;
            }
            double expected = axis == TimeAxis.BARS ? 0.5 : 0.75;
            assertEquals(expected, (x - RollLayout.LEFT) / (double) PLOT_WIDTH, 0.01, axis.toString());
        }
    }

    @Test
    void axesAreLabelled() {
        BufferedImage image = PianoRollPicture.draw(twoNotes(), TimeAxis.BARS, WIDTH, HEIGHT);
        int c4 = centreOfRow(new RollLayout(twoNotes(), TimeAxis.BARS, WIDTH, HEIGHT), 60);
        assertTrue(darkPixels(image, 0, RollLayout.LEFT, c4 - 5, c4 + 5) > 10, "a name beside C4");
        int axis = HEIGHT - RollLayout.BOTTOM;
        int bar2 = RollLayout.LEFT + PLOT_WIDTH / 2;
        assertTrue(darkPixels(image, bar2 - 8, bar2 + 8, axis + 2, axis + 16) > 5, "a number under bar 2");
    }

    private static int darkPixels(BufferedImage image, int x0, int x1, int y0, int y1) {
        int dark = 0;
        for (int x = x0; x < x1; x++) {
            for (int y = y0; y <= y1; y++) {
                dark += brightness(new Color(image.getRGB(x, y))) < 300 ? 1 : 0;
            }
        }
        return dark;
    }

    private static int centreOfRow(RollLayout layout, int pitch) {
        return (int) Math.round((layout.rowTop(pitch) + layout.rowTop(pitch - 1)) / 2);
    }

    /** Whether a pixel has colour, rather than being white, grey or black. */
    static boolean coloured(int rgb) {
        Color c = new Color(rgb);
        int max = Math.max(c.getRed(), Math.max(c.getGreen(), c.getBlue()));
        int min = Math.min(c.getRed(), Math.min(c.getGreen(), c.getBlue()));
        return max - min > 30;
    }

    private static int brightness(Color c) {
        return c.getRed() + c.getGreen() + c.getBlue();
    }

    private static float hue(Color c) {
        return Color.RGBtoHSB(c.getRed(), c.getGreen(), c.getBlue(), null)[0];
    }
}
