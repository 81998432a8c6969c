import io.muse4j.models.CpuThreads;
import io.muse4j.models.LstmConfig;
import io.muse4j.models.Sampler;
import io.muse4j.models.TokenBatches;
import io.muse4j.models.TokenLstm;
import io.muse4j.models.TokenStepper;
import io.muse4j.models.Trainer;
import io.muse4j.models.TrainerConfig;
import io.muse4j.models.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * LSTM speed of muse4j on the shapes of bench/lstm, each printed as one line:
 * {@code gemm N GFLOPS}, {@code train L H V T B tokens_per_s}, {@code sample L H V ms_per_token}.
 * Training runs the Trainer (Adam, clipping) on random tokens; sampling steps one sequence with carried state.
 */
public class LstmBench {
    private static final int EMBEDDING = 64;

    private static final java.io.PrintStream RESULTS = System.out;

    public static void main(String[] args) throws Exception {
        System.setOut(System.err); // results only on the real standard output
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 20;
        List<String> parts = args.length > 1 ? List.of(args[1].split(",")) : List.of("small", "large", "sample", "gemm");
        if (parts.contains("small")) {
            train(2, 256, 130, 64, 32, seconds);
        }
        if (parts.contains("large")) {
            train(3, 512, 388, 128, 64, seconds);
        }
        if (parts.contains("sample")) {
            sample(3, 512, 388, seconds);
        }
        if (parts.contains("gemm")) {
            gemm(1024);
        }
    }

    private static void train(int layers, int hidden, int vocabulary, int steps, int batch, double seconds)
            throws Exception {
        TokenLstm model = new TokenLstm(new LstmConfig(vocabulary, EMBEDDING, hidden, layers), 1);
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
    private static long run(TokenLstm model, TokenBatches.Batch data, Path checkpoint, int count) throws Exception {
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

    private static void sample(int layers, int hidden, int vocabulary, double seconds) {
        TokenLstm model = new TokenLstm(new LstmConfig(vocabulary, EMBEDDING, hidden, layers), 1);
        TokenStepper stepper = new TokenStepper(model, 1);
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
