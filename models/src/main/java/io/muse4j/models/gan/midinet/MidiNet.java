package io.muse4j.models.gan.midinet;

import io.muse4j.models.gan.GanModel;
import io.muse4j.models.nn.DenseLayer;
import io.muse4j.models.nn.Softmax;
import io.muse4j.models.nn.Nd4jSetup;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.token.LeadSheetBars;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * MidiNet (Yang, Chou and Yang 2017, "MidiNet: A convolutional generative adversarial network for symbolic-domain
 * music generation"): a convolutional generator of one bar of melody ({@link LeadSheetBars}: 16 steps x 25 columns,
 * a softmax over the columns at each step), conditioned on the previous bar through a conditioner CNN whose feature
 * maps join the generator's layers, and on the bar's chord (13 numbers: the root one-hot and 1 for minor); and a
 * convolutional discriminator, also given the chord. Its two sides train as two players of the {@link io.muse4j.models.training.Trainer}
 * ({@link MidiNetPlayers}); the conditioner belongs to the generator's side.
 *
 * <p>Every layer is a {@link DenseLayer} on reshaped rows (rows are batch-major: row {@code b * steps + t}):
 * <ul>
 *   <li>conditioner: a 1 x 25 convolution (a dense map per step) to K maps at 16 steps, then three 2 x 1
 *       convolutions of stride 2 (a dense map from two steps' maps, side by side, to one step's) to 8, 4, 2 steps;</li>
 *   <li>generator: [noise, chord] -> 2 x K (two steps of K maps); then three 2 x 1 transposed convolutions of stride
 *       2 (a dense map from one step's [maps, conditioner maps, chord] to two steps' maps) to 4, 8, 16 steps; then a
 *       1 x 25 transposed convolution from [maps, conditioner maps, chord] to the 25 logits of each step;</li>
 *   <li>discriminator: a 1 x 25 convolution of [bar, chord] at each step to K maps (its "first layer features"),
 *       two 2 x 1 convolutions of stride 2 to 4 steps, and a dense map from [the 4 x K maps, chord] to one logit.</li>
 * </ul>
 * Leaky ReLU after every layer but the last of each network; no batch normalisation (the paper had it).
 */
public final class MidiNet implements GanModel {
    /** The model file's kind. */
    public static final String KIND = "midinet";
    static final int T = LeadSheetBars.STEPS;
    static final int P = LeadSheetBars.COLUMNS;
    /** Chord condition numbers: 12 for the root, 1 for minor. */
    static final int C = 13;

    static {
        Nd4jSetup.configure();
    }

    private final MidiNetConfig config;
    private final DataType type;
    private final List<DenseLayer> conditioner = new ArrayList<>(); // 16, 8, 4, 2 steps
    private final DenseLayer project;                                // [z, chord] -> 2 steps of K
    private final List<DenseLayer> upsample = new ArrayList<>();    // 2 -> 4 -> 8 -> 16 steps
    private final DenseLayer output;                                 // 16 steps of K -> logits
    private final List<DenseLayer> discriminator = new ArrayList<>(); // 16, 8, 4 steps
    private final DenseLayer judge;                                  // [4 x K, chord] -> 1

    /** A model with weights drawn from {@code seed}. */
    public MidiNet(MidiNetConfig config, long seed) {
        this(config, seed, DataType.FLOAT);
    }

    /** A model whose arrays are of {@code type} (double precision for checking gradients). */
    MidiNet(MidiNetConfig config, long seed, DataType type) {
        this.config = config;
        this.type = type;
        Random random = new Random(seed);
        int k = config.filters();
        for (int i = 0; i < 4; i++) {
            conditioner.add(DenseLayer.of("g_cond" + i, i == 0 ? P : 2 * k, k, true, random, type));
        }
        project = DenseLayer.of("g_project", config.noise() + C, 2 * k, true, random, type);
        for (int i = 0; i < 3; i++) {
            upsample.add(DenseLayer.of("g_up" + i, 2 * k + C, 2 * k, true, random, type));
        }
        output = DenseLayer.of("g_out", 2 * k + C, P, false, random, type);
        for (int i = 0; i < 3; i++) {
            discriminator.add(DenseLayer.of("d_conv" + i, i == 0 ? P + C : 2 * k, k, true, random, type));
        }
        judge = DenseLayer.of("d_out", 4 * k + C, 1, false, random, type);
    }

    /** The model's shape. */
    public MidiNetConfig config() {
        return config;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Map<String, Number> configValues() {
        return config.values();
    }

    /** The generator's weights (the conditioner's included), live. */
    @Override
    public Map<String, INDArray> generatorWeights() {
        Map<String, INDArray> weights = new LinkedHashMap<>();
        conditioner.forEach(layer -> layer.putWeights(weights));
        project.putWeights(weights);
        upsample.forEach(layer -> layer.putWeights(weights));
        output.putWeights(weights);
        return weights;
    }

    @Override
    public Map<String, INDArray> discriminatorWeights() {
        Map<String, INDArray> weights = new LinkedHashMap<>();
        discriminator.forEach(layer -> layer.putWeights(weights));
        judge.putWeights(weights);
        return weights;
    }

    /** Bars of step columns as one-hot rows (B*16, 25) of the model's type. */
    INDArray rows(List<int[]> bars) {
        int[] columns = new int[bars.size() * T];
        for (int b = 0; b < bars.size(); b++) {
            System.arraycopy(bars.get(b), 0, columns, b * T, T);
        }
        return oneHot(columns);
    }

    /** One row per step with a 1 in its column ({@link #columns}). */
    INDArray oneHot(int[] columns) {
        double[] rows = new double[columns.length * P];
        for (int row = 0; row < columns.length; row++) {
            rows[row * P + columns[row]] = 1;
        }
        return Nd4j.create(rows, new long[] {columns.length, P}, 'c').castTo(type);
    }

    /** Each chord's condition repeated for {@code steps} rows (B*steps, 13); zeros for an unconditioned model. */
    INDArray chordRows(int[] chords, int steps) {
        double[] rows = new double[chords.length * steps * C];
        for (int b = 0; b < chords.length && config.chordCondition(); b++) {
            for (int t = 0; t < steps; t++) {
                rows[(b * steps + t) * C + chords[b] % 12] = 1;
                rows[(b * steps + t) * C + 12] = chords[b] >= 12 ? 1 : 0;
            }
        }
        return Nd4j.create(rows, new long[] {(long) chords.length * steps, C}, 'c').castTo(type);
    }

    /** Noise (B, Z) uniform in [-1, 1), drawn from {@code random}. */
    INDArray noise(SplittableRandom random, int batch) {
        double[] noise = new double[batch * config.noise()];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = random.nextDouble() * 2 - 1;
        }
        return Nd4j.create(noise, new long[] {batch, config.noise()}, 'c').castTo(type);
    }

    /** Rows (N, K) of successive step pairs side by side, (N/2, 2K): a stride-2 convolution's input. */
    private static INDArray pairs(INDArray rows) {
        return rows.dup('c').reshape(rows.rows() / 2, 2 * rows.columns());
    }

    private static INDArray columns(INDArray rows, long from, long to) {
        return rows.get(NDArrayIndex.all(), NDArrayIndex.interval(from, to)).dup('c');
    }

    /** A generator pass: its layers' passes and the bars' step probabilities (B*16, 25). */
    record GeneratorPass(List<DenseLayer.Pass> conditioner, DenseLayer.Pass project, List<DenseLayer.Pass> upsample,
                         DenseLayer.Pass output, INDArray probabilities, int batch) {
    }

    /** The generator over the previous bars (B*16, 25), the chords (B) and noise (B, Z). */
    GeneratorPass generate(INDArray previous, int[] chords, INDArray noise) {
        int batch = chords.length;
        int k = config.filters();
        List<DenseLayer.Pass> conditions = new ArrayList<>();
        INDArray q = previous;
        for (int i = 0; i < conditioner.size(); i++) {
            DenseLayer.Pass pass = conditioner.get(i).forward(i == 0 ? q : pairs(q));
            conditions.add(pass);
            q = pass.y();
        }
        DenseLayer.Pass start = project.forward(Nd4j.hstack(noise, chordRows(chords, 1)));
        INDArray h = start.y().dup('c').reshape(2L * batch, k);
        List<DenseLayer.Pass> ups = new ArrayList<>();
        for (int i = 0; i < upsample.size(); i++) {
            int steps = 2 << i;
            DenseLayer.Pass pass = upsample.get(i).forward(Nd4j.hstack(h, conditions.get(3 - i).y(),
                    chordRows(chords, steps)));
            ups.add(pass);
            h = pass.y().dup('c').reshape(2L * steps * batch, k);
        }
        DenseLayer.Pass out = output.forward(Nd4j.hstack(h, conditions.get(0).y(), chordRows(chords, T)));
        return new GeneratorPass(conditions, start, ups, out, Softmax.rows(out.y()), batch);
    }

    /** The generator's weight gradients from the gradient at its logits (B*16, 25), before the softmax. */
    Map<String, INDArray> generatorGradients(GeneratorPass pass, INDArray dLogits) {
        Map<String, INDArray> gradients = new LinkedHashMap<>();
        long k = config.filters();
        INDArray dx = output.backward(pass.output(), dLogits, gradients);
        INDArray[] dq = new INDArray[4];
        dq[0] = columns(dx, k, 2 * k);
        for (int i = upsample.size() - 1; i >= 0; i--) {
            INDArray dy = columns(dx, 0, k).reshape(dx.rows() / 2, 2 * k);
            dx = upsample.get(i).backward(pass.upsample().get(i), dy, gradients);
            dq[3 - i] = columns(dx, k, 2 * k);
        }
        project.backward(pass.project(), columns(dx, 0, k).reshape(pass.batch(), 2 * k), gradients);
        for (int i = conditioner.size() - 1; i > 0; i--) {
            INDArray dIn = conditioner.get(i).backward(pass.conditioner().get(i), dq[i], gradients);
            dq[i - 1].addi(dIn.reshape(2L * dIn.rows(), k));
        }
        conditioner.get(0).backward(pass.conditioner().get(0), dq[0], gradients);
        return gradients;
    }

    /**
     * A discriminator pass over {@code S} bars: its convolutions' passes (the first one's output rows (S*16, K) are
     * its first-layer features), the judging layer's pass and a logit per bar (S, 1).
     */
    record Judgement(List<DenseLayer.Pass> layers, DenseLayer.Pass judge, INDArray logits, int bars) {
        /** The first layer's features (S*16, K). */
        INDArray first() {
            return layers.get(0).y();
        }

        /** The features the logit is judged from (S, 4K): the last convolution's maps, flattened per bar. */
        INDArray last() {
            INDArray maps = layers.get(layers.size() - 1).y();
            return maps.dup('c').reshape(bars, maps.length() / bars);
        }
    }

    /** The discriminator over bars' rows (S*16, 25) and their chords (S). */
    Judgement judge(INDArray bars, int[] chords) {
        List<DenseLayer.Pass> layers = new ArrayList<>();
        INDArray a = Nd4j.hstack(bars, chordRows(chords, T));
        for (int i = 0; i < discriminator.size(); i++) {
            DenseLayer.Pass pass = discriminator.get(i).forward(i == 0 ? a : pairs(a));
            layers.add(pass);
            a = pass.y();
        }
        INDArray flat = a.dup('c').reshape(chords.length, T / 4 * a.columns());
        DenseLayer.Pass verdict = judge.forward(Nd4j.hstack(flat, chordRows(chords, 1)));
        return new Judgement(layers, verdict, verdict.y(), chords.length);
    }

    /**
     * Back through the discriminator from the gradients at its logits and, unless null, at its last features
     * (S, 4K) and its first-layer features (S*16, K): its weights' gradients go into {@code gradients}; returns the
     * gradient at the bars' rows (S*16, 25).
     */
    INDArray judgeBackward(Judgement j, INDArray dLogits, INDArray dLast, INDArray dFirst,
                           Map<String, INDArray> gradients) {
        long k = config.filters();
        INDArray dx = columns(judge.backward(j.judge(), dLogits, gradients), 0, 4 * k);
        if (dLast != null) {
            dx.addi(dLast);
        }
        INDArray dy = dx.reshape(dx.length() / k, k);
        for (int i = discriminator.size() - 1; i >= 0; i--) {
            if (i == 0 && dFirst != null) {
                dy.addi(dFirst);
            }
            dx = discriminator.get(i).backward(j.layers().get(i), dy, gradients);
            dy = i > 0 ? dx.reshape(dx.length() / k, k) : dx;
        }
        return columns(dx, 0, P);
    }

    /**
     * Bars generated one after another for {@code previous.size()} pieces at once: piece {@code n}'s first bar
     * follows {@code previous.get(n)} under chord {@code chords[n][0]}, each next bar follows the one before; each
     * step's column is chosen by {@link #columns}. Noise is drawn from {@code seed}. Returns, per piece, its bars.
     */
    public List<List<int[]>> generate(List<int[]> previous, int[][] chords, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<List<int[]>> pieces = new ArrayList<>();
        previous.forEach(bar -> pieces.add(new ArrayList<>()));
        List<int[]> last = new ArrayList<>(previous);
        for (int bar = 0; bar < chords[0].length; bar++) {
            int[] barChords = new int[chords.length];
            for (int n = 0; n < chords.length; n++) {
                barChords[n] = chords[n][bar];
            }
            int[] columns = columns(generate(rows(last), barChords, noise(random, chords.length)).probabilities());
            for (int n = 0; n < chords.length; n++) {
                int[] next = Arrays.copyOfRange(columns, n * T, (n + 1) * T);
                pieces.get(n).add(next);
                last.set(n, next);
            }
        }
        return pieces;
    }

    /**
     * Each step's column from its probabilities (rows of 25): a rest when the rest is at least as likely as all the
     * pitches together, else the most likely pitch. (Taking the most likely column outright, as the paper did, lets
     * the rest win every step where the pitch is uncertain, and melodies thin out to a note or two a bar.)
     */
    static int[] columns(INDArray probabilities) {
        double[] p = probabilities.dup('c').data().asDouble();
        int[] columns = new int[p.length / P];
        for (int row = 0; row < columns.length; row++) {
            int best = 0;
            for (int c = 1; c < LeadSheetBars.PITCHES; c++) {
                best = p[row * P + c] > p[row * P + best] ? c : best;
            }
            columns[row] = p[row * P + LeadSheetBars.REST] >= 0.5 ? LeadSheetBars.REST : best;
        }
        return columns;
    }

    /** One piece of {@code chords.length} bars after {@code previous}, decoded to notes. */
    public NoteSequence sample(int[] previous, int[] chords, long seed) {
        return LeadSheetBars.decode(generate(List.of(previous), new int[][] {chords}, seed).get(0));
    }
}
