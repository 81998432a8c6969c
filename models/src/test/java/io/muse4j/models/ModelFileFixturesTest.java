package io.muse4j.models;

import io.muse4j.corpora.batch.FrameBatches;
import io.muse4j.models.file.ModelFileException;
import io.muse4j.models.kind.SavedModel;
import io.muse4j.models.file.StoredModel;
import io.muse4j.models.gan.crnngan.CrnnGan;
import io.muse4j.models.gan.midinet.MidiNet;
import io.muse4j.models.lm.PianoRollModel;
import io.muse4j.models.lm.TokenModel;
import io.muse4j.models.lm.TokenGenerator;
import io.muse4j.models.lookback.LookbackRnn;
import io.muse4j.models.sampling.GenerationRequest;
import io.muse4j.models.sampling.Sampler;
import io.muse4j.models.vae.LatentSpace;
import io.muse4j.models.vae.MelodyAttribute;
import io.muse4j.models.vae.MusicVae;
import io.muse4j.models.vae.SavedVae;
import io.muse4j.models.vae.VaeConfig;
import io.muse4j.models.kind.Harmonization;
import io.muse4j.models.kind.HarmonyRequest;
import io.muse4j.models.kind.Infill;
import io.muse4j.models.kind.LatentModel;
import io.muse4j.models.kind.InfillRequest;
import io.muse4j.models.rbm.Rbm;
import io.muse4j.models.crbm.ConvRbm;
import io.muse4j.models.kind.Structure;
import io.muse4j.models.vae.VaeFile;
import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.score.SyntheticScores;
import io.muse4j.core.token.LeadSheetBars;
import io.muse4j.core.token.MelodyTokenizer;
import io.muse4j.core.token.PianoRoll;
import io.muse4j.core.token.Tokenizer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Model files written by muse4j 0.1.0-SNAPSHOT at commit 086cd3b (one of every kind a model file held then, see
 * {@link FixtureWriter}) still load, and still compute what they computed then: seeded samples, logits, losses,
 * latent codes. Each kind's computation is one helper below ({@link #tokenOutputs}, {@link #pianoRollOutputs},
 * {@link #vaeOutputs}, {@link #crnnGanOutputs}, {@link #midiNetOutputs}), shared with the writer, which stored its
 * results beside each fixture as {@code KIND.expected.txt}. Token ids, notes and counts must match exactly; floats
 * to a relative 1e-5 (with an absolute floor of 1e-6 for values near zero), so that a reordering of float
 * arithmetic passes but a changed computation does not.
 */
class ModelFileFixturesTest {
    /** Where the fixtures live, on the test class path and in the source tree. */
    static final String FIXTURES = "fixtures/";
    private static final double RELATIVE = 1e-5;
    private static final double ABSOLUTE = 1e-6;

    @Test
    void tokenLstm() throws Exception {
        check("token-lstm", tokenOutputs(ModelKinds.load(fixture("token-lstm.m4j"))));
    }

    @Test
    void tokenTransformer() throws Exception {
        check("token-transformer", tokenOutputs(ModelKinds.load(fixture("token-transformer.m4j"))));
    }

    @Test
    void pianoRollLstm() throws Exception {
        check("pianoroll-lstm", pianoRollOutputs(ModelKinds.load(fixture("pianoroll-lstm.m4j"))));
    }

    @Test
    void pianoRollTransformer() throws Exception {
        check("pianoroll-transformer", pianoRollOutputs(ModelKinds.load(fixture("pianoroll-transformer.m4j"))));
    }

    @Test
    void pianoRollLstmNade() throws Exception {
        check("pianoroll-lstm-nade", pianoRollGenerationOutputs(ModelKinds.load(fixture("pianoroll-lstm-nade.m4j"))));
    }

    @Test
    void pianoRollLstmRbm() throws Exception {
        check("pianoroll-lstm-rbm", pianoRollGenerationOutputs(ModelKinds.load(fixture("pianoroll-lstm-rbm.m4j"))));
    }

    @Test
    void vaeFlat() throws Exception {
        check("vae-flat", vaeOutputs(VaeFile.load(fixture("vae-flat.m4j"))));
    }

    @Test
    void vaeHierarchical() throws Exception {
        check("vae-hierarchical", vaeOutputs(VaeFile.load(fixture("vae-hierarchical.m4j"))));
    }

    @Test
    void crnnGan() throws Exception {
        check("crnngan", crnnGanOutputs(ModelKinds.load(fixture("crnngan.m4j"))));
    }

    @Test
    void midiNet() throws Exception {
        check("midinet", midiNetOutputs(ModelKinds.load(fixture("midinet.m4j"))));
    }

    @Test
    void lookback() throws Exception {
        check("lookback", lookbackOutputs(ModelKinds.load(fixture("lookback.m4j"))));
    }

    @Test
    void rbm() throws Exception {
        check("rbm", rbmOutputs(ModelKinds.load(fixture("rbm.m4j"))));
    }

    @Test
    void miniBach() throws Exception {
        check("minibach", miniBachOutputs(ModelKinds.load(fixture("minibach.m4j"))));
    }

    @Test
    void deepBach() throws Exception {
        check("deepbach", regeneratorOutputs(ModelKinds.load(fixture("deepbach.m4j"))));
    }

    @Test
    void anticipation() throws Exception {
        check("anticipation", regeneratorOutputs(ModelKinds.load(fixture("anticipation.m4j"))));
    }

    @Test
    void deepHear() throws Exception {
        check("deephear", deepHearOutputs(ModelKinds.load(fixture("deephear.m4j"))));
    }

    @Test
    void crbm() throws Exception {
        check("crbm", crbmOutputs(ModelKinds.load(fixture("crbm.m4j"))));
    }

    // ---- one helper per kind: what the fixture computes through the public API -------------------------------

    /** The primer every token model continues: ids of the fixtures' melody tokenizer (15 ids, pitches 60..72). */
    static final int[] PRIMER = {2, 0, 0, 0, 6, 0, 1, 9};

    /** A token model (token-lstm, token-transformer): header, logits of the primer, seeded samples and a beam. */
    static Outputs tokenOutputs(SavedModel saved) throws ModelFileException {
        Outputs out = header(saved.model(), saved.contents().header().tokenizer(), saved.vocabulary(), saved.training(),
                saved.libraryVersion());
        TokenModel model = saved.as(TokenModel.class, "a token model");
        Tokenizer tokenizer = saved.encoding().tokenizer();
        out.floats("logits(primer)", model.logits(new int[][] {PRIMER}).dup('c').data().asDouble());
        TokenGenerator generator = new TokenGenerator(model);
        int[] plain = generator.continueFrom(PRIMER, 32, new Sampler(1.0, 0, 1.0, 7));
        out.ints("continueFrom(PRIMER,32,Sampler(1.0,0,1.0,7))", plain);
        out.notes("decode(continueFrom...7)", tokenizer.decode(plain));
        out.ints("continueFrom(PRIMER,32,Sampler(0.9,5,0.95,8))",
                generator.continueFrom(PRIMER, 32, new Sampler(0.9, 5, 0.95, 8)));
        out.ints("continueFrom(PRIMER,16,Sampler(0,0,1,0))", generator.continueFrom(PRIMER, 16, new Sampler(0, 0, 1, 0)));
        out.ints("beamSearch(PRIMER,24,3,Sampler(1.0,0,1.0,9),never)",
                generator.beamSearch(PRIMER, 24, 3, new Sampler(1.0, 0, 1.0, 9), tokens -> false));
        return out;
    }

    /** The melody a lookback model is read on: 3 bars of the melody encoding (39 ids) whose third repeats the first. */
    static final int[] LOOKBACK_MELODY = {14, 0, 0, 0, 16, 0, 0, 0, 18, 0, 0, 0, 19, 0, 0, 0,
        21, 0, 0, 0, 0, 0, 23, 0, 0, 0, 0, 0, 1, 0, 0, 0,
        14, 0, 0, 0, 16, 0, 0, 0, 18, 0, 0, 0, 19, 0, 0, 0, 1};

    /**
     * A lookback model: header, the labels of {@link #LOOKBACK_MELODY}, the logits before each of its steps, seeded
     * samples with and without a primer, and a piece of 2 bars through the kind's {@code generate}.
     */
    static Outputs lookbackOutputs(SavedModel saved) throws IOException {
        Outputs out = header(saved.model(), saved.contents().header().tokenizer(), saved.vocabulary(), saved.training(),
                saved.libraryVersion());
        LookbackRnn model = saved.as(LookbackRnn.class, "a lookback model");
        out.ints("encoding().labels(MELODY)", model.encoding().labels(LOOKBACK_MELODY));
        float[][] logits = model.stepLogits(LOOKBACK_MELODY);
        for (int p : new int[] {0, 1, 16, 33, 48}) {
            double[] row = new double[logits[p].length];
            for (int k = 0; k < row.length; k++) {
                row[k] = logits[p][k];
            }
            out.floats("stepLogits(MELODY)[" + p + "]", row);
        }
        out.ints("sample({},32,Sampler(0.9,5,0.95,8))", model.sample(new int[0], 32, new Sampler(0.9, 5, 0.95, 8)));
        out.ints("sample(MELODY[0..32),16,Sampler(0,0,1,0))",
                model.sample(Arrays.copyOf(LOOKBACK_MELODY, 32), 16, new Sampler(0, 0, 1, 0)));
        GenerationRequest twoBars = new GenerationRequest(new GenerationRequest.Length(null, 2, null), null,
                new GenerationRequest.Sampling(1.0, null, null, 3), null, null);
        out.notes("generate(bars 2, seed 3).piece(1)", saved.kind().generate(saved, twoBars).piece(1));
        return out;
    }

    /** An RBM: header, the free energies and pseudo-NLL of the chords of {@link #pianoRollBatch}, seeded chords. */
    static Outputs rbmOutputs(SavedModel saved) throws IOException {
        Outputs out = header(saved.model(), saved.contents().header().tokenizer(), saved.vocabulary(), saved.training(),
                saved.libraryVersion());
        Rbm rbm = saved.as(Rbm.class, "an rbm model");
        INDArray frames = Nd4j.createFromArray(pianoRollBatch().inputs()).reshape(-1, 88);
        out.floats("freeEnergies(pianoRollBatch frames)", rbm.freeEnergies(frames));
        out.floats("pseudoNll(pianoRollBatch frames)", new double[] {rbm.pseudoNll(frames)});
        GenerationRequest eight = new GenerationRequest(new GenerationRequest.Length(8, null, null), null,
                new GenerationRequest.Sampling(null, null, null, 3), null, null);
        out.notes("generate(steps 8, seed 3).piece(1)", saved.kind().generate(saved, eight).piece(1));
        return out;
    }

    /**
     * A crbm model: header, the free energies and a seeded pseudo-NLL of the windows of {@link #pianoRollBatch}, a
     * piece of 2 bars under the form AA in C major (seed 3), and one of 16 steps, greedy.
     */
    static Outputs crbmOutputs(SavedModel saved) throws IOException {
        Outputs out = header(saved.model(), saved.contents().header().tokenizer(), saved.vocabulary(), saved.training(),
                saved.libraryVersion());
        ConvRbm model = saved.as(ConvRbm.class, "a crbm model");
        INDArray windows = Nd4j.createFromArray(pianoRollBatch().inputs()).reshape(2, 8, 88);
        out.floats("freeEnergies(pianoRollBatch)", model.freeEnergies(windows));
        out.floats("pseudoNll(pianoRollBatch, 4 frames, Random(1))", new double[] {model.pseudoNll(windows, 4,
                new java.util.Random(1))});
        GenerationRequest twoBars = new GenerationRequest(new GenerationRequest.Length(null, 2, null), null,
                new GenerationRequest.Sampling(null, null, null, 3), null, null);
        out.notes("generate(bars 2, seed 3, form AA, key C).piece(1)", saved.kind().generate(saved, twoBars,
                new Structure("AA", Structure.Key.parse("C"))).piece(1));
        GenerationRequest greedy = new GenerationRequest(new GenerationRequest.Length(16, null, null), null,
                new GenerationRequest.Sampling(0.0, null, null, 3), null, null);
        out.notes("generate(steps 16, temperature 0, seed 3).piece(1)", saved.kind().generate(saved, greedy)
                .piece(1));
        return out;
    }

    /** A minibach model: header, and the parts it writes under a synthetic soprano, greedy and sampled (seed 3). */
    static Outputs miniBachOutputs(SavedModel saved) throws IOException {
        Outputs out = header(saved.model(), saved.contents().header().tokenizer(), saved.vocabulary(), saved.training(),
                saved.libraryVersion());
        NoteSequence piece = SyntheticScores.fourParts(900, 12);
        NoteSequence soprano = piece.withNotes(piece.notes().stream().filter(n -> n.track() == 0).toList());
        out.notes("harmonize(fourParts(900,12) soprano, greedy, no rules)", Harmonization.of(saved, soprano,
                new HarmonyRequest(new GenerationRequest.Sampling(0.0, null, null, 1), false)).score());
        out.notes("harmonize(fourParts(900,12) soprano, temperature 1, seed 3, rules)", Harmonization.of(saved,
                soprano, new HarmonyRequest(new GenerationRequest.Sampling(1.0, null, null, 3), true)).score());
        return out;
    }

    /** A chorale regenerator (deepbach, anticipation): header, parts under a soprano and a regenerated span. */
    static Outputs regeneratorOutputs(SavedModel saved) throws IOException {
        Outputs out = miniBachOutputs(saved);
        NoteSequence piece = SyntheticScores.fourParts(900, 12);
        out.notes("infill(fourParts(900,12), bar 2, alto and bass, temperature 1, seed 4)", Infill.of(saved, piece,
                new InfillRequest(piece.resolution() * 4L, piece.resolution() * 8L, Set.of(1, 3),
                        new GenerationRequest.Sampling(1.0, null, null, 4), false)));
        return out;
    }

    /**
     * A deephear model: header, a generated window (greedy, seed 3), the code of a synthetic chorale, and two windows
     * sampled from the prior (temperature 1, seed 3).
     */
    static Outputs deepHearOutputs(SavedModel saved) throws IOException {
        Outputs out = header(saved.model(), saved.contents().header().tokenizer(), saved.vocabulary(), saved.training(),
                saved.libraryVersion());
        GenerationRequest greedy = new GenerationRequest(new GenerationRequest.Length(null, null, null), null,
                new GenerationRequest.Sampling(null, null, null, 3), null, null);
        out.notes("generate(seed 3).piece(1)", saved.kind().generate(saved, greedy).piece(1));
        LatentModel latent = saved.kind().latent(saved);
        out.floats("latent.encode(fourParts(900,12))", latent.encode(SyntheticScores.fourParts(900, 12), "piece",
                line -> { }));
        List<NoteSequence> sampled = latent.decode(latent.prior(2, new java.util.Random(3)), 1, 3);
        out.notes("latent.decode(prior(2, Random(3)), temperature 1, seed 3) 1", sampled.get(0));
        out.notes("latent.decode(prior(2, Random(3)), temperature 1, seed 3) 2", sampled.get(1));
        return out;
    }

    /** A piano-roll model's {@link #pianoRollOutputs} and a seeded piece of 8 frames. */
    static Outputs pianoRollGenerationOutputs(SavedModel saved) throws IOException {
        Outputs out = pianoRollOutputs(saved);
        GenerationRequest eight = new GenerationRequest(new GenerationRequest.Length(8, null, null), null,
                new GenerationRequest.Sampling(null, null, null, 3), null, null);
        out.notes("generate(steps 8, seed 3).piece(1)", saved.kind().generate(saved, eight).piece(1));
        return out;
    }

    /** The batch every piano-roll model is evaluated on: two windows of 8 frames over two rolls of chords. */
    static FrameBatches.Batch pianoRollBatch() {
        int[][] chords = {{60, 64, 67}, {62, 65, 69}, {64, 67, 71}, {59, 62, 67}, {57, 60, 64}};
        List<PianoRoll> rolls = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            int[][] frames = new int[12][];
            for (int f = 0; f < frames.length; f++) {
                frames[f] = chords[(r + f * (r + 1)) % chords.length];
            }
            rolls.add(new PianoRoll(frames));
        }
        return new FrameBatches(rolls, 2, 8, 1, false).batch(0);
    }

    /**
     * A piano-roll model (pianoroll-lstm, pianoroll-transformer, and with joint heads): header, loss, evaluation and
     * (where the head has them) the key logits of a batch.
     */
    static Outputs pianoRollOutputs(SavedModel saved) {
        Outputs out = header(saved.model(), saved.contents().header().tokenizer(), saved.vocabulary(), saved.training(),
                saved.libraryVersion());
        PianoRollModel model = (PianoRollModel) saved.model();
        FrameBatches.Batch batch = pianoRollBatch();
        out.floats("loss(batch)", new double[] {model.loss(batch)});
        PianoRollModel.Evaluation e = model.evaluate(batch);
        out.floats("evaluate(batch).nll", new double[] {e.nll()});
        out.longs("evaluate(batch).frames,tp,fp,fn", e.frames(), e.truePositives(), e.falsePositives(),
                e.falseNegatives());
        if (!"NLL".equals(model.lossName())) {
            return out; // an RBM head gives no key logits
        }
        double[] logits = model.logits(batch).dup('c').data().asDouble(); // (B*T, 88), row b * T + t
        int frames = 4;
        int keys = logits.length / (batch.sequences() * batch.steps());
        for (int b = 0; b < batch.sequences(); b++) {
            int from = b * batch.steps() * keys;
            out.floats("logits(batch)[window " + b + ", frames 0..3]",
                    Arrays.copyOfRange(logits, from, from + frames * keys));
        }
        return out;
    }

    /** A MusicVAE (vae-flat, vae-hierarchical): header, attribute vectors, codes of fixed windows, decodes of fixed z. */
    static Outputs vaeOutputs(SavedVae saved) {
        Outputs out = header(saved.model(), saved.encoding().fields(), saved.vocabulary(), saved.training(),
                saved.libraryVersion());
        MusicVae model = saved.model();
        VaeConfig config = model.config();
        out.text("stepsPerQuarter", Integer.toString(saved.stepsPerQuarter()));
        saved.attributes().forEach((attribute, vector) -> out.floats("attribute " + attribute.label(), vector));
        int[][] windows = new int[2][config.steps()];
        for (int b = 0; b < windows.length; b++) {
            for (int t = 0; t < windows[b].length; t++) {
                windows[b][t] = t % 4 == 0 ? 2 + (3 * t + 5 * b) % (config.vocabularySize() - 2) : t % 4 == 2 ? 1 : 0;
            }
        }
        double[][] mu = model.encode(windows);
        for (int b = 0; b < mu.length; b++) {
            out.floats("encode(windows)[" + b + "]", mu[b]);
        }
        Random normal = new Random(42);
        double[][] z = new double[2][config.latent()];
        for (double[] row : z) {
            for (int d = 0; d < row.length; d++) {
                row[d] = normal.nextGaussian();
            }
        }
        MelodyTokenizer tokenizer = saved.tokenizer();
        int[][] sampled = model.decode(z, 1.0, 5);
        int[][] greedy = model.decode(z, 0, 0);
        for (int b = 0; b < z.length; b++) {
            out.ints("decode(z,1.0,5)[" + b + "]", sampled[b]);
            out.notes("tokenizer.decode(decode(z,1.0,5)[" + b + "])", tokenizer.decode(sampled[b]));
            out.ints("decode(z,0,0)[" + b + "]", greedy[b]);
        }
        double[] shifted = LatentSpace.shifted(z[0], saved.attributes().get(MelodyAttribute.values()[0]), 2.0);
        out.ints("decode(shifted(z[0],attribute[0],2.0),0.8,6)", model.decode(new double[][] {shifted}, 0.8, 6)[0]);
        return out;
    }

    /** A C-RNN-GAN: header, seeded phrases and pieces as notes. */
    static Outputs crnnGanOutputs(SavedModel saved) throws ModelFileException {
        Outputs out = header(saved.model(), saved.contents().header().tokenizer(), saved.vocabulary(), saved.training(),
                saved.libraryVersion());
        CrnnGan gan = saved.as(CrnnGan.class, "a crnngan model");
        out.notes("sample(3,20,0)", gan.sample(3, 20, 0));
        out.notes("sample(4,40,8)", gan.sample(4, 40, 8));
        List<NoteSequence> phrases = gan.samples(5, 2, 8);
        for (int i = 0; i < phrases.size(); i++) {
            out.notes("samples(5,2,8)[" + i + "]", phrases.get(i));
        }
        return out;
    }

    /** The bar every MidiNet follows, as lead-sheet columns: a C major arpeggio with rests. */
    static final int[] PREVIOUS_BAR = {0, 0, 4, 4, 7, 7, 12, 24, 11, 11, 7, 24, 4, 4, 0, 24};

    /** A MidiNet: header, seeded pieces after an empty bar and after a given one, under chords. */
    static Outputs midiNetOutputs(SavedModel saved) throws ModelFileException {
        Outputs out = header(saved.model(), saved.contents().header().tokenizer(), saved.vocabulary(), saved.training(),
                saved.libraryVersion());
        MidiNet net = saved.as(MidiNet.class, "a midinet model");
        int[] chords = {0, 7, 21, 5};
        out.notes("sample(PREVIOUS_BAR,{0,7,21,5},9)", net.sample(PREVIOUS_BAR, chords, 9));
        out.notes("sample(empty,{0,0},3)", net.sample(LeadSheetBars.Bar.empty().steps(), new int[] {0, 0}, 3));
        List<List<int[]>> pieces = net.generate(List.of(LeadSheetBars.Bar.empty().steps(), PREVIOUS_BAR),
                new int[][] {{0, 5, 7}, {9, 2, 14}}, 11);
        for (int n = 0; n < pieces.size(); n++) {
            for (int bar = 0; bar < pieces.get(n).size(); bar++) {
                out.ints("generate(...,11)[" + n + "][" + bar + "]", pieces.get(n).get(bar));
            }
        }
        return out;
    }

    /**
     * The header as the loader gives it back (kind, config values, tokenizer, vocabulary, training, version), and
     * the loaded weights' names, shapes, sums and sums of squares.
     */
    private static Outputs header(StoredModel model, Map<String, String> tokenizer, List<String> vocabulary,
                                  Map<String, String> training, String libraryVersion) {
        return new Outputs()
                .text("kind", model.kind())
                .text("config", new TreeMap<>(model.configValues()).toString())
                .text("tokenizer", new TreeMap<>(tokenizer).toString())
                .text("vocabulary", String.join(" ", vocabulary))
                .text("training", new TreeMap<>(training).toString())
                .text("libraryVersion", libraryVersion)
                .text("weights", weightShapes(model))
                .weightSums(model);
    }

    private static String weightShapes(StoredModel model) {
        StringBuilder shapes = new StringBuilder();
        new TreeMap<>(model.weights()).forEach((name, w) -> shapes.append(shapes.isEmpty() ? "" : " ").append(name)
                .append(Arrays.toString(w.shape()).replace(" ", "")));
        return shapes.toString();
    }

    // ---- expected files --------------------------------------------------------------------------------------

    /**
     * Named results as lines of text, the form of an expected file: {@code text NAME = VALUE},
     * {@code ints NAME: v v v}, {@code floats NAME: v v v} (each float as {@link Double#toString}), and
     * {@code notes NAME: COUNT @ RESOLUTION} followed by one line per note, {@code start duration pitch velocity}.
     * Lines starting with {@code #} are comments.
     */
    static final class Outputs {
        final List<String> lines = new ArrayList<>();

        Outputs text(String name, String value) {
            lines.add("text " + name + " = " + value);
            return this;
        }

        Outputs ints(String name, int[] values) {
            lines.add("ints " + name + ":" + Arrays.stream(values).mapToObj(v -> " " + v).reduce("", String::concat));
            return this;
        }

        Outputs longs(String name, long... values) {
            lines.add("ints " + name + ":" + Arrays.stream(values).mapToObj(v -> " " + v).reduce("", String::concat));
            return this;
        }

        Outputs floats(String name, double[] values) {
            StringBuilder line = new StringBuilder("floats " + name + ":");
            for (double v : values) {
                line.append(' ').append(v);
            }
            lines.add(line.toString());
            return this;
        }

        Outputs notes(String name, NoteSequence sequence) {
            lines.add("notes " + name + ": " + sequence.notes().size() + " @ " + sequence.resolution());
            for (Note n : sequence.notes()) {
                lines.add(String.format(Locale.ROOT, "%d %d %d %d", n.startTick(), n.durationTicks(), n.pitch(),
                        n.velocity()));
            }
            return this;
        }

        /** Each loaded weight's sum and sum of squares: the loader's output, whatever the model computes. */
        Outputs weightSums(StoredModel model) {
            new TreeMap<>(model.weights()).forEach((name, w) -> {
                double sum = 0;
                double squares = 0;
                for (double v : w.dup('c').data().asDouble()) {
                    sum += v;
                    squares += v * v;
                }
                floats("weight " + name + " (sum, sum of squares)", new double[] {sum, squares});
            });
            return this;
        }

        /** The lines as a file's text. */
        String text() {
            return String.join("\n", lines) + "\n";
        }
    }

    /** Fails, naming the first line that differs, unless {@code actual} matches the kind's expected file. */
    static void check(String kind, Outputs actual) throws IOException {
        List<String> expected = expected(kind);
        List<String> got = actual.lines;
        for (int i = 0; i < Math.min(expected.size(), got.size()); i++) {
            String e = expected.get(i);
            String a = got.get(i);
            if (e.startsWith("floats ")) {
                assertFloatsClose(kind + ".expected.txt, line of " + e.substring(0, e.indexOf(':')), e, a);
            } else {
                assertEquals(e, a, kind + ".expected.txt: result " + (i + 1) + " differs");
            }
        }
        assertEquals(expected.size(), got.size(), kind + ": number of result lines");
    }

    private static void assertFloatsClose(String where, String expected, String actual) {
        int colon = expected.indexOf(':');
        assertEquals(expected.substring(0, colon), actual.substring(0, Math.max(0, actual.indexOf(':'))), where);
        double[] e = parseFloats(expected.substring(colon + 1));
        double[] a = parseFloats(actual.substring(colon + 1));
        assertEquals(e.length, a.length, where + ": number of values");
        for (int i = 0; i < e.length; i++) {
            double tolerance = Math.max(RELATIVE * Math.max(Math.abs(e[i]), Math.abs(a[i])), ABSOLUTE);
            if (!(Math.abs(e[i] - a[i]) <= tolerance)) {
                fail(where + ": value " + i + " is " + a[i] + ", expected " + e[i] + " (tolerance " + tolerance + ")");
            }
        }
    }

    private static double[] parseFloats(String values) {
        String trimmed = values.strip();
        return trimmed.isEmpty() ? new double[0] : Arrays.stream(trimmed.split(" ")).mapToDouble(Double::parseDouble)
                .toArray();
    }

    /** The expected file's result lines, comments left out. */
    private static List<String> expected(String kind) throws IOException {
        try (InputStream in = ModelFileFixturesTest.class.getResourceAsStream(FIXTURES + kind + ".expected.txt")) {
            assertNotNull(in, "missing " + FIXTURES + kind + ".expected.txt");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#"))
                    .toList();
        }
    }

    /** A fixture copied out of the class path to a file, since the loaders take paths. */
    private static Path fixture(String name) throws IOException {
        try (InputStream in = ModelFileFixturesTest.class.getResourceAsStream(FIXTURES + name)) {
            assertNotNull(in, "missing fixture " + FIXTURES + name);
            Path file = Files.createTempFile("fixture-", "-" + name);
            file.toFile().deleteOnExit();
            Files.write(file, in.readAllBytes());
            assertTrue(Files.size(file) > 0, name);
            return file;
        }
    }
}
