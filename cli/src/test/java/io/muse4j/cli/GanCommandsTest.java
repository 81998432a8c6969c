package io.muse4j.cli;

import io.muse4j.models.ModelKinds;
import io.muse4j.core.score.SyntheticScores;
import io.muse4j.core.testing.SharedCorpora;
import io.muse4j.midi.MidiReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** train --model crnngan and generate from it end to end on a tiny corpus, with their errors. */
class GanCommandsTest {
    @TempDir
    static Path dir;
    static Path corpus;
    static Path model;
    static CliRun training;

    @BeforeAll
    static void trainATinyGan() throws Exception {
        corpus = Files.createDirectories(dir.resolve("corpus"));
        for (int i = 0; i < 6; i++) {
            Muse4jTest.write(corpus, "tune" + i + ".mid", SyntheticScores.melody(i, 40, 55, 79, 4));
        }
        model = dir.resolve("gan.m4j");
        training = CliRun.of("train", "--model", "crnngan", "--corpus", corpus.toString(), "--out", model.toString(),
                "--hidden", "12", "--d-hidden", "8", "--layers", "1", "--noise", "4", "--batch", "4", "--seq-len", "8",
                "--steps", "20", "--pretrain", "10", "--d-steps", "2", "--g-lr", "0.001", "--d-lr", "0.004",
                "--val-every", "10", "--checkpoint-every", "10", "--valid-fraction", "0.2", "--warmup", "0");
    }

    @Test
    void trainingWritesTheModelItsCheckpointAndALogWithBothSidesMeasures() throws Exception {
        assertEquals(0, training.code(), training.err());
        assertTrue(training.out().startsWith(model + ": 20 steps, generator loss "), training.out());
        assertTrue(training.out().contains("best validation distance"), training.out());
        assertTrue(Files.exists(dir.resolve("gan.m4j.ckpt")));
        List<String> log = Files.readAllLines(dir.resolve("gan.m4j.log.csv"));
        assertEquals("step,loss,learning_rate,targets,validation_loss,d_loss,d_real,d_fake,d_accuracy,d_trained,"
                + "distinct,g_pretrain_loss,g_loss", log.get(0));
        assertEquals(21, log.size());
        String number = "[0-9.e-]+";
        String sides = ("," + number).repeat(6); // d_loss, d_real, d_fake, d_accuracy, d_trained, distinct
        String start = "[0-9]+," + number + "," + number + ",32,";
        assertTrue(log.get(10).matches(start + number + sides + "," + number + ","), log.get(10)); // validated, pre-training
        assertTrue(log.get(19).matches(start + sides + ",," + number), log.get(19)); // adversarial
        CliRun resumed = CliRun.of("train", "--model", "crnngan", "--corpus", corpus.toString(), "--out",
                model.toString(), "--hidden", "12", "--d-hidden", "8", "--layers", "1", "--noise", "4", "--batch", "4",
                "--seq-len", "8", "--steps", "20", "--pretrain", "10", "--d-steps", "2", "--g-lr", "0.001",
                "--d-lr", "0.004", "--val-every", "10", "--valid-fraction", "0.2", "--warmup", "0", "--resume");
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().startsWith(model + ": 20 steps (already finished: nothing left to train), best "
                + "validation distance "), resumed.out());
        assertEquals(log, Files.readAllLines(dir.resolve("gan.m4j.log.csv")));
    }

    @Test
    void theSameSeedGivesTheSameFileAndBarsBoundTheLength() throws Exception {
        Path a = dir.resolve("a.mid");
        Path b = dir.resolve("b.mid");
        CliRun first = CliRun.of("generate", "--model", model.toString(), "--bars", "2", "--seed", "5", "--out",
                a.toString());
        assertEquals(0, first.code(), first.err());
        assertEquals(a + "\n", first.out());
        CliRun second = CliRun.of("generate", "--model", model.toString(), "--bars", "2", "--seed", "5", "--out",
                b.toString());
        assertEquals(0, second.code(), second.err());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        assertTrue(MidiReader.read(a).sequence().notes().stream().allMatch(n -> n.startTick() < 2 * 4 * 480));
        CliRun many = CliRun.of("generate", "--model", model.toString(), "--steps", "12", "--count", "2", "--out",
                dir.resolve("c.mid").toString());
        assertEquals(0, many.code(), many.err());
        assertEquals(dir.resolve("c-1.mid") + "\n" + dir.resolve("c-2.mid") + "\n", many.out());
        assertEquals(12, MidiReader.read(dir.resolve("c-2.mid")).sequence().notes().size());
    }

    @Test
    void itTrainsOnRealPolyphonicMusic() throws Exception {
        Path chorales = SharedCorpora.resolve("polyphonic-pianoroll/jsb_chorales.train.json");
        Path out = dir.resolve("jsb.m4j");
        CliRun run = CliRun.of("train", "--model", "crnngan", "--corpus", chorales.toString(), "--grid", "quarter",
                "--out", out.toString(), "--hidden", "8", "--layers", "1", "--noise", "2", "--batch", "8", "--seq-len",
                "16", "--steps", "4", "--pretrain", "2", "--val-every", "2", "--warmup", "0");
        assertEquals(0, run.code(), run.err());
        Map<String, String> summary = ModelKinds.load(out).training();
        assertEquals("229", summary.get("trainPieces"));
        assertEquals("76", summary.get("validPieces"));
        List<String> log = Files.readAllLines(dir.resolve("jsb.m4j.log.csv"));
        double distance = Double.parseDouble(log.get(4).split(",")[4]);
        assertTrue(distance > 0 && distance <= 1, log.get(4));
    }

    @Test
    void misusedOptionsGetOneLine() {
        assertError(2, "muse4j: --chords: unknown chord symbol 'Hm': a chord starts with its root, a letter A-G",
                "generate", "--model", model.toString(), "--chords", "C G Hm F", "--out", "x.mid");
        assertError(2, "muse4j: --chords needs a chord-conditioned model; " + model + " is a crnngan model",
                "generate", "--model", model.toString(), "--chords", "C G Am F", "--out", "x.mid");
        assertError(2, "muse4j: --top-k is for token models; " + model + " is a crnngan model",
                "generate", "--model", model.toString(), "--top-k", "3", "--out", "x.mid");
        assertError(2, "muse4j: --d-steps is not an option of 'muse4j train lstm'"
                + "; it is for train crnngan, midinet (see 'muse4j train lstm --help')",
                "train", "--encoding", "melody", "--corpus",
                corpus.toString(), "--out", dir.resolve("x.m4j").toString(), "--d-steps", "2");
        assertError(2, "muse4j: --encoding is not an option of 'muse4j train crnngan'"
                + "; it is for train lstm, transformer, vae (see 'muse4j train crnngan --help')",
                "train", "--model", "crnngan", "--encoding",
                "melody", "--corpus", corpus.toString(), "--out", dir.resolve("x.m4j").toString());
        assertError(2, "muse4j: --encoding is required: one of melody, performance, pianoroll, remi", "train",
                "--corpus", corpus.toString(), "--out", dir.resolve("x.m4j").toString());
        assertError(2, "muse4j: --g-steps 0 must be at least 1 and at most 100", "train", "--model", "crnngan", "--corpus",
                corpus.toString(), "--out", dir.resolve("x.m4j").toString(), "--g-steps", "0");
    }

    private static void assertError(int code, String line, String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(code, run.code(), run.err());
        assertEquals(1, run.errLines().length, run.err());
        assertTrue(run.errLines()[0].startsWith(line), run.err());
    }
}
