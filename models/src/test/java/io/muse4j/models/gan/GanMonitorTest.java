package io.muse4j.models.gan;

import io.muse4j.models.training.CsvLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The GAN warnings on the progress output, and GAN measures in the CSV log. */
class GanMonitorTest {
    @TempDir
    Path dir;

    @Test
    void aLongStretchOfPerfectJudgementsOrCollapsedSamplesIsFlaggedOnce() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        GanMonitor monitor = new GanMonitor(new PrintStream(bytes, true, StandardCharsets.UTF_8), 5, false);
        for (int step = 0; step < 12; step++) {
            monitor.onMeasures(step, Map.of("d_accuracy", step < 3 ? 0.9 : 1.0, "d_real", 0.99, "d_fake", 0.01,
                    "distinct", step < 8 ? 1.0 : 0.2));
        }
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(1, lines.length, String.join("\n", lines));
        assertTrue(lines[0].startsWith("warning: step 8: the discriminator has judged every sequence right for 5 "
                + "steps (D(x) 0.990, D(G(z)) 0.010)"), lines[0]);
        for (int step = 12; step < 14; step++) {
            monitor.onMeasures(step, Map.of("d_accuracy", 0.5, "distinct", 0.2));
        }
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("warning: step 13: the samples have collapsed"),
                bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theLogHasAColumnPerMeasure() throws Exception {
        Path log = dir.resolve("gan.log.csv");
        try (CsvLog csv = new CsvLog(log, List.of("d_real", "d_fake"))) {
            csv.onMeasures(0, Map.of("d_real", 0.75, "d_fake", 0.25));
            csv.onStep(0, 2, 1.5, 0.01, 8);
            csv.onValidation(0, 0.5, true);
            csv.onMeasures(1, Map.of("d_fake", 0.5));
            csv.onStep(1, 2, 1.25, 0.01, 8);
        }
        assertEquals(List.of(CsvLog.HEADER + ",d_real,d_fake", "1,1.500000,0.0100000,8,0.500000,0.750000,0.250000",
                "2,1.250000,0.0100000,8,,,0.500000"), Files.readAllLines(log));
    }
}
