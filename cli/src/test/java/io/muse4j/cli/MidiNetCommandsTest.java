package io.muse4j.cli;

import io.muse4j.models.ModelKinds;
import io.muse4j.core.testing.SharedCorpora;
import io.muse4j.midi.MidiReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** train --model midinet on a few Nottingham tunes and generate from it with --chords, with their errors. */
class MidiNetCommandsTest {
    @TempDir
    static Path dir;
    static Path corpus;
    static Path model;
    static Path unconditioned;
    static CliRun training;

    @BeforeAll
    static void trainTinyMidiNets() throws Exception {
        Path midi = SharedCorpora.resolve("nottingham/MIDI");
        List<String> tunes = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            tunes.add(midi.resolve("reelsa-c" + i + ".mid").toString());
        }
        tunes.add(midi.resolve("jigs1.mid").toString()); // 6/8: no bars for MidiNet
        corpus = Files.write(dir.resolve("tunes.txt"), tunes);
        model = dir.resolve("midinet.m4j");
        training = train(model, "--steps", "12");
        unconditioned = dir.resolve("plain.m4j");
        CliRun plain = train(unconditioned, "--steps", "2", "--no-chords");
        assertEquals(0, plain.code(), plain.err());
    }

    private static CliRun train(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("train", "--model", "midinet", "--corpus", corpus.toString(),
                "--out", out.toString(), "--hidden", "8", "--noise", "4", "--batch", "8", "--pretrain", "6",
                "--val-every", "6", "--checkpoint-every", "6", "--valid-fraction", "0.25", "--warmup", "0",
                "--transpose", "1", "--g-steps", "2"));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(new String[0]));
    }

    @Test
    void trainingWritesTheModelItsCheckpointAndALogWithBothSidesMeasures() throws Exception {
        assertEquals(0, training.code(), training.err());
        assertTrue(training.out().startsWith(model + ": 12 steps, generator loss "), training.out());
        assertTrue(Files.exists(dir.resolve("midinet.m4j.ckpt")));
        List<String> log = Files.readAllLines(dir.resolve("midinet.m4j.log.csv"));
        assertEquals(13, log.size());
        assertTrue(log.get(0).endsWith(",d_loss,d_real,d_fake,d_accuracy,d_trained,distinct,g_pretrain_loss,g_loss"));
        double distance = Double.parseDouble(log.get(6).split(",")[4]);
        assertTrue(distance > 0 && distance <= 1, log.get(6));
        Map<String, String> summary = ModelKinds.load(model).training();
        assertEquals("2", summary.get("validPieces"));
        assertTrue(Integer.parseInt(summary.get("trainBars")) > 6 * 3 * 16, summary.toString());
    }

    @Test
    void generateFollowsChordsAndAPrimerAndTheSameSeedGivesTheSameFile() throws Exception {
        Path a = dir.resolve("a.mid");
        Path b = dir.resolve("b.mid");
        for (Path out : List.of(a, b)) {
            CliRun run = CliRun.of("generate", "--model", model.toString(), "--chords", "C G Am F", "--bars", "4",
                    "--seed", "5", "--out", out.toString());
            assertEquals(0, run.code(), run.err());
            assertEquals(out + "\n", run.out());
        }
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        assertTrue(MidiReader.read(a).sequence().endTick() <= 4 * 4 * 96);
        CliRun primed = CliRun.of("generate", "--model", unconditioned.toString(), "--primer",
                SharedCorpora.resolve("nottingham/MIDI/reelsa-c9.mid").toString(), "--count", "2", "--out",
                dir.resolve("c.mid").toString());
        assertEquals(0, primed.code(), primed.err());
        assertEquals(dir.resolve("c-1.mid") + "\n" + dir.resolve("c-2.mid") + "\n", primed.out());
    }

    @Test
    void misusedOptionsGetOneLine() {
        String out = dir.resolve("x.mid").toString();
        assertError(2, "muse4j: --chords needs a chord-conditioned model; " + unconditioned
                + " is a midinet model trained without chords", "generate", "--model", unconditioned.toString(),
                "--chords", "C G", "--out", out);
        assertError(2, "muse4j: --chords: unknown chord symbol 'Hm'", "generate", "--model", model.toString(),
                "--chords", "C Hm", "--out", out);
        assertError(2, "muse4j: --steps is not for " + model + ", a midinet model", "generate", "--model",
                model.toString(), "--steps", "8", "--out", out);
        assertError(2, "muse4j: --bars 5000 must be at least 1 and at most 4096", "generate", "--model", model.toString(), "--bars",
                "5000", "--out", out);
        assertError(1, "muse4j: " + SharedCorpora.resolve("nottingham/MIDI/jigs1.mid") + ": has no bar of 4/4",
                "generate", "--model", model.toString(), "--primer",
                SharedCorpora.resolve("nottingham/MIDI/jigs1.mid").toString(), "--out", out);
        String m4j = dir.resolve("x.m4j").toString();
        assertError(2, "muse4j: --lambda1 is not an option of 'muse4j train crnngan'"
                + "; it is for train midinet (see 'muse4j train crnngan --help')",
                "train", "--model", "crnngan", "--corpus",
                corpus.toString(), "--out", m4j, "--lambda1", "0.5");
        assertError(2, "muse4j: --layers is not an option of 'muse4j train midinet'"
                + "; it is for train lstm, transformer, vae, crnngan, lookback, anticipation, deephear "
                + "(see 'muse4j train midinet --help')",
                "train", "--model", "midinet", "--corpus",
                corpus.toString(), "--out", m4j, "--layers", "2");
        assertError(2, "muse4j: --lambda1 -1.0 must be at least 0 and at most 1000", "train", "--model",
                "midinet", "--corpus", corpus.toString(), "--out", m4j, "--lambda1", "-1");
    }

    private static void assertError(int code, String line, String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(code, run.code(), run.err());
        assertEquals(1, run.errLines().length, run.err());
        assertTrue(run.errLines()[0].startsWith(line), run.err());
    }
}
