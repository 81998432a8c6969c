package io.muse4j.cli;

import io.muse4j.core.score.SyntheticScores;
import io.muse4j.midi.MidiReader;
import io.muse4j.models.ModelKinds;
import io.muse4j.models.training.Provenance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** train, generate and eval end to end on a tiny corpus, with their errors. */
class ModelCommandsTest {
    @TempDir
    static Path dir;
    static Path model;

    @BeforeAll
    static void trainATinyModel() throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        for (int i = 0; i < 6; i++) {
            Muse4jTest.write(corpus, "tune" + i + ".mid", SyntheticScores.melody(i, 40, 55, 79, 4));
        }
        Files.writeString(corpus.resolve("broken.mid"), "MThd");
        model = dir.resolve("tiny.m4j");
        CliRun run = CliRun.of("train", "--encoding", "melody", "--corpus", corpus.toString(), "--out", model.toString(),
                "--hidden", "16", "--layers", "1", "--embedding", "8", "--batch", "4", "--seq-len", "16",
                "--steps", "30", "--val-every", "10", "--checkpoint-every", "10", "--valid-fraction", "0.2");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().startsWith(model + ": 30 steps, training loss "), run.out());
        assertTrue(Files.exists(dir.resolve("tiny.m4j.ckpt")));
        assertTrue(Files.readString(dir.resolve("tiny.m4j.log.csv")).lines().count() == 31);
    }

    @Test
    void aFreshRunRefusesToReplaceATrainedModel() throws Exception {
        byte[] trained = Files.readAllBytes(model);
        String corpus = dir.resolve("corpus").toString();
        CliRun again = CliRun.of("train", "--encoding", "melody", "--corpus", corpus, "--out", model.toString(),
                "--hidden", "16", "--layers", "1", "--steps", "5");
        assertEquals(2, again.code(), again.err());
        assertEquals("muse4j: " + model + " exists: --resume continues that run, --overwrite starts afresh\n",
                again.err());
        CliRun both = CliRun.of("train", "--encoding", "melody", "--corpus", corpus, "--out", model.toString(),
                "--resume", "--overwrite");
        assertEquals(2, both.code(), both.err());
        assertEquals("muse4j: --resume and --overwrite exclude each other\n", both.err());
        assertArrayEquals(trained, Files.readAllBytes(model));

        Path copy = Files.copy(model, dir.resolve("copy.m4j"));
        CliRun overwritten = CliRun.of("train", "--encoding", "melody", "--corpus", corpus, "--out", copy.toString(),
                "--hidden", "16", "--layers", "1", "--embedding", "8", "--batch", "4", "--seq-len", "16",
                "--steps", "3", "--val-every", "10", "--overwrite");
        assertEquals(0, overwritten.code(), overwritten.err());
        assertTrue(overwritten.out().matches(java.util.regex.Pattern.quote(copy + ": 3 steps, training loss ")
                + "[0-9.]+, no validation ran\n"), overwritten.out());
        assertEquals(4, Files.readAllLines(dir.resolve("copy.m4j.log.csv")).size());
        Files.delete(dir.resolve("copy.m4j.ckpt"));
        CliRun noCheckpoint = CliRun.of("train", "--encoding", "melody", "--corpus", corpus, "--out", copy.toString(),
                "--resume");
        assertEquals(2, noCheckpoint.code(), noCheckpoint.err());
        assertEquals("muse4j: " + copy + " has no checkpoint copy.m4j.ckpt to resume from: --overwrite starts afresh\n",
                noCheckpoint.err());
    }

    @Test
    void aModelRecordsWhereItCameFromAndAResumeMustRepeatIt() throws Exception {
        Provenance provenance = ModelKinds.load(model).provenance().orElseThrow();
        assertEquals("lstm", provenance.kind());
        assertEquals("16", provenance.options().get("--hidden"));
        assertEquals("0.2", provenance.options().get("--valid-fraction"));
        assertEquals("melody", provenance.options().get("--encoding").toLowerCase(java.util.Locale.ROOT));
        assertEquals(6 + 1, provenance.corpusFiles());
        assertEquals(64, provenance.corpusSha256().length());

        byte[] trained = Files.readAllBytes(model);
        CliRun changed = CliRun.of("train", "--encoding", "melody", "--corpus", dir.resolve("corpus").toString(),
                "--out", model.toString(), "--hidden", "16", "--layers", "1", "--embedding", "8", "--batch", "4",
                "--seq-len", "16", "--steps", "30", "--val-every", "10", "--checkpoint-every", "10",
                "--valid-fraction", "0.2", "--lr", "0.01", "--seed", "2", "--resume");
        assertEquals(2, changed.code(), changed.err());
        assertEquals("muse4j: --resume with what differs from the run in tiny.m4j.run.json: --lr 0.002 -> 0.01, "
                + "--seed 1 -> 2 (--overwrite starts afresh)\n", changed.err());
        assertArrayEquals(trained, Files.readAllBytes(model));
    }

    @Test
    void theSameSeedGivesTheSameFileByteForByte() throws Exception {
        Path a = dir.resolve("a.mid");
        Path b = dir.resolve("b.mid");
        CliRun first = CliRun.of("generate", "--model", model.toString(), "--bars", "2", "--seed", "5", "--out", a.toString());
        assertEquals(0, first.code(), first.err());
        assertEquals(a + "\n", first.out());
        CliRun second = CliRun.of("generate", "--model", model.toString(), "--bars", "2", "--seed", "5", "--out", b.toString());
        assertEquals(0, second.code(), second.err());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        assertTrue(MidiReader.read(a).sequence().endTick() <= 2 * 4 * 480 + 480);
        CliRun many = CliRun.of("generate", "--model", model.toString(), "--steps", "20", "--count", "2", "--top-k", "3",
                "--top-p", "0.9", "--temperature", "0.8", "--primer", a.toString(), "--out", dir.resolve("c.mid").toString());
        assertEquals(0, many.code(), many.err());
        assertEquals(dir.resolve("c-1.mid") + "\n" + dir.resolve("c-2.mid") + "\n", many.out());
    }

    @Test
    void aTransformerTrainsGeneratesAndEvaluates() throws Exception {
        Path transformer = dir.resolve("tiny-transformer.m4j");
        CliRun train = CliRun.of("train", "--model", "transformer", "--encoding", "melody", "--corpus",
                dir.resolve("corpus").toString(), "--out", transformer.toString(), "--hidden", "16", "--heads", "2",
                "--layers", "1", "--batch", "4", "--seq-len", "16", "--steps", "20", "--valid-fraction", "0.2");
        assertEquals(0, train.code(), train.err());
        assertTrue(train.out().startsWith(transformer + ": 20 steps"), train.out());
        Path out = dir.resolve("transformer.mid");
        CliRun generate = CliRun.of("generate", "--model", transformer.toString(), "--steps", "40", "--top-p", "0.9",
                "--beam", "2", "--out", out.toString());
        assertEquals(0, generate.code(), generate.err());
        assertTrue(MidiReader.read(out).sequence().notes().size() > 0);
        CliRun eval = CliRun.of("eval", "--model", transformer.toString(), "--corpus", dir.resolve("corpus").toString(),
                "--split", "valid", "--json");
        assertEquals(0, eval.code(), eval.err());
        assertTrue(eval.out().contains("\"nllUnit\":\"nats per token\""), eval.out());
        CliRun lstmOptions = CliRun.of("train", "--encoding", "melody", "--corpus", dir.resolve("corpus").toString(),
                "--out", dir.resolve("x.m4j").toString(), "--heads", "4");
        assertEquals(2, lstmOptions.code());
        assertEquals("muse4j: --heads is not an option of 'muse4j train lstm'"
                + "; it is for train transformer (see 'muse4j train lstm --help')\n",
                lstmOptions.err());
        CliRun badHeads = CliRun.of("train", "--model", "transformer", "--encoding", "melody", "--corpus",
                dir.resolve("corpus").toString(), "--out", dir.resolve("x.m4j").toString(), "--hidden", "30");
        assertEquals(2, badHeads.code());
        assertEquals("muse4j: model width 30 does not split into 8 heads\n", badHeads.err());
    }

    /**
     * An RNN-NADE (the LSTM over piano-roll frames with a NADE head) trained, generating and evaluated; an RNN-RBM
     * trained and evaluated by its estimate.
     */
    @Test
    void pianoRollModelsWithJointHeadsTrainGenerateAndEvaluate() throws Exception {
        Path nade = dir.resolve("tiny-nade.m4j");
        String corpus = dir.resolve("corpus").toString();
        CliRun train = CliRun.of("train", "lstm", "--encoding", "pianoroll", "--corpus", corpus, "--out",
                nade.toString(), "--hidden", "16", "--layers", "1", "--head", "NADE", "--head-hidden", "8", "--batch",
                "4", "--seq-len", "16", "--steps", "20", "--valid-fraction", "0.2");
        assertEquals(0, train.code(), train.err());
        assertTrue(train.out().startsWith(nade + ": 20 steps"), train.out());
        Path out = dir.resolve("nade.mid");
        CliRun generate = CliRun.of("generate", "--model", nade.toString(), "--bars", "2", "--seed", "4", "--out",
                out.toString());
        assertEquals(0, generate.code(), generate.err());
        assertEquals(out + "\n", generate.out());
        io.muse4j.core.score.NoteSequence piece = MidiReader.read(out).sequence();
        assertTrue(piece.notes().size() > 0);
        assertTrue(piece.notes().stream().allMatch(n -> n.endTick() <= 2 * 4 * piece.resolution()),
                "two bars of 4/4: " + piece.notes());
        CliRun eval = CliRun.of("eval", "--model", nade.toString(), "--corpus", corpus, "--split", "valid");
        assertEquals(0, eval.code(), eval.err());
        assertTrue(eval.out().contains(" nats per frame (exact), frame accuracy "), eval.out());
        CliRun temperature = CliRun.of("generate", "--model", nade.toString(), "--temperature", "0.5", "--out",
                dir.resolve("t.mid").toString());
        assertEquals(2, temperature.code());
        assertEquals("muse4j: --temperature is for token models; " + nade + " is a piano-roll model\n",
                temperature.err());
        Path rbm = dir.resolve("tiny-rbm.m4j");
        CliRun rnnRbm = CliRun.of("train", "lstm", "--encoding", "pianoroll", "--corpus", corpus, "--out",
                rbm.toString(), "--hidden", "16", "--layers", "1", "--head", "RBM", "--head-hidden", "8", "--cd-k", "2",
                "--batch", "4", "--seq-len", "16", "--steps", "10", "--val-every", "5", "--valid-fraction", "0.2");
        assertEquals(0, rnnRbm.code(), rnnRbm.err());
        assertTrue(rnnRbm.out().contains(", best validation pseudo-NLL "), rnnRbm.out());
        CliRun rbmEval = CliRun.of("eval", "--model", rbm.toString(), "--corpus", corpus, "--split", "valid");
        assertEquals(0, rbmEval.code(), rbmEval.err());
        assertTrue(rbmEval.out().contains(" nats per frame (AIS, 20 runs of 1000 temperatures per frame), "),
                rbmEval.out());
        CliRun melody = CliRun.of("train", "lstm", "--encoding", "melody", "--corpus", corpus, "--out",
                dir.resolve("x.m4j").toString(), "--head", "NADE");
        assertEquals(2, melody.code());
        assertEquals("muse4j: --head NADE is a piano-roll model's frame head; give --encoding pianoroll\n",
                melody.err());
        assertRefused("muse4j: --head-hidden is a NADE or RBM head's setting; give --head NADE or RBM with it\n",
                "--head-hidden", "8");
        assertRefused("muse4j: --cd-k is an RBM head's setting; give --head RBM with it\n", "--head", "NADE",
                "--cd-k", "2");
    }

    /** A piano-roll LSTM asked for with {@code options} is refused with {@code message}, leaving no file behind. */
    private void assertRefused(String message, String... options) {
        List<String> args = new ArrayList<>(List.of("train", "lstm", "--encoding", "pianoroll", "--corpus",
                dir.resolve("corpus").toString(), "--out", dir.resolve("refused.m4j").toString()));
        args.addAll(List.of(options));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(2, run.code(), run.err());
        assertEquals(message, run.err());
        assertFalse(Files.exists(dir.resolve("refused.m4j")));
        assertFalse(Files.exists(dir.resolve("refused.m4j.run.json")), "a refused run leaves no record");
    }

    @Test
    void evalReportsNllPerTokenAndAccuracy() {
        CliRun run = CliRun.of("eval", "--model", model.toString(), "--corpus", dir.resolve("corpus").toString(),
                "--split", "valid", "--json");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().matches("\\{\"model\":.*\"split\":\"valid\",\"pieces\":1,\"targets\":[0-9]+,"
                + "\"nll\":[0-9.]+,\"nllUnit\":\"nats per token\",\"accuracy\":[0-9.]+,"
                + "\"accuracyKind\":\"next-token accuracy\"}\\n"), run.out());
    }

    @Test
    void anAbcModelTrainsAndWritesWholeTunesAndExactBars() throws Exception {
        Path abc = dir.resolve("tiny-abc.m4j");
        CliRun run = CliRun.of("train", "lstm", "--encoding", "abc", "--corpus", dir.resolve("corpus").toString(),
                "--out", abc.toString(), "--hidden", "16", "--layers", "1", "--embedding", "8", "--batch", "4",
                "--seq-len", "64", "--steps", "20", "--val-every", "10", "--valid-fraction", "0.2");
        assertEquals(0, run.code(), run.err());
        Path tune = dir.resolve("whole.abc");
        CliRun whole = CliRun.of("generate", "--model", abc.toString(), "--whole", "--seed", "3", "--out", tune.toString());
        assertEquals(0, whole.code(), whole.err());
        assertTrue(Files.readString(tune).startsWith("X:1\n"), Files.readString(tune));
        Path bars = dir.resolve("bars.mid");
        CliRun four = CliRun.of("generate", "--model", abc.toString(), "--bars", "4", "--seed", "3", "--out", bars.toString());
        assertEquals(0, four.code(), four.err());
        io.muse4j.core.score.NoteSequence music = io.muse4j.midi.MidiReader.read(bars).sequence();
        assertTrue(music.bars().starts(music.endTick() - 1).length <= 5, "4 bars and a pickup at most: " + music.endTick());
    }

    @Test
    void badModelsAndSettingsGetOneLine() throws Exception {
        Path notAModel = dir.resolve("notes.txt");
        Files.writeString(notAModel, "hello");
        CliRun foreign = CliRun.of("generate", "--model", notAModel.toString(), "--out", dir.resolve("x.mid").toString());
        assertEquals(1, foreign.code());
        assertEquals("muse4j: " + notAModel + ": not a muse4j model file\n", foreign.err());
        CliRun hot = CliRun.of("generate", "--model", model.toString(), "--temperature", "-1", "--out", "x.mid");
        assertEquals(2, hot.code());
        assertEquals("muse4j: --temperature -1.0 must be at least 0 and at most 100\n", hot.err());
        CliRun topP = CliRun.of("generate", "--model", model.toString(), "--top-p", "2", "--out", "x.mid");
        assertEquals(2, topP.code());
        CliRun twoLengths = CliRun.of("generate", "--model", model.toString(), "--steps", "9", "--seconds", "3", "--out", "x.mid");
        assertEquals(2, twoLengths.code());
        assertEquals("muse4j: give one of --steps, --bars, --seconds and --whole, not several\n", twoLengths.err());
        CliRun whole = CliRun.of("generate", "--model", model.toString(), "--whole", "--out", "x.mid");
        assertEquals(2, whole.code());
        assertTrue(whole.err().startsWith("muse4j: --whole needs a model that learnt where pieces end"), whole.err());
        assertEquals(1, whole.errLines().length, whole.err());
        CliRun noBeam = CliRun.of("generate", "--model", model.toString(), "--beam", "0", "--out", "x.mid");
        assertEquals(2, noBeam.code());
        assertEquals("muse4j: --beam 0 must be between 1 and 64\n", noBeam.err());
        CliRun words = CliRun.of("generate", "--seconds", "soon", "--out", "x.mid");
        assertEquals(2, words.code());
        assertEquals(1, words.errLines().length, words.err());
        CliRun noCorpus = CliRun.of("train", "--encoding", "melody", "--corpus", dir.resolve("nowhere").toString(),
                "--out", dir.resolve("y.m4j").toString(), "--steps", "1");
        assertEquals(1, noCorpus.code());
        assertEquals(1, noCorpus.errLines().length, noCorpus.err());
    }
}
