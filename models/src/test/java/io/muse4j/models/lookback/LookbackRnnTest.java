package io.muse4j.models.lookback;

import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.token.EncodingSpec;
import io.muse4j.core.token.MelodyTokenizer;
import io.muse4j.corpora.CorpusSplits;
import io.muse4j.midi.MidiWriter;
import io.muse4j.corpora.batch.TokenBatches;
import io.muse4j.models.ModelKinds;
import io.muse4j.models.file.ModelFile;
import io.muse4j.models.kind.Evaluation;
import io.muse4j.models.kind.EvaluationRequest;
import io.muse4j.models.kind.RequestException;
import io.muse4j.models.kind.SavedModel;
import io.muse4j.models.kind.Settings;
import io.muse4j.models.kind.TrainingOutcome;
import io.muse4j.models.sampling.GenerationRequest;
import io.muse4j.models.sampling.Sampler;
import io.muse4j.models.training.Trainer;
import io.muse4j.models.training.TrainerConfig;
import io.muse4j.models.training.TrainingRequest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LookbackRnnTest {
    private static final int BAR = LookbackEncoding.STEPS_PER_BAR;
    private static final int EVENTS = 39;
    private static final int[] SCALE = {60, 62, 64, 65, 67, 69, 71, 72};

    @TempDir
    Path dir;

    /** One bar of the melody encoding: a note on every beat and some offbeats, of a C major scale, some rests. */
    static int[] motif(Random random) {
        int[] bar = new int[BAR];
        for (int p = 0; p < BAR; p += 2) {
            boolean beat = p % 4 == 0;
            if (beat || random.nextInt(3) == 0) {
                bar[p] = random.nextInt(6) == 0 ? MelodyTokenizer.NOTE_OFF : 2 + SCALE[random.nextInt(8)] - 48;
            }
        }
        bar[0] = 2 + SCALE[random.nextInt(8)] - 48;
        return bar;
    }

    /** A melody of {@code bars} bars that alternates two fresh motifs, ABAB..., ending with a NOTE_OFF. */
    static int[] alternating(Random random, int bars) {
        int[][] motifs = {motif(random), motif(random)};
        int[] melody = new int[bars * BAR + 1];
        for (int bar = 0; bar < bars; bar++) {
            System.arraycopy(motifs[bar % 2], 0, melody, bar * BAR, BAR);
        }
        melody[bars * BAR] = MelodyTokenizer.NOTE_OFF;
        return melody;
    }

    static List<int[]> corpus(long seed, int pieces, int bars) {
        Random random = new Random(seed);
        List<int[]> melodies = new ArrayList<>();
        for (int i = 0; i < pieces; i++) {
            melodies.add(alternating(random, bars));
        }
        return melodies;
    }

    /** How many bars from the third on equal the bar two before them. */
    static int repeatedBars(int[] melody, int from) {
        int repeated = 0;
        for (int start = from; start + BAR <= melody.length; start += BAR) {
            repeated += Arrays.equals(Arrays.copyOfRange(melody, start, start + BAR),
                    Arrays.copyOfRange(melody, start - 2 * BAR, start - BAR)) ? 1 : 0;
        }
        return repeated;
    }

    @Tag("slow")
    @Test
    void learnsToRepeatTheBarsOfAToyCorpusAndRepeatsAPrimerItNeverSaw() throws Exception {
        LookbackEncoding encoding = new LookbackEncoding(EVENTS);
        LookbackData train = new LookbackData(encoding, corpus(1, 48, 8));
        LookbackData valid = new LookbackData(encoding, corpus(2, 8, 8));
        TokenBatches batches = new TokenBatches(train.references(), 8, 4 * BAR, 3);
        List<LookbackBatch> validBatches = new TokenBatches(valid.references(), 8, 4 * BAR, 3).epoch().stream()
                .map(valid::batch).toList();
        LookbackRnn model = new LookbackRnn(new LookbackConfig(EVENTS, 48, 1, 0), 1);
        double before = validBatches.stream().mapToDouble(model::loss).average().orElseThrow();
        int repeatedUntrained = repeatedBars(model.sample(new int[0], 8 * BAR, new Sampler(1, 0, 1, 0)), 2 * BAR);
        TrainerConfig config = new TrainerConfig(300, 0.01, 20, 0.1, 5, 100, 300, 0);
        Trainer.Result result = new Trainer<>(config, model, step -> train.batch(batches.batch(step)), validBatches,
                dir.resolve("toy.ckpt"), List.of()).train(false);
        double after = validBatches.stream().mapToDouble(model::loss).average().orElseThrow();
        assertTrue(before > 3.0, "an untrained model is near ln(41) = 3.71 nats per step, was " + before);
        assertTrue(after < 0.5 && after < before / 6, "after 300 steps the validation NLL should fall from "
                + before + " below 0.5 nats per step, was " + after + " (" + result + ")");

        Random fresh = new Random(99);
        int repeatedAfterPrimer = 0;
        int repeatedUnprimed = 0;
        for (int trial = 0; trial < 5; trial++) {
            int[] primer = Arrays.copyOf(alternating(fresh, 2), 2 * BAR);
            int[] greedy = model.sample(primer, 4 * BAR, new Sampler(0, 0, 1, trial));
            assertArrayEquals(primer, Arrays.copyOf(greedy, 2 * BAR));
            repeatedAfterPrimer += repeatedBars(greedy, 2 * BAR);
            repeatedUnprimed += repeatedBars(model.sample(new int[0], 8 * BAR, new Sampler(1, 0, 1, trial)), 2 * BAR);
        }
        assertTrue(repeatedAfterPrimer >= 18, "of the 20 bars generated after 5 unseen two-bar primers, "
                + repeatedAfterPrimer + " repeated the bar two back");
        assertTrue(repeatedUnprimed >= 18, "of the 30 bars sampled after the first two of 5 pieces, "
                + repeatedUnprimed + " repeated the bar two back");
        assertTrue(repeatedUntrained <= 1, "the untrained model repeated " + repeatedUntrained + " of 6 bars");
        System.out.printf("toy lookback: NLL %.3f -> %.3f; bars repeated: %d/20 after primers, %d/30 unprimed, "
                + "%d/6 untrained%n", before, after, repeatedAfterPrimer, repeatedUnprimed, repeatedUntrained);
    }

    @Test
    void savesAndLoadsThroughTheModelFileAndGeneratesExactBarsFromItsFirstNote() throws Exception {
        LookbackRnn model = new LookbackRnn(new LookbackConfig(EVENTS, 16, 2, 0.5), 4);
        LookbackData data = new LookbackData(model.encoding(), corpus(5, 4, 4));
        TokenBatches batches = new TokenBatches(data.references(), 4, 2 * BAR, 5);
        new Trainer<>(new TrainerConfig(5, 0.01, 0, 1, 5, 5, 5, 0), model, step -> data.batch(batches.batch(step)),
                List.of(), dir.resolve("tiny.ckpt"), List.of()).train(false);
        Path file = dir.resolve("tiny.m4j");
        ModelFile.save(file, model, LookbackTraining.MELODY.fields(), LookbackTraining.vocabulary(
                LookbackTraining.MELODY), Map.of("sequenceLength", "32"));

        SavedModel saved = ModelKinds.load(file);
        assertInstanceOf(LookbackKind.class, saved.kind());
        assertEquals("REPEAT_2_BARS_AGO", saved.vocabulary().get(40));
        LookbackRnn loaded = saved.as(LookbackRnn.class, "a lookback model");
        assertEquals(model.config(), loaded.config());
        int[] melody = corpus(6, 1, 3).get(0);
        float[][] expected = model.stepLogits(melody);
        float[][] actual = loaded.stepLogits(melody);
        for (int p = 0; p < melody.length; p++) {
            assertArrayEquals(expected[p], actual[p], "logits before step " + p);
        }

        GenerationRequest.Sampling sampling = new GenerationRequest.Sampling(1.0, null, null, 5);
        GenerationRequest fourBars = new GenerationRequest(new GenerationRequest.Length(null, 4, null), null,
                sampling, null, null);
        NoteSequence piece = saved.kind().generate(saved, fourBars).piece(2);
        int[] events = model.sample(new int[0], 4 * BAR, sampling.sampler(1));
        assertEquals(new MelodyTokenizer().decode(events), piece, "piece 2 is the model's sample with seed 5 + 1");
        assertTrue(events[0] > MelodyTokenizer.NOTE_OFF, "the piece opens with a note, not " + events[0]);
        long ticksPerStep = 480 / 4;
        assertEquals(0, piece.notes().get(0).startTick());
        assertTrue(piece.notes().stream().mapToLong(Note::endTick).max().orElseThrow() <= 4 * BAR * ticksPerStep);

        assertThrows(RequestException.class, () -> saved.kind().generate(saved,
                new GenerationRequest(fourBars.length(), null, sampling, 3, null)));
    }

    @Test
    void trainsThroughItsKindOnTheCommonTimePiecesOfACorpusAndEvaluatesAsItValidated() throws Exception {
        Path corpus = java.nio.file.Files.createDirectories(dir.resolve("corpus"));
        MelodyTokenizer tokenizer = new MelodyTokenizer();
        List<int[]> melodies = corpus(9, 6, 6);
        for (int i = 0; i < melodies.size(); i++) {
            MidiWriter.write(tokenizer.decode(melodies.get(i)), corpus.resolve("tune-" + i + ".mid"));
        }
        NoteSequence waltz = tokenizer.decode(melodies.get(0)).toBuilder().timeSignature(0, 3, 4).build();
        MidiWriter.write(waltz, corpus.resolve("waltz.mid"));
        Path out = dir.resolve("kind.m4j");
        TrainingRequest request = new TrainingRequest(new TrainingRequest.Data(corpus, null,
                new EncodingSpec.PianoRoll(4).codec(), 0.3, 0), new TrainerConfig(20, 0.01, 0, 1, 5, 10, 20, 0), 4, 2,
                out, false, new PrintStream(OutputStream.nullOutputStream()));
        LookbackKind kind = new LookbackKind();
        Settings settings = new Settings(Map.of("--layers", 1, "--hidden", 12, "--dropout", 0.2, "--seq-len", 32));
        TrainingOutcome outcome = ModelKinds.train(kind, request, settings, Map.of("--hidden", "12"));
        assertEquals(20, outcome.result().steps());

        SavedModel saved = ModelKinds.load(out);
        Map<String, String> training = saved.training();
        int valid = Integer.parseInt(training.get("validPieces"));
        assertEquals(7 - valid, Integer.parseInt(training.get("trainPieces")));
        assertEquals(6, Integer.parseInt(training.get("commonTimeTrainPieces"))
                + Integer.parseInt(training.get("commonTimeValidPieces")), "the waltz is left out: " + training);
        Evaluation evaluation = saved.kind().evaluate(saved, new EvaluationRequest(corpus, CorpusSplits.Split.VALID));
        assertEquals(Integer.parseInt(training.get("commonTimeValidPieces")), evaluation.pieces());
        assertEquals(Double.parseDouble(training.get("validationNllPerStep")), (double) evaluation.values().get("nll"),
                1e-5, "eval scores the validation windows as training validated them, with the best weights");
        assertThrows(RequestException.class, () -> kind.train(request, new Settings(Map.of("--layers", 1,
                "--hidden", 12, "--dropout", 0.2, "--seq-len", 24))), "--seq-len must be whole bars");
        TrainingRequest eighths = new TrainingRequest(new TrainingRequest.Data(corpus, null,
                new EncodingSpec.PianoRoll(2).codec(), 0.3, 0), request.trainer(), 4, 2, out, false, request.log());
        assertThrows(RequestException.class, () -> kind.train(eighths, settings), "a grid of eighths");
    }

    @Test
    void aPrimerIsKeptAndContinuedForTheBarsAskedFor() throws Exception {
        LookbackRnn model = new LookbackRnn(new LookbackConfig(EVENTS, 8, 1, 0), 7);
        int[] primer = corpus(8, 1, 2).get(0);
        int[] continued = model.sample(primer, 3 * BAR, new Sampler(0.8, 5, 0.9, 1));
        assertEquals(primer.length + 3 * BAR, continued.length);
        assertArrayEquals(primer, Arrays.copyOf(continued, primer.length));
        assertArrayEquals(continued, model.sample(primer, 3 * BAR, new Sampler(0.8, 5, 0.9, 1)), "seeded");
    }
}
