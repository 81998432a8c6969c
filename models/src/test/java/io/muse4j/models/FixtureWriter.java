package io.muse4j.models;

import io.muse4j.corpora.batch.FrameBatches;
import io.muse4j.corpora.batch.MelodyWindows;
import io.muse4j.corpora.batch.TokenBatches;
import io.muse4j.models.file.ModelFile;
import io.muse4j.midi.MidiWriter;
import io.muse4j.models.gan.GanPlay;
import io.muse4j.models.gan.GanSettings;
import io.muse4j.models.gan.crnngan.CrnnGan;
import io.muse4j.models.gan.crnngan.CrnnGanConfig;
import io.muse4j.models.gan.midinet.MidiNet;
import io.muse4j.models.gan.midinet.MidiNetConfig;
import io.muse4j.models.gan.midinet.MidiNetPlayers;
import io.muse4j.models.gan.midinet.MidiNetTraining;
import io.muse4j.models.lm.LanguageModelKind;
import io.muse4j.models.lm.PianoRollModel;
import io.muse4j.models.kind.ModelKind;
import io.muse4j.models.kind.SavedModel;
import io.muse4j.models.kind.Settings;
import io.muse4j.models.lm.TokenModel;
import io.muse4j.models.lookback.LookbackKind;
import io.muse4j.models.minibach.MiniBachKind;
import io.muse4j.models.anticipation.AnticipationKind;
import io.muse4j.models.crbm.CrbmKind;
import io.muse4j.models.deephear.DeepHearKind;
import io.muse4j.models.deepbach.DeepBachKind;
import io.muse4j.models.rbm.RbmKind;
import io.muse4j.models.nn.FrameHead;
import io.muse4j.models.nn.LstmConfig;
import io.muse4j.models.nn.StackConfig;
import io.muse4j.models.nn.TransformerConfig;
import io.muse4j.models.training.Checkpoint;
import io.muse4j.models.training.Trainable;
import io.muse4j.models.training.Trainer;
import io.muse4j.models.training.TrainerConfig;
import io.muse4j.models.training.TrainingRequest;
import io.muse4j.models.training.TrainingRun;
import io.muse4j.models.vae.LatentSpace;
import io.muse4j.models.vae.MelodyAttribute;
import io.muse4j.models.vae.MusicVae;
import io.muse4j.models.vae.VaeConfig;
import io.muse4j.models.vae.VaeFile;
import io.muse4j.models.vae.VaeObjective;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.SyntheticScores;
import io.muse4j.core.token.EncodingSpec;
import io.muse4j.core.token.LeadSheetBars;
import io.muse4j.core.token.MelodyTokenizer;
import io.muse4j.core.token.PianoRollCodec;
import io.muse4j.core.token.Tokenizer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.LongFunction;

/**
 * Wrote the model-file fixtures that {@link ModelFileFixturesTest} loads: one small file of every kind a model file
 * held (token-lstm, token-transformer, pianoroll-lstm, pianoroll-transformer, vae-flat, vae-hierarchical with its
 * attribute vectors, crnngan, midinet; lookback was added later, by {@code main lookback}), saved through
 * {@link ModelFile#save} and {@link VaeFile#save}, and beside
 * each its {@code KIND.expected.txt}: what the file, loaded back through {@link ModelFile#load} or
 * {@link VaeFile#load}, computed through the test's helper for its kind.
 *
 * <p>It was run once, with muse4j 0.1.0-SNAPSHOT at commit 086cd3b (before the models package was redesigned), to
 * capture that version's behaviour. <b>Do not rerun it to update the fixtures</b> or their expected outputs: that
 * would make the test compare the code with itself. Rerun it only when the model-file format deliberately changes,
 * and then say so in the commit. Not a test; run its {@code main} with the test class path, in the repository
 * root (or give the fixtures folder as the one argument).
 *
 * <p>The token, piano-roll and VAE models are trained for a few steps on synthetic music, and the MidiNet on one
 * bar, so that their weights are not only their seeded initialisation; the C-RNN-GAN holds its seeded initial
 * weights.
 */
public final class FixtureWriter {
    /** The fixtures' folder in the source tree, from the repository root. */
    static final Path FOLDER = Path.of("models/src/test/resources/io/muse4j/models/fixtures");
    /** The token models' tokenizer: melody over pitches 60..72 on sixteenths, 15 ids. */
    static final EncodingSpec MELODY = new EncodingSpec.Melody(4, 60, 72);
    /** The VAEs' tokenizer: melody over pitches 60..72 on eighths, 15 ids, windows of 2 bars of 8 steps. */
    static final EncodingSpec EIGHTHS = new EncodingSpec.Melody(2, 60, 72);
    private static final int TRAINING_STEPS = 10;
    private static final int MIDINET_STEPS = 40;

    private FixtureWriter() {
    }

    /**
     * Writes every fixture and its expected outputs into {@code args[0]} (default: {@link #FOLDER}); with the first
     * argument {@code lookback} or {@code rbm}, only that fixture, added later, into {@code args[1]} (default the
     * same).
     */
    public static void main(String[] args) throws Exception {
        String only = args.length > 0 && List.of("lookback", "rbm", "nade", "rnn-rbm", "minibach", "deepbach",
                "anticipation", "deephear", "crbm")
                .contains(args[0])
                ? args[0] : null;
        int first = only != null ? 1 : 0;
        Path folder = args.length > first ? Path.of(args[first]) : FOLDER;
        Files.createDirectories(folder);
        Path scratch = Files.createTempDirectory("fixture-writer");
        if ("lookback".equals(only)) {
            writeLookback(folder, scratch);
            return;
        }
        if ("rbm".equals(only)) {
            writeRbm(folder, scratch);
            return;
        }
        if ("minibach".equals(only)) {
            writeMiniBach(folder, scratch);
            return;
        }
        if ("deepbach".equals(only)) {
            writeDeepBach(folder, scratch);
            return;
        }
        if ("anticipation".equals(only)) {
            writeAnticipation(folder, scratch);
            return;
        }
        if ("deephear".equals(only)) {
            writeDeepHear(folder, scratch);
            return;
        }
        if ("crbm".equals(only)) {
            writeCrbm(folder, scratch);
            return;
        }
        if ("nade".equals(only) || "rnn-rbm".equals(only)) {
            writeJointHead(folder, scratch, "nade".equals(only) ? FrameHead.Kind.NADE : FrameHead.Kind.RBM);
            return;
        }
        writeTokenModel(folder, scratch, "token-lstm", new LstmConfig(15, 8, 16, 2));
        writeTokenModel(folder, scratch, "token-transformer", new TransformerConfig(15, 8, 2, 1, 16, 16, false, 0));
        writePianoRoll(folder, scratch, "pianoroll-lstm", PianoRollModel.config(new LstmConfig(88, 88, 8, 1)));
        writePianoRoll(folder, scratch, "pianoroll-transformer",
                new TransformerConfig(88, 8, 2, 1, 16, 16, true, 0));
        writeVae(folder, scratch, VaeConfig.Decoder.FLAT);
        writeVae(folder, scratch, VaeConfig.Decoder.HIERARCHICAL);
        writeCrnnGan(folder);
        writeMidiNet(folder, scratch);
    }

    private static void writeTokenModel(Path folder, Path scratch, String kind, StackConfig config) throws Exception {
        Tokenizer tokenizer = MELODY.tokenizer();
        List<int[]> sequences = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sequences.add(tokenizer.encode(SyntheticScores.melody(10 + i, 24, 60, 72, 4)));
        }
        TokenBatches batches = new TokenBatches(sequences, 2, 16, 1);
        TokenModel model = new TokenModel(config, 11);
        train(model, batches::batch, scratch.resolve(kind + ".ckpt"));
        Path file = folder.resolve(kind + ".m4j");
        ModelFile.save(file, model, MELODY.fields(), tokenizer.vocabulary().names(), summary());
        expect(folder, kind, ModelFileFixturesTest.tokenOutputs(ModelKinds.load(file)),
                "token model: header, TokenModel.logits(PRIMER), TokenGenerator.continueFrom and beamSearch with seeded "
                        + "Samplers, tokenizer.decode of the first sample");
    }

    private static void writePianoRoll(Path folder, Path scratch, String kind, StackConfig config) throws Exception {
        List<io.muse4j.core.token.PianoRoll> rolls = new ArrayList<>();
        PianoRollCodec codec = new EncodingSpec.PianoRoll(4).codec();
        for (int i = 0; i < 3; i++) {
            rolls.add(codec.encode(SyntheticScores.polyphonic(20 + i, 24)));
        }
        FrameBatches batches = new FrameBatches(rolls, 2, 8, 2, false);
        PianoRollModel model = new PianoRollModel(config, 12);
        train(model, batches::batch, scratch.resolve(kind + ".ckpt"));
        Path file = folder.resolve(kind + ".m4j");
        ModelFile.save(file, model, Map.of("encoding", "pianoroll"), codec.vocabulary().names(), summary());
        expect(folder, kind, ModelFileFixturesTest.pianoRollOutputs(ModelKinds.load(file)),
                "piano-roll model (no sampler): header, loss, evaluate and logits of pianoRollBatch()");
    }

    private static void writeVae(Path folder, Path scratch, VaeConfig.Decoder decoder) throws Exception {
        MelodyTokenizer tokenizer = (MelodyTokenizer) EIGHTHS.tokenizer();
        List<NoteSequence> scores = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            scores.add(SyntheticScores.melody(100 + i, 24, 60, 72, 2));
        }
        List<int[]> windows = new MelodyWindows(tokenizer, 2, 8).extract(scores).windows();
        int[][] batch = windows.subList(0, Math.min(8, windows.size())).toArray(int[][]::new);
        MusicVae model = new MusicVae(new VaeConfig(15, 8, 16, 1, 4, 2, 8, decoder), VaeObjective.of(1), 13);
        String kind = model.kind();
        train(model, i -> batch, scratch.resolve(kind + ".ckpt"));
        Map<MelodyAttribute, double[]> attributes = LatentSpace.attributeVectors(model, windows, tokenizer);
        Path file = folder.resolve(kind + ".m4j");
        Map<String, String> training = new java.util.TreeMap<>(summary());
        training.put("beta", "1");
        VaeFile.save(file, model, EIGHTHS.fields(), tokenizer.vocabulary().names(), training, attributes);
        expect(folder, kind, ModelFileFixturesTest.vaeOutputs(VaeFile.load(file)),
                "MusicVAE: header, attribute vectors, MusicVae.encode of fixed windows, decode of fixed z "
                        + "(seeded and greedy), decode of LatentSpace.shifted");
    }

    private static void writeCrnnGan(Path folder) throws Exception {
        CrnnGan gan = new CrnnGan(new CrnnGanConfig(4, 8, 1, 8, 8), 14);
        Path file = folder.resolve("crnngan.m4j");
        ModelFile.save(file, gan, Map.of("encoding", "notefeatures"), List.of(), Map.of("steps", "0"));
        expect(folder, "crnngan", ModelFileFixturesTest.crnnGanOutputs(ModelKinds.load(file)),
                "C-RNN-GAN (seeded initial weights): header, CrnnGan.sample and samples as notes");
    }

    /**
     * A MidiNet trained for a few steps on one bar with rests (as MidiNetTest trains on its pattern), so that its
     * rest probabilities come near the one-half at which {@code MidiNet.columns} picks a rest.
     */
    private static void writeMidiNet(Path folder, Path scratch) throws Exception {
        MidiNet net = new MidiNet(new MidiNetConfig(4, 4, true), 15);
        int[] pattern = {0, 0, 24, 24, 7, 7, 24, 24, 4, 4, 4, 24, 12, 24, 24, 24};
        LeadSheetBars.Bar bar = new LeadSheetBars.Bar(pattern, 0);
        MidiNetTraining.BarPairs pairs = new MidiNetTraining.BarPairs(List.of(List.of(bar, bar, bar, bar)));
        TrainerConfig config = new TrainerConfig(MIDINET_STEPS, 0.01, 0, 1, 1, 1000, MIDINET_STEPS, 0);
        GanSettings settings = new GanSettings(MIDINET_STEPS, true, 0.7, 7);
        List<Trainer.Turn> turns = GanPlay.turns(config, settings, 1, 1, 0.001, 0.001);
        new Trainer<>(config, new MidiNetPlayers(net, settings, 0.1, 1.0, true).players(), turns,
                step -> pairs.batch(7, step, 1, 8), List.of(), scratch.resolve("midinet.ckpt"), List.of()).train(false);
        Path file = folder.resolve("midinet.m4j");
        ModelFile.save(file, net, Map.of("encoding", "leadsheet"), List.of(),
                Map.of("corpus", "one bar", "steps", Integer.toString(MIDINET_STEPS)));
        expect(folder, "midinet", ModelFileFixturesTest.midiNetOutputs(ModelKinds.load(file)),
                "MidiNet (briefly trained on one bar): header, MidiNet.sample as notes, MidiNet.generate as columns");
    }

    /**
     * The lookback fixture (written on the lookback branch, after 71707b5, not at 086cd3b as the others): a model of
     * 8 units trained by {@link LookbackKind#train} for 10 steps on 8 synthetic melodies in 4/4 written as MIDI.
     */
    private static void writeLookback(Path folder, Path scratch) throws Exception {
        writeTrained(folder, scratch, "lookback", new LookbackKind(), 200, 4, Map.of("--layers", 1, "--hidden", 8,
                "--dropout", 0.1, "--seq-len", 32), "# lookback.m4j, written by FixtureWriter lookback with muse4j "
                + "0.1.0-SNAPSHOT on the lookback branch (after 71707b5)\n# lookback model (trained 10 steps on 8 "
                + "synthetic melodies): header, labels, stepLogits, sample and generate; see ModelFileFixturesTest for "
                + "each call\n", ModelFileFixturesTest::lookbackOutputs);
    }

    /**
     * The rbm fixture (written with issue 23's first commit, 2026-12-07): 16 hidden units trained by
     * {@link RbmKind#train} for 10 steps on the frames of 8 synthetic melodies written as MIDI.
     */
    private static void writeRbm(Path folder, Path scratch) throws Exception {
        writeTrained(folder, scratch, "rbm", new RbmKind(), 300, 16, Map.of("--hidden", 16, "--cd-k", 1,
                "--persistent", true), "# rbm.m4j, written by FixtureWriter rbm with muse4j 0.1.0-SNAPSHOT on "
                + "2026-12-07 (issue 23)\n# rbm model (trained 10 steps on 8 synthetic melodies): header, freeEnergies, "
                + "pseudoNll and generate; see ModelFileFixturesTest for each call\n", ModelFileFixturesTest::rbmOutputs);
    }

    /**
     * The minibach fixture (written with issue 24's first commit, 2026-12-07): a window of 8 steps and 6 hidden units
     * trained by {@link MiniBachKind#train} for 10 steps on 8 synthetic four-part pieces written as MIDI.
     */
    private static void writeMiniBach(Path folder, Path scratch) throws Exception {
        writeTrained(folder, scratch, "minibach", new MiniBachKind(), i -> SyntheticScores.fourParts(500 + i, 16), 4,
                Map.of("--window", 8, "--hidden", 6, "--dropout", 0.1), "# minibach.m4j, written by FixtureWriter "
                + "minibach with muse4j 0.1.0-SNAPSHOT on 2026-12-07 (issue 24)\n# minibach model (trained 10 steps "
                + "on 8 synthetic four-part pieces): header and harmonize, greedy and sampled; see "
                + "ModelFileFixturesTest for each call\n", ModelFileFixturesTest::miniBachOutputs);
    }

    private static void writeDeepBach(Path folder, Path scratch) throws Exception {
        writeTrained(folder, scratch, "deepbach", new DeepBachKind(), i -> SyntheticScores.fourParts(500 + i, 16), 4,
                Map.of("--context", 2, "--hidden", 6, "--dropout", 0.1), "# deepbach.m4j, written by FixtureWriter "
                + "deepbach with muse4j 0.1.0-SNAPSHOT on 2026-12-07 (issue 24)\n# deepbach model (trained 10 steps "
                + "on 8 synthetic four-part pieces): header, harmonize and infill, greedy and sampled; see "
                + "ModelFileFixturesTest for each call\n", ModelFileFixturesTest::regeneratorOutputs);
    }

    private static void writeAnticipation(Path folder, Path scratch) throws Exception {
        writeTrained(folder, scratch, "anticipation", new AnticipationKind(), i -> SyntheticScores.fourParts(500 + i,
                16), 4, Map.of("--window", 8, "--hidden", 6, "--layers", 2, "--dropout", 0.1), "# anticipation.m4j, "
                + "written by FixtureWriter anticipation with muse4j 0.1.0-SNAPSHOT on 2026-12-07 (issue 24)\n"
                + "# anticipation model (trained 10 steps on 8 synthetic four-part pieces): header, harmonize and "
                + "infill, greedy and sampled; see ModelFileFixturesTest for each call\n",
                ModelFileFixturesTest::regeneratorOutputs);
    }

    private static void writeDeepHear(Path folder, Path scratch) throws Exception {
        writeTrained(folder, scratch, "deephear", new DeepHearKind(), i -> SyntheticScores.fourParts(500 + i, 16), 4,
                Map.of("--window", 8, "--hidden", 6, "--layers", 1, "--code", 3, "--pretrain", 2), "# deephear.m4j, "
                + "written by FixtureWriter deephear with muse4j 0.1.0-SNAPSHOT on 2026-12-07 (issue 24)\n"
                + "# deephear model (trained 10 steps on 8 synthetic four-part pieces, 4 of them pretraining): "
                + "header, generate, and its latent space's encode and decode; see ModelFileFixturesTest for each "
                + "call\n", ModelFileFixturesTest::deepHearOutputs);
    }

    private static void writeCrbm(Path folder, Path scratch) throws Exception {
        writeTrained(folder, scratch, "crbm", new CrbmKind(), i -> SyntheticScores.fourParts(500 + i, 16), 4,
                Map.of("--filters", 4, "--width", 4, "--window", 16, "--cd-k", 1, "--persistent", false),
                "# crbm.m4j, written by FixtureWriter crbm with muse4j 0.1.0-SNAPSHOT on 2026-12-08 (issue 24)\n"
                + "# crbm model (trained 10 steps on 8 synthetic four-part pieces): header, free energies, "
                + "pseudo-NLL and generate, with and without a form and key; see ModelFileFixturesTest for each "
                + "call\n", ModelFileFixturesTest::crbmOutputs);
    }

    /** What a fixture computes, from the loaded model file. */
    private interface FixtureOutputs {
        ModelFileFixturesTest.Outputs of(SavedModel saved) throws IOException;
    }

    /**
     * A fixture trained by its kind for 10 steps on 8 synthetic melodies in 4/4 written as MIDI (seeds from
     * {@code firstMelody}), with the expected outputs under {@code header}.
     */
    private static void writeJointHead(Path folder, Path scratch, FrameHead.Kind head) throws Exception {
        Map<String, Object> settings = new java.util.HashMap<>(Map.of("--layers", 1, "--hidden", 8, "--dropout", 0.0,
                "--seq-len", 16, "--epochs", 0, "--stretch", 0.0, "--embedding", 64));
        settings.put("--head", head);
        settings.put("--head-hidden", 6);
        if (head == FrameHead.Kind.RBM) {
            settings.put("--cd-k", 2);
        }
        String name = head == FrameHead.Kind.NADE ? "pianoroll-lstm-nade" : "pianoroll-lstm-rbm";
        writeTrained(folder, scratch, name, LanguageModelKind.LSTM, 400, 4, settings,
                "# " + name + ".m4j, written by FixtureWriter " + (head == FrameHead.Kind.NADE ? "nade" : "rnn-rbm")
                + " with muse4j 0.1.0-SNAPSHOT on 2026-12-07 (issue 23)\n# piano-roll LSTM with "
                + (head == FrameHead.Kind.NADE ? "a NADE head" : "an RBM head") + " (trained 10 steps on 8 synthetic "
                + "melodies): header, loss, evaluate" + (head == FrameHead.Kind.NADE ? ", logits" : "") + " and "
                + "generate; see ModelFileFixturesTest for each call\n", ModelFileFixturesTest::pianoRollGenerationOutputs);
    }

    private static void writeTrained(Path folder, Path scratch, String name, ModelKind kind, int firstMelody,
                                     int batch, Map<String, Object> settings, String header, FixtureOutputs outputs)
            throws Exception {
        writeTrained(folder, scratch, name, kind, i -> SyntheticScores.melody(firstMelody + i, 40, 60, 72, 4), batch,
                settings, header, outputs);
    }

    /** A fixture trained by its kind for 10 steps on the 8 pieces {@code pieces} makes of 0..7, written as MIDI. */
    private static void writeTrained(Path folder, Path scratch, String name, ModelKind kind,
                                     IntFunction<NoteSequence> pieces, int batch, Map<String, Object> settings,
                                     String header, FixtureOutputs outputs) throws Exception {
        Path corpus = Files.createDirectories(scratch.resolve(name + "-melodies"));
        for (int i = 0; i < 8; i++) {
            MidiWriter.write(pieces.apply(i), corpus.resolve("melody-" + i + ".mid"));
        }
        Path file = folder.resolve(name + ".m4j");
        TrainerConfig config = new TrainerConfig(TRAINING_STEPS, 0.01, 0, 1, 5, 5, TRAINING_STEPS, 0);
        EncodingSpec.PianoRoll rolls = new EncodingSpec.PianoRoll(4);
        TrainingRequest request = new TrainingRequest(new TrainingRequest.Data(corpus,
                kind.takesEncoding() ? rolls : null, rolls.codec(), 0.25, 0), config, batch, 16, file, false,
                System.err);
        kind.train(request, new Settings(settings));
        Files.writeString(folder.resolve(name + ".expected.txt"), header + outputs.of(ModelKinds.load(file)).text(),
                StandardCharsets.UTF_8);
        Files.deleteIfExists(TrainingRun.logOf(file));
        Files.deleteIfExists(Checkpoint.beside(file));
    }

    private static Map<String, String> summary() {
        return Map.of("corpus", "synthetic", "steps", Integer.toString(TRAINING_STEPS));
    }

    private static <B> void train(Trainable<B> model, LongFunction<B> batches, Path checkpoint) throws IOException {
        TrainerConfig config = new TrainerConfig(TRAINING_STEPS, 0.01, 0, 1, 5, TRAINING_STEPS, TRAINING_STEPS, 0);
        new Trainer<>(config, model, batches, List.of(), checkpoint, List.of()).train(false);
    }

    private static void expect(Path folder, String kind, ModelFileFixturesTest.Outputs outputs, String what)
            throws IOException {
        String header = "# " + kind + ".m4j, written by FixtureWriter with muse4j 0.1.0-SNAPSHOT at commit 086cd3b\n"
                + "# " + what + "; see ModelFileFixturesTest for each call\n";
        Files.writeString(folder.resolve(kind + ".expected.txt"), header + outputs.text(), StandardCharsets.UTF_8);
    }
}
