package io.muse4j.models.gan.crnngan;

import io.muse4j.models.gan.GanModel;
import io.muse4j.models.nn.Initialisers;
import io.muse4j.models.nn.LstmCell;
import io.muse4j.models.nn.LstmLayers;
import io.muse4j.models.nn.Nd4jSetup;
import io.muse4j.models.nn.RowProducts;
import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.token.NoteFeatures;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * C-RNN-GAN (Mogren 2016, "C-RNN-GAN: Continuous recurrent neural networks with adversarial training"): a generator
 * LSTM that, at every step, takes fresh random noise and the note it emitted the step before and emits the next note
 * as four continuous numbers ({@link NoteFeatures}: pitch, duration, velocity, time since the previous note); and a
 * bidirectional LSTM discriminator ({@link LstmLayers} over the sequence and over the sequence reversed) whose
 * joined hidden states give a real-or-generated logit at every step. Its two sides train as two players of the
 * {@link io.muse4j.models.training.Trainer} ({@link CrnnGanPlayers}).
 *
 * <p>The generator's recurrence through its own outputs: the generator first runs freely, step by step on plain
 * float arrays ({@link LstmCell}), and then once over all steps on ND4J ({@link LstmLayers}) with those outputs as
 * its fed-back inputs, which reproduces them; the backward pass goes through that second pass and treats the
 * fed-back notes as given (no gradient flows through the feedback path, only through the LSTM state). Pre-training
 * feeds back the real notes instead (teacher forcing).
 *
 * <p>Rows are time-major, as in {@link LstmLayers}: row {@code t * B + b} is step {@code t} of sequence {@code b}.
 * Weights are named {@code g_...} (generator) and {@code d_...} (discriminator), so each side is one player.
 */
public final class CrnnGan implements GanModel {
    /** The model file's kind. */
    public static final String KIND = "crnngan";
    static final int F = NoteFeatures.FEATURES;

    static {
        Nd4jSetup.configure();
    }

    private final CrnnGanConfig config;
    private final LstmLayers generator;   // input: noise and the previous note (Z + F)
    private final INDArray outputW;       // (H, F)
    private final INDArray outputB;       // (F)
    private final LstmLayers forward;     // discriminator over the steps in order, input F
    private final LstmLayers backward;    // discriminator over the steps reversed
    private final INDArray judgeW;        // (2Hd, 1)
    private final INDArray judgeB;        // (1)

    /** A model with weights drawn from {@code seed}. */
    public CrnnGan(CrnnGanConfig config, long seed) {
        this(config, seed, DataType.FLOAT);
    }

    /** A model whose arrays are of {@code type} (double precision for checking gradients). */
    CrnnGan(CrnnGanConfig config, long seed, DataType type) {
        this.config = config;
        Random random = new Random(seed);
        generator = new LstmLayers(config.lstm(config.hidden()), config.noise() + F, random, type);
        outputW = Initialisers.fanIn(random, config.hidden(), F, type);
        // start near a typical note (middle C, an eighth, mezzo-forte, an eighth after the last) rather than at zeros
        outputB = Nd4j.create(new double[] {0, 0.5, 0.6, 0.5}, new long[] {F}, type);
        int hd = config.discriminatorHidden();
        forward = new LstmLayers(config.lstm(hd), F, random, type);
        backward = new LstmLayers(config.lstm(hd), F, random, type);
        judgeW = Initialisers.fanIn(random, 2 * hd, 1, type);
        judgeB = Nd4j.zeros(type, 1);
    }

    /** The model's shape. */
    public CrnnGanConfig config() {
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

    @Override
    public Map<String, INDArray> generatorWeights() {
        Map<String, INDArray> weights = prefixed("g_", generator.weights());
        weights.put("g_out_w", outputW);
        weights.put("g_out_b", outputB);
        return weights;
    }

    @Override
    public Map<String, INDArray> discriminatorWeights() {
        Map<String, INDArray> weights = prefixed("d_fwd_", forward.weights());
        weights.putAll(prefixed("d_bwd_", backward.weights()));
        weights.put("d_out_w", judgeW);
        weights.put("d_out_b", judgeB);
        return weights;
    }

    private static Map<String, INDArray> prefixed(String prefix, Map<String, INDArray> arrays) {
        Map<String, INDArray> named = new LinkedHashMap<>();
        arrays.forEach((name, a) -> named.put(prefix + name, a));
        return named;
    }

    /** Noise uniform in [-1, 1), (B, T, Z), drawn from {@code seed}. */
    float[][][] noise(long seed, int batch, int steps) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][][] noise = new float[batch][steps][config.noise()];
        for (float[][] sequence : noise) {
            for (float[] step : sequence) {
                for (int i = 0; i < step.length; i++) {
                    step[i] = (float) (random.nextDouble() * 2 - 1);
                }
            }
        }
        return noise;
    }

    /**
     * The generator run freely over noise (B, T, Z): each step takes its noise and the note the step before emitted
     * (zeros at the first); returns the notes (B, T, F).
     */
    float[][][] freeRun(float[][][] noise) {
        int layers = config.layers();
        float[][][] w = new float[layers][][];
        float[][][] r = new float[layers][][];
        float[][] b = new float[layers][];
        Map<String, INDArray> weights = generator.weights();
        List<String> names = LstmLayers.weightNames(layers);
        for (int layer = 0; layer < layers; layer++) {
            w[layer] = RowProducts.rows(weights.get(names.get(3 * layer)));
            r[layer] = RowProducts.rows(weights.get(names.get(3 * layer + 1)));
            b[layer] = RowProducts.floats(weights.get(names.get(3 * layer + 2)));
        }
        float[][] out = RowProducts.rows(outputW);
        float[] bias = RowProducts.floats(outputB);
        float[] gates = new float[4 * config.hidden()];
        float[][][] notes = new float[noise.length][][];
        for (int s = 0; s < noise.length; s++) {
            float[][] h = new float[layers][config.hidden()];
            float[][] c = new float[layers][config.hidden()];
            notes[s] = new float[noise[s].length][];
            float[] previous = new float[F];
            for (int t = 0; t < noise[s].length; t++) {
                float[] x = concat(noise[s][t], previous);
                for (int layer = 0; layer < layers; layer++) {
                    LstmCell.step(x, w[layer], r[layer], b[layer], h[layer], c[layer], gates);
                    x = h[layer];
                }
                previous = bias.clone();
                RowProducts.addProduct(x, out, previous, 0, F);
                notes[s][t] = previous;
            }
        }
        return notes;
    }

    private static float[] concat(float[] a, float[] b) {
        float[] joined = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    /**
     * The generator's input rows (T*B, Z+F): step {@code t} of sequence {@code b} is its noise and the note of step
     * {@code t - 1} in {@code previous} (B, T, F), zeros at the first step.
     */
    INDArray generatorInputs(float[][][] noise, float[][][] previous) {
        int batch = noise.length;
        int steps = noise[0].length;
        int width = config.noise() + F;
        float[] rows = new float[steps * batch * width];
        for (int t = 0; t < steps; t++) {
            for (int s = 0; s < batch; s++) {
                int at = (t * batch + s) * width;
                System.arraycopy(noise[s][t], 0, rows, at, config.noise());
                if (t > 0) {
                    System.arraycopy(previous[s][t - 1], 0, rows, at + config.noise(), F);
                }
            }
        }
        return Nd4j.create(rows, new long[] {(long) steps * batch, width}, 'c').castTo(outputW.dataType());
    }

    /** Sequences (B, T, F) as time-major rows (T*B, F) of the model's type. */
    INDArray rows(float[][][] sequences) {
        int batch = sequences.length;
        int steps = sequences[0].length;
        float[] rows = new float[steps * batch * F];
        for (int t = 0; t < steps; t++) {
            for (int s = 0; s < batch; s++) {
                System.arraycopy(sequences[s][t], 0, rows, (t * batch + s) * F, F);
            }
        }
        return Nd4j.create(rows, new long[] {(long) steps * batch, F}, 'c').castTo(outputW.dataType());
    }

    /** A generator pass: the LSTM's pass and the notes it emits, (T*B, F). */
    record GeneratorPass(LstmLayers.Pass lstm, INDArray notes) {
    }

    /** The generator over its input rows (T*B, Z+F). */
    GeneratorPass generate(INDArray inputs, int batch, int steps) {
        LstmLayers.Pass pass = generator.forward(inputs, batch, steps);
        return new GeneratorPass(pass, pass.top().mmul(outputW).addiRowVector(outputB));
    }

    /** The generator's weight gradients from the gradient at its notes (T*B, F). */
    Map<String, INDArray> generatorGradients(GeneratorPass pass, INDArray dNotes) {
        Map<String, INDArray> lstm = new LinkedHashMap<>();
        INDArray dOutputW = Nd4j.gemm(pass.lstm().top(), dNotes, true, false);
        generator.backward(pass.lstm(), Nd4j.gemm(dNotes, outputW, false, true), lstm, false);
        Map<String, INDArray> gradients = prefixed("g_", lstm);
        gradients.put("g_out_w", dOutputW);
        gradients.put("g_out_b", LstmLayers.columnSums(dNotes));
        return gradients;
    }

    /**
     * A discriminator pass over {@code S} sequences: both directions' passes, their hidden rows joined step by step
     * (T*S, 2Hd), and a real-or-generated logit per step (T*S, 1).
     */
    record Judgement(LstmLayers.Pass forwardPass, LstmLayers.Pass backwardPass, INDArray hidden, INDArray logits,
                     int steps) {
    }

    /** The discriminator over note rows (T*S, F). */
    Judgement judge(INDArray notes, int sequences, int steps) {
        LstmLayers.Pass f = forward.forward(notes, sequences, steps);
        LstmLayers.Pass b = backward.forward(reversed(notes, steps), sequences, steps);
        INDArray hidden = Nd4j.hstack(f.top(), reversed(b.top(), steps));
        return new Judgement(f, b, hidden, hidden.mmul(judgeW).addiRowVector(judgeB), steps);
    }

    /**
     * Back through the discriminator from the gradients at its logits and, unless null, at its hidden rows: its
     * weights' gradients go into {@code gradients}; returns the gradient at its input rows when asked (else null).
     */
    INDArray judgeBackward(Judgement j, INDArray dLogits, INDArray dHidden, Map<String, INDArray> gradients,
                           boolean inputGradient) {
        INDArray dH = Nd4j.gemm(dLogits, judgeW, false, true);
        if (dHidden != null) {
            dH.addi(dHidden);
        }
        gradients.put("d_out_w", Nd4j.gemm(j.hidden(), dLogits, true, false));
        gradients.put("d_out_b", LstmLayers.columnSums(dLogits));
        long hd = config.discriminatorHidden();
        Map<String, INDArray> f = new LinkedHashMap<>();
        Map<String, INDArray> b = new LinkedHashMap<>();
        INDArray dxF = forward.backward(j.forwardPass(),
                dH.get(NDArrayIndex.all(), NDArrayIndex.interval(0, hd)).dup('c'), f, inputGradient);
        INDArray dxB = backward.backward(j.backwardPass(),
                reversed(dH.get(NDArrayIndex.all(), NDArrayIndex.interval(hd, 2 * hd)).dup('c'), j.steps()), b,
                inputGradient);
        gradients.putAll(prefixed("d_fwd_", f));
        gradients.putAll(prefixed("d_bwd_", b));
        return inputGradient ? dxF.addi(reversed(dxB, j.steps())) : null;
    }

    /** Time-major rows (T*S, C) with the steps in reverse order: one product with the reversing permutation. */
    private static INDArray reversed(INDArray rows, int steps) {
        INDArray flip = Nd4j.zeros(rows.dataType(), steps, steps);
        for (int t = 0; t < steps; t++) {
            flip.putScalar(t, steps - 1 - t, 1.0);
        }
        long width = rows.length() / steps;
        return Nd4j.gemm(flip, rows.dup('c').reshape(steps, width), false, false).reshape(rows.rows(), rows.columns());
    }

    /** Pieces of {@code notes} notes each from the generator run freely on noise drawn from {@code seed}. */
    public List<NoteSequence> samples(long seed, int count, int notes) {
        List<NoteSequence> pieces = new ArrayList<>();
        for (float[][] piece : freeRun(noise(seed, count, notes))) {
            pieces.add(NoteFeatures.decode(piece));
        }
        return pieces;
    }

    /**
     * One piece from noise drawn from {@code seed}: phrases of the training length, each a fresh free run of the
     * generator (it has learnt no longer runs; beyond them its notes bunch up), each starting where the one before
     * stops sounding (the first phrase's noise is drawn from {@code seed} itself); up to {@code notes} notes, cut before the first that starts at or after {@code quarters}
     * quarter notes (no cut at 0).
     */
    public NoteSequence sample(long seed, int notes, double quarters) {
        long end = quarters > 0 ? Math.round(quarters * NoteFeatures.RESOLUTION) : Long.MAX_VALUE;
        SplittableRandom seeds = new SplittableRandom(seed);
        List<Note> piece = new ArrayList<>();
        long offset = 0;
        for (long phraseSeed = seed; piece.size() < notes && offset < end; phraseSeed = seeds.nextLong()) {
            NoteSequence phrase = samples(phraseSeed, 1, Math.min(config.length(), notes - piece.size())).get(0);
            for (Note n : phrase.notes()) {
                if (offset + n.startTick() < end) {
                    piece.add(Note.of(n.pitch(), n.velocity(), offset + n.startTick(), n.durationTicks()));
                }
            }
            offset += phrase.endTick();
        }
        return NoteSequence.of(NoteFeatures.RESOLUTION, piece);
    }
}
