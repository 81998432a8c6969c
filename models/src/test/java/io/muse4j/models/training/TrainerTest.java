package io.muse4j.models.training;

import io.muse4j.corpora.batch.TokenBatches;
import io.muse4j.models.file.ModelFileException;
import io.muse4j.models.lm.TokenLstmTest;
import io.muse4j.models.lm.TokenModel;
import io.muse4j.models.nn.LstmConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class TrainerTest {
    @TempDir
    Path dir;

    private static List<int[]> corpus() {
        List<int[]> seqs = new ArrayList<>();
        for (int s = 0; s < 6; s++) {
            int[] seq = new int[30];
            for (int i = 0; i < seq.length; i++) {
                seq[i] = (s + i * (1 + s % 3)) % 10;
            }
            seqs.add(seq);
        }
        return seqs;
    }

    /** Stops a run by throwing after the given step, as a kill would. */
    public static final class Kill implements TrainingListener {
        private final long after;

        public Kill(long after) {
            this.after = after;
        }

        @Override
        public void onStep(long step, long totalSteps, double loss, double learningRate, int targets) {
            if (step == after) {
                throw new IllegalStateException("killed");
            }
        }
    }

    private Trainer<TokenBatches.Batch> trainer(TokenModel model, Path checkpoint, TrainingListener... listeners) {
        TokenBatches train = new TokenBatches(corpus(), 2, 8, 9);
        List<TokenBatches.Batch> valid = List.of(new TokenBatches(corpus().subList(0, 2), 2, 8, 1).batch(0));
        TrainerConfig config = new TrainerConfig(24, 0.01, 4, 0.1, 1.0, 4, 6, 0);
        return new Trainer<>(config, model, train::batch, valid, checkpoint, List.of(listeners));
    }

    @Test
    void aKilledRunResumedEndsExactlyWhereAnUninterruptedOneDoes() throws Exception {
        TokenModel straight = new TokenModel(new LstmConfig(10, 6, 12, 1), 4);
        Trainer.Result whole = trainer(straight, dir.resolve("straight.ckpt")).train(false);

        TokenModel killed = new TokenModel(new LstmConfig(10, 6, 12, 1), 4);
        Path checkpoint = dir.resolve("killed.ckpt");
        assertThrows(IllegalStateException.class, () -> trainer(killed, checkpoint, new Kill(15)).train(false));
        TokenModel resumedModel = new TokenModel(new LstmConfig(10, 6, 12, 1), 77); // other init: all comes from the file
        Trainer.Result resumed = trainer(resumedModel, checkpoint).train(true);

        assertEquals(24, resumed.steps());
        assertEquals(whole.bestValidationLoss(), resumed.bestValidationLoss());
        for (Map.Entry<String, INDArray> w : straight.weights().entrySet()) {
            assertArrayEquals(w.getValue().data().asFloat(), resumedModel.weights().get(w.getKey()).data().asFloat(),
                    w.getKey());
        }
        try (var files = Files.list(dir)) {
            assertEquals(List.of("killed.ckpt", "straight.ckpt"), files.map(p -> p.getFileName().toString()).sorted()
                    .toList());
        }
    }

    @Test
    void aResumedRunsLogReadsAsAnUninterruptedRunsLog() throws Exception {
        Path straightLog = dir.resolve("straight.csv");
        try (CsvLog csv = new CsvLog(straightLog)) {
            trainer(new TokenModel(new LstmConfig(10, 6, 12, 1), 4), dir.resolve("straight.ckpt"), csv).train(false);
        }
        Path log = dir.resolve("resumed.csv");
        Path checkpoint = dir.resolve("resumed.ckpt");
        try (CsvLog csv = new CsvLog(log)) {  // killed at step 16, 4 steps past its last checkpoint
            assertThrows(IllegalStateException.class, () -> trainer(new TokenModel(new LstmConfig(10, 6, 12, 1), 4),
                    checkpoint, csv, new Kill(15)).train(false));
        }
        assertEquals(17, Files.readAllLines(log).size());
        try (CsvLog csv = new CsvLog(log)) {
            trainer(new TokenModel(new LstmConfig(10, 6, 12, 1), 4), checkpoint, csv).train(true);
        }
        assertEquals(Files.readAllLines(straightLog), Files.readAllLines(log));
    }

    @Test
    void stopsEarlyAndKeepsTheBestWeights() throws Exception {
        TokenModel model = new TokenModel(new LstmConfig(10, 6, 12, 1), 4);
        TokenBatches.Batch train = TokenLstmTest.countingBatch(2, 8, 10);
        TokenBatches.Batch valid = new TokenBatches.Batch(train.tokens(), reversed(train.targets()), train.mask());
        List<Double> validations = new ArrayList<>();
        TrainingListener record = new TrainingListener() {
            @Override
            public void onValidation(long step, double loss, boolean best) {
                validations.add(loss);
            }
        };
        TrainerConfig config = new TrainerConfig(400, 0.05, 0, 1.0, 0, 2, 50, 3);
        Trainer<TokenBatches.Batch> trainer = new Trainer<>(config, model, i -> train, List.of(valid),
                dir.resolve("early.ckpt"), List.of(record));
        Trainer.Result result = trainer.train(false);
        assertTrue(result.stoppedEarly(), "learning the training pattern makes the reversed one worse");
        assertTrue(result.steps() < 400);
        double best = validations.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        assertEquals(best, result.bestValidationLoss());
        assertEquals(best, trainer.validationLoss(), 1e-6);
    }

    @Test
    void logsEveryStepAsCsvAndDrawsProgressOnTheGivenStream() throws Exception {
        Path log = dir.resolve("train.csv");
        java.io.ByteArrayOutputStream bar = new java.io.ByteArrayOutputStream();
        TokenModel model = new TokenModel(new LstmConfig(10, 6, 12, 1), 4);
        try (CsvLog csv = new CsvLog(log)) {
            trainer(model, dir.resolve("log.ckpt"), csv, new ProgressBar(new java.io.PrintStream(bar), 10, true))
                    .train(false);
        }
        List<String> lines = Files.readAllLines(log);
        assertEquals(CsvLog.HEADER, lines.get(0));
        assertEquals(25, lines.size());
        assertTrue(lines.get(1).startsWith("1,") && lines.get(1).endsWith(","), lines.get(1));
        assertTrue(lines.get(4).matches("4,[0-9.]+,[0-9.e-]+,16,[0-9.]+"), lines.get(4));
        assertTrue(bar.toString().contains("step 24/24"), bar.toString());
        assertTrue(bar.toString().contains("epoch 2.40"), bar.toString());
    }

    @Test
    void learningRateWarmsUpThenFollowsACosine() {
        TrainerConfig config = new TrainerConfig(110, 1.0, 10, 0.1, 0, 1, 1, 0);
        assertEquals(0.1, config.learningRateAt(0), 1e-12);
        assertEquals(1.0, config.learningRateAt(9), 1e-12);
        assertEquals(1.0, config.learningRateAt(10), 1e-12);
        assertEquals(0.55, config.learningRateAt(60), 1e-12);
        assertEquals(0.1, config.learningRateAt(110), 1e-12);
        assertEquals("final learning-rate fraction 2.0 outside 0..1", assertThrows(IllegalArgumentException.class,
                () -> new TrainerConfig(10, 1, 0, 2, 0, 1, 1, 0)).getMessage());
    }

    @Test
    void aDamagedCheckpointIsNamed() throws Exception {
        Path checkpoint = dir.resolve("bad.ckpt");
        Files.writeString(checkpoint, "not a checkpoint");
        TokenModel model = new TokenModel(new LstmConfig(10, 6, 12, 1), 4);
        ModelFileException e = assertThrows(ModelFileException.class, () -> trainer(model, checkpoint).train(true));
        assertEquals(checkpoint + ": not a muse4j training checkpoint", e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void aLossThatStopsBeingANumberStopsTrainingAndKeepsTheLastGoodCheckpoint() throws Exception {
        Path checkpoint = dir.resolve("nan.ckpt");
        DivergedException e = assertThrows(DivergedException.class, () -> diverging(checkpoint, 9, true).train(false));
        assertEquals("training diverged at step 10: the training loss is NaN (a lower learning rate may help); the "
                + "model was not saved, and " + checkpoint + " keeps step 6, the last good one", e.getMessage());
        Map<String, byte[]> kept = io.muse4j.models.file.ChecksummedZip.read(checkpoint, Checkpoint.WHAT);
        io.muse4j.models.file.NamedArrays.read(kept.get("arrays.bin"), checkpoint.toString()); // all finite
    }

    @Test
    void weightsThatStopBeingNumbersAreNeverCheckpointed() {
        Path checkpoint = dir.resolve("nan-weights.ckpt");
        DivergedException e = assertThrows(DivergedException.class, () -> diverging(checkpoint, 2, false).train(false));
        assertTrue(e.getMessage().startsWith("training diverged at step 6: weight "), e.getMessage());
        assertTrue(e.getMessage().endsWith(" is no longer a number (a lower learning rate may help); the model was "
                + "not saved, and no checkpoint was written before it"), e.getMessage());
        assertFalse(Files.exists(checkpoint));
    }

    /**
     * A trainer of 24 steps, checkpointing every 6, of a model whose gradients are NaN from step {@code from} on,
     * and its loss too if {@code loss} (else a constant 1).
     */
    private static Trainer<TokenBatches.Batch> diverging(Path checkpoint, long from, boolean loss) {
        TokenModel model = new TokenModel(new LstmConfig(10, 6, 12, 1), 4);
        Trainable<TokenBatches.Batch> diverging = new Trainable<>() {
            @Override
            public Map<String, INDArray> weights() {
                return model.weights();
            }

            @Override
            public LossAndGradients lossAndGradients(TokenBatches.Batch batch, long step) {
                LossAndGradients lg = model.lossAndGradients(batch, step);
                if (step < from) {
                    return lg;
                }
                Map<String, INDArray> nan = new java.util.LinkedHashMap<>();
                lg.gradients().forEach((name, g) -> nan.put(name, g.dup().assign(Double.NaN)));
                return new LossAndGradients(loss ? Double.NaN : 1.0, nan);
            }

            @Override
            public double loss(TokenBatches.Batch batch) {
                return model.loss(batch);
            }

            @Override
            public int targets(TokenBatches.Batch batch) {
                return model.targets(batch);
            }
        };
        TokenBatches train = new TokenBatches(corpus(), 2, 8, 9);
        return new Trainer<>(new TrainerConfig(24, 0.01, 4, 0.1, 1.0, 4, 6, 0), diverging, train::batch, List.of(),
                checkpoint, List.of());
    }

    private static int[][] reversed(int[][] targets) {
        int[][] out = new int[targets.length][];
        for (int b = 0; b < targets.length; b++) {
            out[b] = new int[targets[b].length];
            for (int t = 0; t < targets[b].length; t++) {
                out[b][t] = (targets[b][t] + 8) % 10;
            }
        }
        return out;
    }
}
