package io.muse4j.models.gan.crnngan;

import io.muse4j.models.ModelKinds;
import io.muse4j.corpora.batch.GanBatch;
import io.muse4j.models.file.ModelFile;
import io.muse4j.models.gan.GanSettings;
import io.muse4j.models.lm.LstmGradientsTest;
import io.muse4j.models.training.Schedule;
import io.muse4j.models.training.Trainable;
import io.muse4j.models.training.Trainer;
import io.muse4j.models.training.TrainerConfig;
import io.muse4j.models.training.TrainerTest;
import io.muse4j.models.training.TrainingListener;
import io.muse4j.core.score.Note;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.token.NoteFeatures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** C-RNN-GAN: gradients against differences, the players' separation, learning a pattern, resuming, model files. */
public class CrnnGanTest {
    /** The one pattern of the tiny corpus: an arpeggio in eighths. */
    static final int[] PATTERN = {60, 64, 67, 72};

    @TempDir
    Path dir;

    /** {@code notes} notes of the arpeggio, an eighth each, as feature rows. */
    static float[][] arpeggio(int notes) {
        List<Note> list = new ArrayList<>();
        for (int i = 0; i < notes; i++) {
            list.add(Note.of(PATTERN[i % PATTERN.length], 100, i * 240L, 240));
        }
        return NoteFeatures.encode(NoteSequence.of(480, list));
    }

    /** Random-ish real windows (B, T, F) for gradient checks. */
    private static GanBatch batch(int sequences, int steps) {
        float[][][] real = new float[sequences][][];
        for (int s = 0; s < sequences; s++) {
            float[][] piece = arpeggio(steps + s);
            real[s] = java.util.Arrays.copyOfRange(piece, s, s + steps);
            real[s][0][NoteFeatures.DURATION] += 0.1f * s;
        }
        return new GanBatch(List.<float[][][]>of(real));
    }

    private static CrnnGanPlayers players(CrnnGan gan, boolean featureMatching) {
        return new CrnnGanPlayers(gan, new GanSettings(0, featureMatching, 0, 3));
    }

    @Tag("slow")
    @Test
    void discriminatorGradientsMatchDifferences() {
        CrnnGan gan = new CrnnGan(new CrnnGanConfig(3, 5, 2, 4, 5), 1, DataType.DOUBLE);
        Trainable<GanBatch> d = players(gan, true).players().get(0);
        GanBatch batch = batch(3, 5);
        Map<String, INDArray> gradients = d.lossAndGradients(batch, 4, 0).gradients();
        assertEquals(gan.discriminatorWeights().keySet(), gradients.keySet());
        int nonZero = LstmGradientsTest.check(gan.discriminatorWeights(), gradients,
                v -> d.lossAndGradients(batch, 4, 0).loss(), 6);
        assertTrue(nonZero > 6 * 8 * 3 / 4, "most sampled gradients are non-zero: " + nonZero);
    }

    @Tag("slow")
    @Test
    void generatorGradientsMatchDifferencesInEachMode() {
        CrnnGan gan = new CrnnGan(new CrnnGanConfig(3, 5, 2, 4, 5), 2, DataType.DOUBLE);
        GanBatch batch = batch(3, 5);
        float[][][] real = batch.real(0);
        float[][][] noise = gan.noise(9, 3, 5);
        float[][][] fedBack = gan.freeRun(noise);
        for (boolean matching : new boolean[] {true, false}) {
            CrnnGanPlayers.Generator g = (CrnnGanPlayers.Generator) players(gan, matching).players().get(1);
            Map<String, INDArray> adversarial = g.adversarial(real, noise, fedBack).gradients();
            assertEquals(gan.generatorWeights().keySet(), adversarial.keySet());
            int nonZero = LstmGradientsTest.check(gan.generatorWeights(), adversarial,
                    v -> g.adversarial(real, noise, fedBack).loss(), 6);
            assertTrue(nonZero > 6 * 8 * 3 / 4, "most sampled gradients are non-zero: " + nonZero);
        }
        CrnnGanPlayers.Generator g = (CrnnGanPlayers.Generator) players(gan, true).players().get(1);
        LstmGradientsTest.check(gan.generatorWeights(), g.teacherForced(real, noise).gradients(),
                v -> g.teacherForced(real, noise).loss(), 6);
    }

    @Test
    void eachPlayerUpdatesOnlyItsOwnNetwork() throws Exception {
        CrnnGan gan = new CrnnGan(new CrnnGanConfig(3, 6, 1, 5, 6), 3);
        assertEachPlayerUpdatesOnlyItsOwn(dir, players(gan, true).players(), batch(4, 6),
                List.of(gan.discriminatorWeights(), gan.generatorWeights()));
    }

    /** Training each of a GAN's players alone changes its own weights and none of the other's. */
    public static <B> void assertEachPlayerUpdatesOnlyItsOwn(Path dir, List<Trainable<B>> players, B batch,
                                                      List<Map<String, INDArray>> weights) throws Exception {
        TrainerConfig config = new TrainerConfig(3, 0.01, 0, 1, 1, 100, 100, 0);
        for (int side = 0; side < 2; side++) {
            Map<String, INDArray> own = weights.get(side);
            Map<String, INDArray> other = weights.get(1 - side);
            Map<String, INDArray> ownBefore = copies(own);
            Map<String, INDArray> otherBefore = copies(other);
            new Trainer<>(config, players.get(side), i -> batch, List.of(), dir.resolve(side + ".ckpt"), List.of())
                    .train(false);
            otherBefore.forEach((name, w) -> assertEquals(w, other.get(name), name + " unchanged"));
            ownBefore.forEach((name, w) -> assertNotEquals(w, own.get(name), name + " trained"));
        }
    }

    private static Map<String, INDArray> copies(Map<String, INDArray> weights) {
        Map<String, INDArray> copies = new LinkedHashMap<>();
        weights.forEach((name, w) -> copies.put(name, w.dup()));
        return copies;
    }

    @Test
    void aDiscriminatorFarAheadSitsItsUpdateOut() {
        CrnnGan gan = new CrnnGan(new CrnnGanConfig(3, 6, 1, 5, 6), 4);
        CrnnGanPlayers players = new CrnnGanPlayers(gan, new GanSettings(0, true, 10, 1));
        Trainable.LossAndGradients lg = players.players().get(0).lossAndGradients(batch(4, 6), 0, 0);
        assertNull(lg.gradients());
        assertEquals(0.0, lg.measures().get("d_trained"));
        assertTrue(lg.measures().get("d_real") > 0 && lg.measures().get("d_fake") > 0);
    }

    /**
     * Trains a small GAN on a corpus of one pattern, the arpeggio twice (8 notes, so every window is the whole
     * piece): 200 steps of teacher forcing, then adversarial steps with feature matching at a thirtieth of the
     * generator's rate (at the full rate, Adam's normalised steps on a matched feature loss of ~1e-5 wander off).
     */
    static CrnnGan trainOnArpeggio(Path dir, int steps, List<TrainingListener> listeners) throws Exception {
        return trainOnArpeggio(dir, steps, listeners, new GanSettings(200, true, 0.7, 7), 1, 1, 1.0, 0.03);
    }

    static CrnnGan trainOnArpeggio(Path dir, int steps, List<TrainingListener> listeners, GanSettings settings,
                                   double dScale, int dSteps, double finalFraction, double gScale) throws Exception {
        CrnnGan gan = new CrnnGan(new CrnnGanConfig(4, 24, 1, 16, 8), 5);
        CrnnGanTraining.NoteWindows windows = new CrnnGanTraining.NoteWindows(List.<float[][]>of(arpeggio(8)), 8);
        TrainerConfig config = new TrainerConfig(steps, 0.01, 0, finalFraction, 1, 1000, 10, 0);
        List<Trainer.Turn> turns = List.of(new Trainer.Turn(dScale, dSteps), new Trainer.Turn(
                Schedule.linear(1, gScale, settings.pretrainSteps() - 1, settings.pretrainSteps()), 1));
        new Trainer<>(config, new CrnnGanPlayers(gan, settings).players(), turns,
                step -> windows.batch(7, step, 1, 8), List.of(), dir.resolve("arpeggio.ckpt"), listeners).train(true);
        return gan;
    }

    /** 40 steps, the last 20 adversarial with two discriminator updates each (checkpoints every 10 steps). */
    private static CrnnGan shortRun(Path dir, List<TrainingListener> listeners) throws Exception {
        java.nio.file.Files.createDirectories(dir);
        return trainOnArpeggio(dir, 40, listeners, new GanSettings(20, true, 0.7, 7), 1, 2, 0.5, 0.1);
    }

    @Tag("slow")
    @Test
    void aTinyGanLearnsTheOnePatternOfItsCorpus() throws Exception {
        CrnnGan gan = trainOnArpeggio(dir, 320, List.of());
        int followed = 0;
        int pairs = 0;
        for (NoteSequence piece : gan.samples(11, 20, 8)) {
            List<Note> notes = piece.notes();
            for (int i = 2; i < notes.size(); i++) {
                int at = java.util.Arrays.stream(PATTERN).boxed().toList().indexOf(notes.get(i - 1).pitch());
                followed += at >= 0 && notes.get(i).pitch() == PATTERN[(at + 1) % PATTERN.length]
                        && notes.get(i).startTick() - notes.get(i - 1).startTick() == 240 ? 1 : 0;
                pairs++;
            }
        }
        assertTrue(followed >= 0.75 * pairs, followed + " of " + pairs + " notes follow the pattern");
    }

    @Tag("slow")
    @Test
    void aKilledRunResumesExactlyAndSaveLoadSamplesTheSame() throws Exception {
        CrnnGan whole = shortRun(dir.resolve("whole"), List.of());
        Path killed = dir.resolve("killed");
        assertThrows(IllegalStateException.class, () -> shortRun(killed, List.of(new TrainerTest.Kill(30))));
        CrnnGan resumed = shortRun(killed, List.of());
        whole.weights().forEach((name, w) -> assertEquals(w, resumed.weights().get(name), name));
        Path file = dir.resolve("gan.m4j");
        ModelFile.save(file, whole, Map.of("encoding", "notefeatures"), List.of(), Map.of());
        CrnnGan loaded = ModelKinds.load(file).as(CrnnGan.class, "a crnngan model");
        assertEquals(whole.config(), loaded.config());
        assertEquals(whole.sample(3, 40, 8), loaded.sample(3, 40, 8));
        assertNotEquals(whole.sample(3, 40, 0), loaded.sample(4, 40, 0));
        assertTrue(whole.sample(3, 40, 8).notes().stream().allMatch(n -> n.startTick() < 8 * 480));
        NoteSequence phrases = whole.sample(3, 20, 0); // phrases of 8, 8 and 4 notes, one after another
        assertEquals(20, phrases.notes().size());
        assertEquals(whole.samples(3, 1, 8).get(0).notes(), phrases.notes().subList(0, 8));
        long firstEnds = phrases.notes().subList(0, 8).stream().mapToLong(Note::endTick).max().orElseThrow();
        assertEquals(firstEnds, phrases.notes().get(8).startTick());
    }
}
