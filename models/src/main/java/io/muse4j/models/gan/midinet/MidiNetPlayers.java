package io.muse4j.models.gan.midinet;

import io.muse4j.corpora.batch.BarBatch;
import io.muse4j.models.gan.GanPlay;
import io.muse4j.models.gan.GanSettings;
import io.muse4j.models.gan.GanSide;
import io.muse4j.models.gan.Verdicts;
import io.muse4j.models.training.Trainable;
import io.muse4j.core.metrics.MusicMetrics;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.core.token.LeadSheetBars;
import io.muse4j.core.token.LeadSheetBars.Bar;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A {@link MidiNet}'s two players for the {@link Trainer}: the discriminator, which steps first, and the generator
 * (with its conditioner). Each update draws its noise from the seed, the step, the update and the side
 * ({@link GanPlay#noiseSeed}), as C-RNN-GAN's players do, and each update's real and generated bars go through the
 * discriminator in one pass of 2B bars (real first).
 * <ul>
 *   <li>Discriminator: binary cross-entropy of its logit per bar, real against generated, with the same freezing
 *       rule and measures as C-RNN-GAN's ({@link Verdicts}).</li>
 *   <li>Generator: during pre-training, the cross-entropy of the real bar's columns (given its previous bar, chord
 *       and noise); then feature matching on the discriminator's last features (or -log D(G(z))), plus the paper's
 *       two regularisers: {@code lambda1} times the squared distance between the means over the batch of the real
 *       and the generated bars, and {@code lambda2} the same on the discriminator's first-layer features.</li>
 * </ul>
 * With {@code straightThrough} the discriminator is shown the generated bars as they decode (one-hot, {@link
 * MidiNet#columns}), like the real ones, rather than as probabilities, which it would tell from one-hot bars by their
 * softness alone; the generator's gradient passes through that choice as if it had not been made (the
 * straight-through estimator). Without it, the gradients are exact, which the gradient checks need.
 * The generator's validation loss is the distance between the statistics of generated and real phrases
 * ({@link MusicMetrics#distance}), each generated phrase following its real one's first bar under its chords.
 */
public final class MidiNetPlayers {
    private final MidiNet net;
    private final GanSettings settings;
    private final double lambda1;
    private final double lambda2;
    private final boolean straightThrough;

    /** Players with the regularisers' weights {@code lambda1} (bars) and {@code lambda2} (first-layer features). */
    public MidiNetPlayers(MidiNet net, GanSettings settings, double lambda1, double lambda2, boolean straightThrough) {
        if (!(lambda1 >= 0 && lambda2 >= 0)) {
            throw new IllegalArgumentException("lambda1 " + lambda1 + " and lambda2 " + lambda2 + " must be at least 0");
        }
        this.net = net;
        this.settings = settings;
        this.lambda1 = lambda1;
        this.lambda2 = lambda2;
        this.straightThrough = straightThrough;
    }

    /** The players in the order they step: discriminator, generator. */
    public List<Trainable<BarBatch>> players() {
        return List.of(new Discriminator(), new Generator());
    }

    /** One update's pairs: previous bars, current bars and the current bars' chords. */
    private record Pairs(List<int[]> previous, List<int[]> current, int[] chords) {
        static Pairs of(BarBatch batch, int repeat) {
            List<List<Bar>> pairs = batch.pairs(repeat);
            List<int[]> previous = new ArrayList<>();
            List<int[]> current = new ArrayList<>();
            int[] chords = new int[pairs.size()];
            for (int i = 0; i < pairs.size(); i++) {
                previous.add(pairs.get(i).get(0).steps());
                current.add(pairs.get(i).get(1).steps());
                chords[i] = pairs.get(i).get(1).chord();
            }
            return new Pairs(previous, current, chords);
        }

        int size() {
            return chords.length;
        }

        /** The chords twice, for a pass over real and generated bars together. */
        int[] twice() {
            int[] both = java.util.Arrays.copyOf(chords, 2 * chords.length);
            System.arraycopy(chords, 0, both, chords.length, chords.length);
            return both;
        }
    }

    private MidiNet.GeneratorPass generate(Pairs pairs, long step, int repeat, int side) {
        SplittableRandom noise = new SplittableRandom(GanPlay.noiseSeed(settings.seed(), step, repeat, side));
        return net.generate(net.rows(pairs.previous()), pairs.chords(), net.noise(noise, pairs.size()));
    }

    /** The generated bars as the discriminator sees them: decoded to one-hot rows, or else as they are. */
    private INDArray shown(INDArray probabilities) {
        return straightThrough ? net.oneHot(MidiNet.columns(probabilities)) : probabilities;
    }

    /** The bars' columns ({@link MidiNet#columns}), decoded one bar a piece. */
    private static List<NoteSequence> decoded(INDArray probabilities) {
        int[] columns = MidiNet.columns(probabilities);
        List<NoteSequence> bars = new ArrayList<>();
        for (int at = 0; at < columns.length; at += MidiNet.T) {
            bars.add(LeadSheetBars.decode(List.of(java.util.Arrays.copyOfRange(columns, at, at + MidiNet.T))));
        }
        return bars;
    }

    /** What both sides share: targets are the batch's bars. */
    private abstract static class Side extends GanSide<BarBatch> {
        @Override
        public int targets(BarBatch batch) {
            return batch.pairs(0).size();
        }
    }

    /** The discriminator's side: binary cross-entropy, real against generated, unless it sits the update out. */
    final class Discriminator extends Side {
        @Override
        public Map<String, INDArray> weights() {
            return net.discriminatorWeights();
        }

        @Override
        public LossAndGradients lossAndGradients(BarBatch batch, long step, int repeat) {
            Pairs pairs = Pairs.of(batch, repeat);
            INDArray fake = shown(generate(pairs, step, repeat, 0).probabilities());
            MidiNet.Judgement j = net.judge(Nd4j.vstack(net.rows(pairs.current()), fake), pairs.twice());
            Verdicts v = Verdicts.of(j.logits().data().asDouble(), pairs.size(), 1);
            return v.result(settings, decoded(fake), j.logits(),
                    (dz, gradients) -> net.judgeBackward(j, dz, null, null, gradients));
        }
    }

    /** The generator's side: cross-entropy while pre-training, then adversarial with the two regularisers. */
    final class Generator extends Side {
        @Override
        public Map<String, INDArray> weights() {
            return net.generatorWeights();
        }

        @Override
        public LossAndGradients lossAndGradients(BarBatch batch, long step, int repeat) {
            Pairs pairs = Pairs.of(batch, repeat);
            MidiNet.GeneratorPass pass = generate(pairs, step, repeat, 1);
            return step < settings.pretrainSteps() ? pretrained(pairs, pass) : adversarial(pairs, pass);
        }

        /** The cross-entropy of the real bars' columns, per step. */
        LossAndGradients pretrained(Pairs pairs, MidiNet.GeneratorPass pass) {
            INDArray real = net.rows(pairs.current());
            double n = real.rows();
            INDArray p = pass.probabilities();
            double loss = -org.nd4j.linalg.ops.transforms.Transforms.log(p.mul(real).sum(1), false).sumNumber()
                    .doubleValue() / n;
            INDArray dLogits = p.sub(real).divi(n);
            return new LossAndGradients(loss, net.generatorGradients(pass, dLogits), Map.of("g_pretrain_loss", loss));
        }

        /** The adversarial loss plus the regularisers, and the generator's gradients. */
        LossAndGradients adversarial(Pairs pairs, MidiNet.GeneratorPass pass) {
            int b = pairs.size();
            INDArray bars = Nd4j.vstack(net.rows(pairs.current()), shown(pass.probabilities()));
            MidiNet.Judgement j = net.judge(bars, pairs.twice());
            INDArray dLogits = j.logits().ulike().assign(0);
            INDArray dLast = null;
            double loss;
            if (settings.featureMatching()) {
                INDArray gap = meanGap(j.last(), b);
                loss = squared(gap);
                dLast = gapGradient(gap, b, 1);
            } else {
                loss = Verdicts.nonSaturating(j.logits(), dLogits, b, 1);
            }
            INDArray first = j.first().reshape(2L * b, j.first().length() / (2L * b));
            INDArray firstGap = meanGap(first, b);
            INDArray barGap = meanGap(bars.reshape(2L * b, bars.length() / (2L * b)), b);
            loss += lambda2 * squared(firstGap) + lambda1 * squared(barGap);
            INDArray dFirst = gapGradient(firstGap, b, lambda2).reshape(j.first().shape());
            INDArray dBars = net.judgeBackward(j, dLogits, dLast, dFirst, new LinkedHashMap<>())
                    .addi(gapGradient(barGap, b, lambda1).reshape(bars.shape()));
            INDArray dFake = dBars.get(NDArrayIndex.interval((long) b * MidiNet.T, 2L * b * MidiNet.T),
                    NDArrayIndex.all()).dup('c');
            INDArray p = pass.probabilities();
            INDArray dz = p.mul(dFake.subColumnVector(p.mul(dFake).sum(true, 1)));
            return new LossAndGradients(loss, net.generatorGradients(pass, dz), Map.of("g_loss", loss));
        }

        /** The distance between the statistics of generated phrases (fixed noise) and the real ones. */
        @Override
        public double loss(BarBatch batch) {
            List<NoteSequence> real = new ArrayList<>();
            List<int[]> previous = new ArrayList<>();
            List<int[]> chords = new ArrayList<>();
            for (List<List<Bar>> round : batch.rounds()) {
                for (List<Bar> phrase : round) {
                    previous.add(phrase.get(0).steps());
                    chords.add(phrase.subList(1, phrase.size()).stream().mapToInt(Bar::chord).toArray());
                    real.add(LeadSheetBars.decode(phrase.subList(1, phrase.size()).stream().map(Bar::steps).toList()));
                }
            }
            List<NoteSequence> fake = new ArrayList<>();
            long seed = GanPlay.validationSeed(settings.seed());
            for (List<int[]> piece : net.generate(previous, chords.toArray(new int[0][]), seed)) {
                fake.add(LeadSheetBars.decode(piece));
            }
            return MusicMetrics.distance(fake, real);
        }
    }

    /** The mean of the generated rows (the last B of 2B) minus the mean of the real ones (the first B). */
    private static INDArray meanGap(INDArray rows, int b) {
        return rows.get(NDArrayIndex.interval(b, 2 * b), NDArrayIndex.all()).mean(0)
                .sub(rows.get(NDArrayIndex.interval(0, b), NDArrayIndex.all()).mean(0));
    }

    private static double squared(INDArray gap) {
        double norm = gap.norm2Number().doubleValue();
        return norm * norm;
    }

    /** The gradient at the 2B rows of {@code weight} |meanGap|^2: zero on the real rows. */
    private static INDArray gapGradient(INDArray gap, int b, double weight) {
        INDArray d = Nd4j.zeros(gap.dataType(), 2L * b, gap.length());
        d.get(NDArrayIndex.interval(b, 2 * b), NDArrayIndex.all()).addiRowVector(gap.mul(2 * weight / b));
        return d;
    }
}
