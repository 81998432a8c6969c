package io.muse4j.models.gan;

import io.muse4j.core.metrics.MusicMetrics;
import io.muse4j.core.score.NoteSequence;
import io.muse4j.models.training.Trainable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A GAN discriminator's verdicts on 2B sequences (real first) of T steps, one logit a step: its loss (binary
 * cross-entropy, real against generated) and the generator's -log D(G(z)), mean D(x) and D(G(z)) over steps, the
 * share of sequences judged right by their mean verdict, and the gradient of its loss at each logit. Every GAN kind
 * judges this way; a MidiNet bar is one step.
 */
public record Verdicts(double loss, double generatorLoss, double real, double fake, double accuracy,
                       double[] dLogits) {
    /** Generated pieces agreeing on this share of their notes count as near-duplicates. */
    public static final double NEAR_DUPLICATE = 0.9;

    /** The verdicts of the logits of 2B sequences (real first) of {@code t} steps, time-major rows. */
    public static Verdicts of(double[] logits, int b, int t) {
        double[] dLogits = new double[logits.length];
        double[] meanScore = new double[2 * b];
        double loss = 0;
        double generatorLoss = 0;
        double real = 0;
        double fake = 0;
        for (int row = 0; row < logits.length; row++) {
            double z = logits[row];
            boolean isReal = isReal(row, b);
            loss += (isReal ? softplus(-z) : softplus(z)) / (t * b);
            generatorLoss += isReal ? 0 : softplus(-z) / (t * b);
            dLogits[row] = (sigmoid(z) - (isReal ? 1 : 0)) / (t * b);
            meanScore[row % (2 * b)] += sigmoid(z) / t;
            real += isReal ? sigmoid(z) / (t * b) : 0;
            fake += isReal ? 0 : sigmoid(z) / (t * b);
        }
        int right = 0;
        for (int s = 0; s < 2 * b; s++) {
            right += (meanScore[s] > 0.5) == (s < b) ? 1 : 0;
        }
        return new Verdicts(loss, generatorLoss, real, fake, right / (2.0 * b), dLogits);
    }

    /**
     * The discriminator's update: none while its loss is below the freeze ratio of the generator's, else the
     * gradients {@code backward} puts into the map from the gradient at the logits; with its measures, the
     * distinct share of the generated pieces among them.
     */
    public Trainable.LossAndGradients result(GanSettings settings, List<NoteSequence> generated, INDArray logits,
                                             BiConsumer<INDArray, Map<String, INDArray>> backward) {
        boolean frozen = loss < settings.freezeRatio() * generatorLoss;
        Map<String, Double> measures = measures(frozen, generated);
        if (frozen) {
            return new Trainable.LossAndGradients(loss, null, measures);
        }
        Map<String, INDArray> gradients = new LinkedHashMap<>();
        backward.accept(Nd4j.create(dLogits, logits.shape(), 'c').castTo(logits.dataType()), gradients);
        return new Trainable.LossAndGradients(loss, gradients, measures);
    }

    private Map<String, Double> measures(boolean frozen, List<NoteSequence> generated) {
        Map<String, Double> measures = new LinkedHashMap<>();
        measures.put("d_loss", loss);
        measures.put("d_real", real);
        measures.put("d_fake", fake);
        measures.put("d_accuracy", accuracy);
        measures.put("d_trained", frozen ? 0.0 : 1.0);
        measures.put("distinct", MusicMetrics.distinctShare(generated, NEAR_DUPLICATE));
        return measures;
    }

    /**
     * The generator's non-saturating loss, -log D(G(z)) averaged over the generated steps of 2B sequences (real
     * first) of {@code t} steps; its gradient at the logits into {@code dLogits}.
     */
    public static double nonSaturating(INDArray logits, INDArray dLogits, int b, int t) {
        double[] z = logits.data().asDouble();
        double[] dz = new double[z.length];
        double loss = 0;
        for (int row = 0; row < z.length; row++) {
            if (!isReal(row, b)) {
                loss += softplus(-z[row]) / (t * b);
                dz[row] = (sigmoid(z[row]) - 1) / (t * b);
            }
        }
        dLogits.assign(Nd4j.create(dz, logits.shape(), 'c'));
        return loss;
    }

    /** Whether time-major row {@code row} of 2B sequences is one of the real ones (the first B). */
    public static boolean isReal(int row, int batch) {
        return row % (2 * batch) < batch;
    }

    /** Softplus, log(1 + e^z), stable for any z. */
    private static double softplus(double z) {
        return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
