package io.muse4j.models.gan.midinet;

import io.muse4j.models.ModelKinds;
import io.muse4j.corpora.batch.BarBatch;
import io.muse4j.models.file.ModelFile;
import io.muse4j.models.gan.GanPlay;
import io.muse4j.models.gan.GanSettings;
import io.muse4j.models.gan.crnngan.CrnnGanTest;
import io.muse4j.models.lm.LstmGradientsTest;
import io.muse4j.models.training.Trainable;
import io.muse4j.models.training.Trainer;
import io.muse4j.models.training.TrainerConfig;
import io.muse4j.core.token.LeadSheetBars;
import io.muse4j.core.token.LeadSheetBars.Bar;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MidiNet: gradients against differences, the players' separation, learning a pattern, model files. */
class MidiNetTest {
    /** The one bar of the tiny corpus: C E G C' in eighths and a half-note G, over C major. */
    static final int[] PATTERN = {0, 0, 4, 4, 7, 7, 12, 12, 7, 7, 7, 7, 7, 7, 7, 7};

    @TempDir
    Path dir;

    /** Random two-bar phrases (with random chords) for gradient checks. */
    private static BarBatch randomBatch(int phrases, long seed) {
        Random random = new Random(seed);
        List<List<Bar>> set = new ArrayList<>();
        for (int p = 0; p < phrases; p++) {
            List<Bar> phrase = new ArrayList<>();
            for (int b = 0; b < 2; b++) {
                int[] steps = new int[LeadSheetBars.STEPS];
                for (int t = 0; t < steps.length; t++) {
                    steps[t] = random.nextInt(LeadSheetBars.COLUMNS);
                }
                phrase.add(new Bar(steps, random.nextInt(LeadSheetBars.CHORDS)));
            }
            set.add(phrase);
        }
        return new BarBatch(List.of(set));
    }

    private static MidiNetPlayers players(MidiNet net, boolean featureMatching, int pretrain) {
        return new MidiNetPlayers(net, new GanSettings(pretrain, featureMatching, 0, 3), 0.1, 1.0, false);
    }

    @Test
    void discriminatorGradientsMatchDifferences() {
        MidiNet net = new MidiNet(new MidiNetConfig(3, 4, true), 1, DataType.DOUBLE);
        Trainable<BarBatch> d = players(net, true, 0).players().get(0);
        BarBatch batch = randomBatch(3, 1);
        Map<String, INDArray> gradients = d.lossAndGradients(batch, 4, 0).gradients();
        assertEquals(net.discriminatorWeights().keySet(), gradients.keySet());
        int nonZero = LstmGradientsTest.check(net.discriminatorWeights(), gradients,
                v -> d.lossAndGradients(batch, 4, 0).loss(), 6);
        assertTrue(nonZero > 6 * 8 * 3 / 4, "most sampled gradients are non-zero: " + nonZero);
    }

    @Tag("slow")
    @Test
    void generatorGradientsReachTheConditionerInEachMode() {
        MidiNet net = new MidiNet(new MidiNetConfig(3, 4, true), 2, DataType.DOUBLE);
        BarBatch batch = randomBatch(3, 2);
        int[][] modes = {{1, 0}, {0, 0}, {1, 100}}; // feature matching, -log D(G(z)), pre-training
        for (int[] mode : modes) {
            Trainable<BarBatch> g = players(net, mode[0] == 1, mode[1]).players().get(1);
            Map<String, INDArray> gradients = g.lossAndGradients(batch, 5, 0).gradients();
            assertEquals(net.generatorWeights().keySet(), gradients.keySet());
            int nonZero = LstmGradientsTest.check(net.generatorWeights(), gradients,
                    v -> g.lossAndGradients(batch, 5, 0).loss(), 4);
            assertTrue(nonZero > 4 * 20 * 3 / 4, "most sampled gradients are non-zero: " + nonZero);
            assertTrue(gradients.get("g_cond0_w").norm2Number().doubleValue() > 0, "the conditioner learns");
        }
    }

    @Test
    void eachPlayerUpdatesOnlyItsOwnNetwork() throws Exception {
        MidiNet net = new MidiNet(new MidiNetConfig(3, 6, true), 3);
        CrnnGanTest.assertEachPlayerUpdatesOnlyItsOwn(dir, players(net, true, 0).players(), randomBatch(4, 3),
                List.of(net.discriminatorWeights(), net.generatorWeights()));
    }

    /**
     * Trains a small MidiNet on a corpus of one bar repeated (runs of four), with 100 steps of pre-training
     * (cross-entropy), then adversarial steps with feature matching and the regularisers at a tenth of the rate.
     */
    static MidiNet trainOnPattern(Path dir, int steps) throws Exception {
        MidiNet net = new MidiNet(new MidiNetConfig(4, 16, true), 5);
        Bar bar = new Bar(PATTERN, 0);
        MidiNetTraining.BarPairs pairs = new MidiNetTraining.BarPairs(List.of(List.of(bar, bar, bar, bar)));
        TrainerConfig config = new TrainerConfig(steps, 0.01, 0, 1, 1, 1000, 50, 0);
        GanSettings settings = new GanSettings(100, true, 0.7, 7);
        List<Trainer.Turn> turns = GanPlay.turns(config, settings, 1, 1, 0.001, 0.001);
        new Trainer<>(config, new MidiNetPlayers(net, settings, 0.1, 1.0, true).players(), turns,
                step -> pairs.batch(7, step, 1, 8), List.of(), dir.resolve("pattern.ckpt"), List.of()).train(true);
        return net;
    }

    @Tag("slow")
    @Test
    void aTinyMidiNetLearnsToEmitItsOnePattern() throws Exception {
        MidiNet net = trainOnPattern(dir, 200);
        List<List<int[]>> pieces = net.generate(List.of(Bar.empty().steps(), PATTERN), new int[][] {{0, 0, 0},
            {0, 0, 0}}, 11);
        int right = 0;
        for (List<int[]> piece : pieces) {
            for (int[] bar : piece) {
                for (int t = 0; t < bar.length; t++) {
                    right += bar[t] == PATTERN[t] ? 1 : 0;
                }
            }
        }
        assertTrue(right >= 0.9 * 2 * 3 * 16, right + " of 96 steps follow the pattern");
    }

    @Test
    void saveLoadGivesTheSameSampleForTheSameSeed() throws Exception {
        MidiNet net = new MidiNet(new MidiNetConfig(5, 8, false), 6);
        Path file = dir.resolve("m.m4j");
        ModelFile.save(file, net, Map.of("encoding", "leadsheet"), List.of(), Map.of());
        MidiNet loaded = ModelKinds.load(file).as(MidiNet.class, "a midinet model");
        assertEquals(net.config(), loaded.config());
        int[] chords = {0, 7, 21, 5};
        assertEquals(net.sample(PATTERN, chords, 9), loaded.sample(PATTERN, chords, 9));
        assertArrayEquals(net.weights().get("d_out_w").toFloatVector(), loaded.weights().get("d_out_w").toFloatVector());
    }
}
