package io.muse4j.audio;

import io.muse4j.audio.signal.MonoAudio;
import io.muse4j.audio.signal.SyntheticAudio;
import io.muse4j.audio.spectrogram.CqtEncoder;
import io.muse4j.audio.spectrogram.CqtSettings;
import io.muse4j.audio.spectrogram.Spectrogram;
import io.muse4j.audio.spectrogram.StftEncoder;
import io.muse4j.audio.spectrogram.StftSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpectrogramPictureTest {
    private static final int WIDTH = 700;
    private static final int HEIGHT = 400;
    private static final int PLOT_WIDTH = WIDTH - SpectrogramPicture.LEFT - SpectrogramPicture.RIGHT;
    private static final int PLOT_HEIGHT = HEIGHT - SpectrogramPicture.TOP - SpectrogramPicture.BOTTOM;

    @TempDir
    Path dir;

    /** Three seconds: silence, a 2,000 Hz tone from 1 s to 2 s, silence. */
    private static Spectrogram toneInTheMiddle() {
        MonoAudio tone = SyntheticAudio.sine(2_000, 0.5, 3.0, 22_050);
        float[] x = tone.samples();
        for (int i = 0; i < x.length; i++) {
            x[i] = i >= 22_050 && i < 44_100 ? x[i] : 0;
        }
        return new StftEncoder(StftSettings.DEFAULT).encode(new MonoAudio(x, 22_050));
    }

    @Test
    void writesAPngOfTheAskedSize() throws Exception {
        Path png = dir.resolve("spec.png");
        SpectrogramPicture.write(toneInTheMiddle(), WIDTH, HEIGHT, png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(WIDTH, image.getWidth());
        assertEquals(HEIGHT, image.getHeight());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "the temporary file is gone");
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SpectrogramPicture.draw(toneInTheMiddle(), 100,
                400)).getMessage().contains("leaves no room"));
    }

    @Test
    void theToneIsBrightWhereAndWhenItSounds() {
        Spectrogram s = toneInTheMiddle();
        BufferedImage image = SpectrogramPicture.draw(s, WIDTH, HEIGHT);
        double nyquist = 11_025;
        int y = SpectrogramPicture.TOP + (int) Math.round((1 - 2_000 / nyquist) * PLOT_HEIGHT);
        Color loudest = SpectrogramPicture.shade(0);
        Color quietest = SpectrogramPicture.shade(SpectrogramPicture.RANGE_DB);
        int during = SpectrogramPicture.LEFT + PLOT_WIDTH / 2;
        boolean found = false;
        for (int dy = -2; dy <= 2; dy++) { // the row of the tone's own bin, give or take rounding
            found |= new Color(image.getRGB(during, y + dy)).equals(loudest);
        }
        assertTrue(found, "the tone at 1.5 s is the loudest colour");
        for (int x : new int[] {SpectrogramPicture.LEFT + PLOT_WIDTH / 6, SpectrogramPicture.LEFT + PLOT_WIDTH * 5 / 6}) {
            assertEquals(quietest, new Color(image.getRGB(x, y)), "silence at x " + x);
        }
        int farBelow = SpectrogramPicture.TOP + PLOT_HEIGHT * 9 / 10; // about 1 kHz
        assertEquals(quietest, new Color(image.getRGB(during, farBelow)), "no sound far from the tone");
    }

    @Test
    void axesAreLabelled() {
        BufferedImage image = SpectrogramPicture.draw(toneInTheMiddle(), WIDTH, HEIGHT);
        int bottom = HEIGHT - SpectrogramPicture.BOTTOM;
        assertTrue(dark(image, SpectrogramPicture.LEFT, WIDTH - SpectrogramPicture.RIGHT, bottom + 4, bottom + 16)
                > 30, "seconds under the plot");
        assertTrue(dark(image, 0, SpectrogramPicture.LEFT - 4, SpectrogramPicture.TOP, bottom) > 30, "Hz beside it");
        assertTrue(dark(image, WIDTH - SpectrogramPicture.RIGHT + 28, WIDTH, SpectrogramPicture.TOP, bottom) > 30,
                "dB beside the colour bar");
    }

    @Test
    void frequencyTicksFollowTheAxis() {
        assertEquals(List.of(0.0, 2_000.0, 4_000.0, 6_000.0, 8_000.0, 10_000.0),
                SpectrogramPicture.frequencyTicks(toneInTheMiddle()));
        Spectrogram cqt = new CqtEncoder(CqtSettings.DEFAULT).encode(new MonoAudio(new float[2_048], 22_050));
        assertEquals(List.of(50.0, 100.0, 200.0, 500.0, 1_000.0, 2_000.0), SpectrogramPicture.frequencyTicks(cqt));
        double[] hz = {100, 200, 400, 800};
        assertEquals(1.5, SpectrogramPicture.fractionalBin(hz, 300), 1e-12);
        assertEquals(0, SpectrogramPicture.fractionalBin(hz, 100), 1e-12);
    }

    private static int dark(BufferedImage image, int x0, int x1, int y0, int y1) {
        int n = 0;
        for (int x = x0; x < x1; x++) {
            for (int y = y0; y < y1; y++) {
                Color c = new Color(image.getRGB(x, y));
                n += c.getRed() + c.getGreen() + c.getBlue() < 300 ? 1 : 0;
            }
        }
        return n;
    }
}
