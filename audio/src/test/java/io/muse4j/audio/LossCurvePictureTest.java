package io.muse4j.audio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LossCurvePictureTest {
    @TempDir
    Path dir;

    /** A log as CsvLog writes it: 100 steps, loss falling from 3 to 1, validated every 20 steps. */
    static String log(boolean validated) {
        StringBuilder csv = new StringBuilder("step,loss,learning_rate,targets,validation_loss\n");
        for (int step = 1; step <= 100; step++) {
            csv.append(step).append(',').append(3 - 2 * step / 100.0).append(",0.003,2048,")
                    .append(validated && step % 20 == 0 ? Double.toString(3.2 - 2 * step / 100.0) : "").append('\n');
        }
        return csv.toString();
    }

    @Test
    void readsStepsAndValidationsAndTheLaterRowOfARepeatedStep() throws Exception {
        Path file = Files.writeString(dir.resolve("a.log.csv"), log(true) + "100,0.5,0.003,2048,\n");
        TrainingLog log = TrainingLog.read(file);
        assertEquals(100, log.steps().size());
        // step 100 was validated, but the resumed run's row for it was not
        assertEquals(4, log.steps().stream().filter(TrainingLog.Step::validated).count());
        assertEquals(0.5, log.steps().get(99).loss(), "resumed run's row wins");
        assertEquals(2.98, log.steps().get(0).loss(), 1e-12);
    }

    @Test
    void badLogsNameTheFileAndLine() throws Exception {
        Path notALog = Files.writeString(dir.resolve("x.csv"), "a,b,c\n1,2,3\n");
        assertEquals(notALog + ": line 1: no 'step' column; a training log starts with "
                        + "'step,loss,learning_rate,targets,validation_loss'",
                assertThrows(TrainingLogFormatException.class, () -> TrainingLog.read(notALog)).getMessage());
        Path badNumber = Files.writeString(dir.resolve("y.csv"), log(false).replace("\n7,", "\n7x,"));
        assertEquals(badNumber + ": line 8: step '7x' is not a number",
                assertThrows(TrainingLogFormatException.class, () -> TrainingLog.read(badNumber)).getMessage());
        Path headerOnly = Files.writeString(dir.resolve("z.csv"), "step,loss,learning_rate,targets,validation_loss\n");
        assertThrows(TrainingLogFormatException.class, () -> TrainingLog.read(headerOnly));
    }

    @Test
    void drawsTrainingAndValidationCurves() throws Exception {
        Path png = dir.resolve("loss.png");
        LossCurvePicture.write(TrainingLog.read(Files.writeString(dir.resolve("a.csv"), log(true))), 640, 360, png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(640, image.getWidth());
        assertEquals(360, image.getHeight());
        LossCurvePicture.Frame frame = LossCurvePicture.Frame.of(TrainingLog.read(dir.resolve("a.csv")).steps(), 640, 360);
        // the training line passes through (50, 2.0), the validation line through (60, 2.0)
        assertTrue(near(image, frame.x(50), frame.y(2.0), LossCurvePicture.TRAINING));
        assertTrue(near(image, frame.x(60), frame.y(2.0), LossCurvePicture.VALIDATION));
        assertTrue(!near(image, frame.x(50), frame.y(1.0), LossCurvePicture.TRAINING), "nothing where no loss was");
    }

    @Test
    void aLogWithoutValidationsHasNoValidationColour() throws Exception {
        BufferedImage image = LossCurvePicture.draw(
                TrainingLog.read(Files.writeString(dir.resolve("a.csv"), log(false))), 640, 360);
        int validation = 0;
        int training = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                validation += close(new Color(image.getRGB(x, y)), LossCurvePicture.VALIDATION) ? 1 : 0;
                training += close(new Color(image.getRGB(x, y)), LossCurvePicture.TRAINING) ? 1 : 0;
            }
        }
        assertEquals(0, validation);
        assertTrue(training > 300, training + " training pixels");
    }

    /** Whether a pixel within 2 pixels of (x, y) has about the colour. */
    private static boolean near(BufferedImage image, double x, double y, Color colour) {
        for (int dx = -2; dx <= 2; dx++) {
            for (int dy = -2; dy <= 2; dy++) {
                if (close(new Color(image.getRGB((int) Math.round(x) + dx, (int) Math.round(y) + dy)), colour)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean close(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen())
                + Math.abs(a.getBlue() - b.getBlue()) < 40;
    }
}
