import io.muse4j.models.nn.CpuThreads;
import io.muse4j.models.nn.LstmConfig;
import io.muse4j.models.nn.RelativeAttention;
import io.muse4j.models.sampling.Sampler;
import io.muse4j.corpora.batch.TokenBatches;
import io.muse4j.models.lm.TokenModel;
import io.muse4j.models.sampling.TokenStepper;
import io.muse4j.models.training.Trainer;
import io.muse4j.models.training.TrainerConfig;
import io.muse4j.models.training.TrainingListener;
import io.muse4j.models.nn.TransformerConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Speed and memory of muse4j's models on the shapes of bench/lstm and bench/transformer, each result printed as one
 * line. LSTM: {@code train L H V T B tokens_per_s}, {@code sample L H V ms_per_token}. Transformer:
 * {@code tf-train L W H F V T B tokens_per_s}, {@code tf-sample L W V context cached|uncached ms_per_token},
 * {@code memory skew|naive L W H bytes} (peak resident memory one attention forward pass added). Both:
 * {@code gemm N GFLOPS}. Training runs the Trainer (Adam, clipping) on random tokens; sampling steps one sequence.
 * Parts: the second argument, comma-separated (lstm-small, lstm-large, lstm-sample, tf-train, tf-sample, skew, naive,
 * gemm).
 */
public class ModelBench {
    private static final int EMBEDDING = 64;

    private static final java.io.PrintStream RESULTS = System.out;

    public static void main(String[] args) throws Exception {
        System.setOut(System.err); // results only on the real standard output
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 20;
        List<String> parts = List.of((args.length > 1 ? args[1] : "lstm-small,lstm-large,lstm-sample,gemm").split(","));
        if (parts.contains("lstm-small")) {
            trainLstm(2, 256, 130, 64, 32, seconds);
        }
        if (parts.contains("lstm-large")) {
            trainLstm(3, 512, 388, 128, 64, seconds);
        }
        if (parts.contains("lstm-sample")) {
            sampleLstm(3, 512, 388, seconds);
        }
        if (parts.contains("tf-train")) {
            trainTransformer(4, 256, 8, 1024, 388, 256, 16, seconds);
            trainTransformer(6, 512, 8, 2048, 388, 512, 8, seconds);
        }
        if (parts.contains("tf-sample")) {
            sampleTransformer(6, 512, 8, 2048, 388, 1024, seconds);
        }
        if (parts.contains("skew")) {
            memory(false, 2048, 512, 8);
        }
        if (parts.contains("naive")) {
            memory(true, 2048, 512, 8);
        }
        if (parts.contains("gemm")) {
            gemm(1024);
        }
    }

    private static void trainLstm(int layers, int hidden, int vocabulary, int steps, int batch, double seconds)
            throws Exception {
        TokenModel model = new TokenModel(new LstmConfig(vocabulary, EMBEDDING, hidden, layers), 1);
        TokenBatches.Batch data = randomBatch(vocabulary, batch, steps, new Random(1));
        Path checkpoint = Files.createTempFile("lstm-bench", ".ckpt");
        try {
            run(model, data, checkpoint, 3); // warm up: natives, buffers, the JIT
            int count = 3;
            long took = run(model, data, checkpoint, count);
            while (took < seconds * 1e9 / 4) {
                count *= 2;
                took = run(model, data, checkpoint, count);
            }
            RESULTS.printf("train %d %d %d %d %d %.1f%n", layers, hidden, vocabulary, steps, batch,
                    (double) count * batch * steps / (took / 1e9));
        } finally {
            Files.deleteIfExists(checkpoint);
        }
    }

    /** Nanoseconds for {@code count} optimiser steps, the checkpoint written at the end left out. */
    private static long run(TokenModel model, TokenBatches.Batch data, Path checkpoint, int count) throws Exception {
        TrainerConfig config = new TrainerConfig(count, 1e-3, 0, 1.0, 5.0, Integer.MAX_VALUE, Integer.MAX_VALUE, 0);
        long[] span = new long[2];
        TrainingListener clock = new TrainingListener() {
            @Override
            public void onStep(long step, long totalSteps, double loss, double learningRate, int targets) {
                span[step == 0 ? 0 : 1] = System.nanoTime();
            }
        };
        long start = System.nanoTime();
        new Trainer<>(config, model, i -> data, List.of(), checkpoint, List.of(clock)).train(false);
        // steps 1..count-1 between the first and last callbacks, plus the first step's share
        return count == 1 ? span[0] - start : (span[1] - span[0]) * count / (count - 1);
    }

    private static void sampleLstm(int layers, int hidden, int vocabulary, double seconds) {
        TokenModel model = new TokenModel(new LstmConfig(vocabulary, EMBEDDING, hidden, layers), 1);
        TokenStepper stepper = model.stepper(1);
        Sampler sampler = new Sampler(1.0, 0, 1.0, 1);
        int token = 0;
        for (int i = 0; i < 200; i++) {
            token = sampler.sample(stepper.step(new int[] {token})[0]);
        }
        int count = 0;
        long start = System.nanoTime();
        while (System.nanoTime() - start < seconds * 1e9 / 4) {
            token = sampler.sample(stepper.step(new int[] {token})[0]);
            count++;
        }
        RESULTS.printf("sample %d %d %d %.4f%n", layers, hidden, vocabulary, (System.nanoTime() - start) / 1e6 / count);
    }

    private static TransformerConfig config(int layers, int width, int heads, int feedForward, int vocabulary,
                                            int maxRelative) {
        return new TransformerConfig(vocabulary, width, heads, layers, feedForward, maxRelative, false, 0);
    }

    private static void trainTransformer(int layers, int width, int heads, int feedForward, int vocabulary,
                                         int steps, int batch, double seconds) throws Exception {
        TokenModel model = new TokenModel(config(layers, width, heads, feedForward, vocabulary, steps), 1);
        TokenBatches.Batch data = randomBatch(vocabulary, batch, steps, new Random(1));
        Path checkpoint = Files.createTempFile("transformer-bench", ".ckpt");
        try {
            run(model, data, checkpoint, 2); // warm up: natives, workspaces, the JIT
            int count = 2;
            long took = run(model, data, checkpoint, count);
            while (took < seconds * 1e9 / 4) {
                count *= 2;
                took = run(model, data, checkpoint, count);
            }
            RESULTS.printf("tf-train %d %d %d %d %d %d %d %.1f%n", layers, width, heads, feedForward, vocabulary, steps,
                    batch, (double) count * batch * steps / (took / 1e9));
        } finally {
            Files.deleteIfExists(checkpoint);
        }
    }

    /** ms per token at a full context of {@code context} tokens: the key/value cache, then whole forward passes. */
    private static void sampleTransformer(int layers, int width, int heads, int feedForward, int vocabulary,
                                          int context, double seconds) {
        TokenModel model = new TokenModel(config(layers, width, heads, feedForward, vocabulary, context), 1);
        Sampler sampler = new Sampler(1.0, 0, 1.0, 1);
        TokenStepper stepper = model.stepper(1);
        int[] tokens = new int[context + 1];
        for (int i = 0; i < context; i++) {
            tokens[i + 1] = sampler.sample(stepper.step(new int[] {tokens[i]})[0]);
        }
        int token = tokens[context];
        int count = 0;
        long start = System.nanoTime();
        while (System.nanoTime() - start < seconds * 1e9 / 4) {
            token = sampler.sample(stepper.step(new int[] {token})[0]);
            count++;
        }
        RESULTS.printf("tf-sample %d %d %d %d cached %.4f%n", layers, width, vocabulary, context,
                (System.nanoTime() - start) / 1e6 / count);
        int[][] window = {java.util.Arrays.copyOfRange(tokens, 1, context + 1)};
        model.logits(window); // warm up
        count = 0;
        start = System.nanoTime();
        do {
            INDArray logits = model.logits(window);
            token = sampler.sample(logits.getRow(context - 1).toFloatVector());
            System.arraycopy(window[0], 1, window[0], 0, context - 1);
            window[0][context - 1] = token;
            count++;
        } while (System.nanoTime() - start < seconds * 1e9 / 4);
        RESULTS.printf("tf-sample %d %d %d %d uncached %.4f%n", layers, width, vocabulary, context,
                (System.nanoTime() - start) / 1e6 / count);
    }

    /**
     * Peak resident memory one attention forward pass adds (one sequence of {@code steps}, every position with a
     * relative embedding): muse4j's skewed relative attention, or the naive form of Shaw et al. 2018, which gathers
     * a (T, T, d) tensor of per-pair embeddings for each head. Run each in a fresh JVM: the peak is the process's.
     */
    private static void memory(boolean naive, int steps, int width, int heads) throws Exception {
        TransformerConfig config = config(1, width, heads, 4 * width, 2, steps);
        int d = width / heads;
        Random random = new Random(1);
        INDArray qkv = Nd4j.rand(DataType.FLOAT, steps, 3L * width).subi(0.5);
        INDArray relative = Nd4j.rand(DataType.FLOAT, (long) heads * steps, d).subi(0.5);
        long before = residentBytes("VmRSS");
        INDArray out;
        if (naive) {
            out = naiveAttention(qkv, relative, steps, heads, d);
        } else {
            out = new RelativeAttention(config).forward(qkv, relative, 1, steps).rows();
        }
        long peak = residentBytes("VmHWM");
        RESULTS.printf("memory %s %d %d %d %d%n", naive ? "naive" : "skew", steps, width, heads, peak - before);
        System.err.println("checksum " + out.sumNumber());
    }

    /** Shaw et al.'s relative attention for one sequence, all heads at once, with the per-pair embedding tensor. */
    private static INDArray naiveAttention(INDArray qkv, INDArray relative, int steps, int heads, int d) {
        int width = heads * d;
        INDArray split = qkv.reshape(steps, 3, heads, d).permute(1, 2, 0, 3).dup('c'); // (3, H, T, d)
        INDArray q = split.get(NDArrayIndex.point(0));
        INDArray k = split.get(NDArrayIndex.point(1));
        INDArray v = split.get(NDArrayIndex.point(2));
        // pairs[h][i][j] = E_h[i - j] for j <= i: rows 0..i of query i are E_h reversed, a contiguous slice of it
        INDArray pairs = Nd4j.create(DataType.FLOAT, (long) heads * steps, steps, d);              // (H*T, T, d)
        for (int h = 0; h < heads; h++) {
            INDArray reversed = relative.get(NDArrayIndex.interval((long) h * steps, (long) (h + 1) * steps))
                    .getRows(java.util.stream.IntStream.range(0, steps).map(c -> steps - 1 - c).toArray());
            for (int i = 0; i < steps; i++) {
                pairs.get(NDArrayIndex.point((long) h * steps + i), NDArrayIndex.interval(0, i + 1), NDArrayIndex.all())
                        .assign(reversed.get(NDArrayIndex.interval(steps - 1 - i, steps), NDArrayIndex.all()));
            }
        }
        INDArray relativeLogits = Nd4j.matmul(q.reshape((long) heads * steps, 1, d), pairs, false, true, false)
                .reshape(heads, steps, steps);
        INDArray logits = Nd4j.matmul(q, k, false, true, false).addi(relativeLogits).muli(1 / Math.sqrt(d));
        INDArray mask = Nd4j.create(DataType.FLOAT, steps, steps);
        for (int i = 0; i < steps; i++) {
            for (int j = i + 1; j < steps; j++) {
                mask.putScalar(i, j, -1e9);
            }
        }
        logits.reshape(heads, (long) steps * steps).addiRowVector(mask.reshape((long) steps * steps));
        INDArray weights = Transforms.softmax(logits.reshape((long) heads * steps, steps), false)
                .reshape(heads, steps, steps);
        return Nd4j.matmul(weights, v).permute(1, 0, 2).dup('c').reshape(steps, width);
    }

    /** A line of /proc/self/status in bytes: VmRSS (resident now) or VmHWM (the peak so far). */
    private static long residentBytes(String field) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IllegalStateException("no " + field + " in /proc/self/status");
    }

    /** ND4J's sgemm on as many BLAS threads as muse4j computes on (the models hold ND4J to one). */
    private static void gemm(int n) {
        Nd4j.factory().blas().setMaxThreads(CpuThreads.count());
        INDArray a = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, n, n);
        INDArray b = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, n, n);
        INDArray c = Nd4j.create(org.nd4j.linalg.api.buffer.DataType.FLOAT, n, n);
        for (int i = 0; i < 3; i++) {
            a.mmuli(b, c);
        }
        int reps = 0;
        long start = System.nanoTime();
        while (System.nanoTime() - start < 2e9) {
            a.mmuli(b, c);
            reps++;
        }
        RESULTS.printf("gemm %d %.1f%n", n, 2.0 * n * n * n * reps / ((System.nanoTime() - start) / 1e9) / 1e9);
    }

    private static TokenBatches.Batch randomBatch(int vocabulary, int batch, int steps, Random random) {
        int[][] tokens = new int[batch][steps];
        int[][] targets = new int[batch][steps];
        float[][] mask = new float[batch][steps];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < steps; t++) {
                tokens[b][t] = random.nextInt(vocabulary);
                targets[b][t] = random.nextInt(vocabulary);
                mask[b][t] = 1;
            }
        }
        return new TokenBatches.Batch(tokens, targets, mask);
    }
}
