package io.muse4j.models.gan.crnngan;

import io.muse4j.corpora.batch.GanBatch;
import io.muse4j.models.gan.GanPlay;
import io.muse4j.models.gan.GanSettings;
import io.muse4j.models.gan.GanSide;
import io.muse4j.models.gan.Verdicts;
import io.muse4j.models.training.Trainable;
import io.muse4j.core.metrics.MusicMetrics;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.token.NoteFeatures;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link CrnnGan}'s two players for the {@link io.muse4j.models.training.Trainer}: the discriminator, which steps first, and the generator.
 * Each update draws its own noise from the seed, the step, the update and the side, so a resumed run repeats an
 * uninterrupted one. The discriminator and generator see real and generated sequences together in one pass of
 * 2B sequences (real first).
 * <ul>
 *   <li>Discriminator: binary cross-entropy of its per-step logits, real against generated, averaged over steps;
 *       it sits the update out while its loss is below {@link GanSettings#freezeRatio()} times the generator's
 *       -log D(G(z)) (Mogren 2016). It measures {@code d_loss}, {@code d_real} (mean D(x) over steps),
 *       {@code d_fake} (mean D(G(z))), {@code d_accuracy} (sequences judged right by their mean), {@code d_trained}
 *       (1 or 0) and {@code distinct} (the share of the generated batch that are not near-duplicates).</li>
 *   <li>Generator: during pre-training, teacher forcing (mean squared error of each next note, summed over its four
 *       numbers, fed the real notes before it); then feature matching, the squared distance between the means of
 *       the discriminator's hidden rows on real and on generated sequences, or -log D(G(z)).</li>
 * </ul>
 * The generator's validation loss is the distance between the statistics of its pieces and of the real ones
 * ({@link MusicMetrics#distance}); the trainer keeps the weights with the lowest.
 */
public final class CrnnGanPlayers {
    private final CrnnGan gan;
    private final GanSettings settings;

    CrnnGanPlayers(CrnnGan gan, GanSettings settings) {
        this.gan = gan;
        this.settings = settings;
    }

    /** The players in the order they step: discriminator, generator. */
    List<Trainable<GanBatch>> players() {
        return List.of(new Discriminator(), new Generator());
    }

    /** Real (B) and generated (B) sequences as one set of 2B time-major rows, real first. */
    private INDArray together(INDArray real, INDArray fake, int batch, int steps) {
        return Nd4j.concat(1, real.reshape(steps, batch, CrnnGan.F), fake.reshape(steps, batch, CrnnGan.F))
                .reshape((long) steps * 2 * batch, CrnnGan.F);
    }

    /** What both sides share: a batch's first update stands for the batch; its targets are its notes. */
    private abstract static class Side extends GanSide<GanBatch> {
        @Override
        public int targets(GanBatch batch) {
            return batch.sequences() * batch.steps();
        }
    }

    /** The discriminator's side: binary cross-entropy, real against generated, unless it sits the update out. */
    final class Discriminator extends Side {
        @Override
        public Map<String, INDArray> weights() {
            return gan.discriminatorWeights();
        }

        @Override
        public LossAndGradients lossAndGradients(GanBatch batch, long step, int repeat) {
            int b = batch.sequences();
            int t = batch.steps();
            float[][][] fakes = gan.freeRun(gan.noise(GanPlay.noiseSeed(settings.seed(), step, repeat, 0), b, t));
            CrnnGan.Judgement j = gan.judge(together(gan.rows(batch.real(repeat)), gan.rows(fakes), b, t), 2 * b, t);
            Verdicts v = Verdicts.of(j.logits().data().asDouble(), b, t);
            return v.result(settings, decoded(fakes), j.logits(),
                    (dz, gradients) -> gan.judgeBackward(j, dz, null, gradients, false));
        }
    }

    private static List<NoteSequence> decoded(float[][][] sequences) {
        List<NoteSequence> pieces = new ArrayList<>();
        for (float[][] sequence : sequences) {
            pieces.add(NoteFeatures.decode(sequence));
        }
        return pieces;
    }

    /** The generator's side: teacher forcing while pre-training, then feature matching or -log D(G(z)). */
    final class Generator extends Side {
        @Override
        public Map<String, INDArray> weights() {
            return gan.generatorWeights();
        }

        @Override
        public LossAndGradients lossAndGradients(GanBatch batch, long step, int repeat) {
            float[][][] real = batch.real(repeat);
            float[][][] noise = gan.noise(GanPlay.noiseSeed(settings.seed(), step, repeat, 1), batch.sequences(),
                    batch.steps());
            if (step < settings.pretrainSteps()) {
                return teacherForced(real, noise);
            }
            return adversarial(real, noise, gan.freeRun(noise));
        }

        /** Mean squared error of each next note, fed the real notes before it. */
        LossAndGradients teacherForced(float[][][] real, float[][][] noise) {
            int b = real.length;
            int t = real[0].length;
            CrnnGan.GeneratorPass pass = gan.generate(gan.generatorInputs(noise, real), b, t);
            INDArray error = pass.notes().sub(gan.rows(real));
            double loss = error.norm2Number().doubleValue();
            loss = loss * loss / (t * b);
            Map<String, INDArray> gradients = gan.generatorGradients(pass, error.muli(2.0 / (t * b)));
            return new LossAndGradients(loss, gradients, Map.of("g_pretrain_loss", loss));
        }

        /** The adversarial loss of the generator fed back {@code fedBack} (B, T, F), taken as given, and its gradients. */
        LossAndGradients adversarial(float[][][] real, float[][][] noise, float[][][] fedBack) {
            int b = real.length;
            int t = real[0].length;
            CrnnGan.GeneratorPass pass = gan.generate(gan.generatorInputs(noise, fedBack), b, t);
            CrnnGan.Judgement j = gan.judge(together(gan.rows(real), pass.notes(), b, t), 2 * b, t);
            INDArray dLogits = j.logits().ulike().assign(0);
            INDArray dHidden = null;
            double loss;
            if (settings.featureMatching()) {
                INDArray hidden = j.hidden().reshape(t, 2 * b, j.hidden().columns());
                INDArray gap = hidden.get(NDArrayIndex.all(), NDArrayIndex.interval(b, 2 * b), NDArrayIndex.all())
                        .mean(0, 1).sub(hidden.get(NDArrayIndex.all(), NDArrayIndex.interval(0, b),
                                NDArrayIndex.all()).mean(0, 1));
                loss = Math.pow(gap.norm2Number().doubleValue(), 2);
                dHidden = featureGradient(gap.data().asDouble(), b, t).castTo(dLogits.dataType());
            } else {
                loss = Verdicts.nonSaturating(j.logits(), dLogits, b, t);
            }
            INDArray dInput = gan.judgeBackward(j, dLogits, dHidden, new LinkedHashMap<>(), true);
            INDArray dNotes = dInput.reshape(t, 2 * b, CrnnGan.F)
                    .get(NDArrayIndex.all(), NDArrayIndex.interval(b, 2 * b), NDArrayIndex.all()).dup('c')
                    .reshape((long) t * b, CrnnGan.F);
            return new LossAndGradients(loss, gan.generatorGradients(pass, dNotes), Map.of("g_loss", loss));
        }

        /** The gradient at the hidden rows (T*2B, C) of |mean fake - mean real|^2, given the gap between the means. */
        private INDArray featureGradient(double[] gap, int b, int t) {
            int width = gap.length;
            double[] d = new double[t * 2 * b * width];
            for (int row = 0; row < t * 2 * b; row++) {
                if (!Verdicts.isReal(row, b)) {
                    for (int c = 0; c < width; c++) {
                        d[row * width + c] = 2 * gap[c] / (t * b);
                    }
                }
            }
            return Nd4j.create(d, new long[] {(long) t * 2 * b, width}, 'c');
        }

        /** The distance between the statistics of generated pieces (fixed noise) and of the batch's real ones. */
        @Override
        public double loss(GanBatch batch) {
            List<NoteSequence> real = new ArrayList<>();
            for (float[][][] round : batch.rounds()) {
                real.addAll(decoded(round));
            }
            List<NoteSequence> fake = gan.samples(GanPlay.validationSeed(settings.seed()), real.size(), batch.steps());
            return MusicMetrics.distance(fake, real);
        }
    }
}
