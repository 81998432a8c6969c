package io.muse4j.models.sampling;

import io.muse4j.core.score.Check;
import io.muse4j.models.nn.Softmax;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws a token from logits: divided by a temperature, cut to the {@code topK} likeliest and to the smallest set
 * whose probability reaches {@code topP} (nucleus sampling, Holtzman et al. 2020), then sampled with a seeded
 * generator, so that the same seed gives the same tokens and nearby seeds (the pieces of one run) unrelated ones.
 * A temperature of 0 takes the likeliest token.
 *
 * <p>A sampler may also draw new material apart from the rest ({@link NewMaterial}, {@link #sample(int[], float[])}):
 * without the cuts and at temperatures of its own. Tunes vary their new bars with notes and rhythms that the cuts
 * drop (an accidental, or a triplet in a reel, is one of its token's rarer choices), while a restated bar, whose
 * every token the cuts keep to the likeliest, stays restated note for note.
 */
public final class Sampler {
    private final double temperature;
    private final int topK;
    private final double topP;
    private final SplittableRandom random;
    private final NewMaterial newMaterial;

    /**
     * @param temperature 0 (greedy) or above; 1 leaves the distribution as the model gives it
     * @param topK keep this many likeliest tokens; 0 keeps all
     * @param topP keep the likeliest tokens whose probabilities sum to at least this, in (0, 1]
     * @param seed seed of the generator
     */
    public Sampler(double temperature, int topK, double topP, long seed) {
        this(temperature, topK, topP, seed, null);
    }

    /**
     * A sampler that draws new material as {@code newMaterial} says and everything else as the four-argument
     * sampler does; a null {@code newMaterial} draws everything so.
     */
    public Sampler(double temperature, int topK, double topP, long seed, NewMaterial newMaterial) {
        checkTemperature("temperature", temperature);
        Check.atLeast("top-k", topK, 0);
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("top-p " + topP + " outside (0, 1]");
        }
        this.temperature = temperature;
        this.topK = topK;
        this.topP = topP;
        // SplittableRandom mixes its seed: java.util.Random's first draw is nearly the same for nearby seeds
        // (0.731 for seeds 1 to 12), so every piece of a --count run drew its first token alike
        this.random = new SplittableRandom(seed);
        this.newMaterial = newMaterial;
    }

    /** A temperature left out (null) or finite and at least 0; else an error naming it. */
    static void checkTemperature(String name, Double temperature) {
        if (temperature != null && (!(temperature >= 0) || Double.isInfinite(temperature))) {
            throw new IllegalArgumentException(name + " " + temperature + " must be a finite number, at least 0");
        }
    }

    /** The id of the token drawn after {@code context}: as {@link #sample(float[])}, or uncut for new material. */
    public int sample(int[] context, float[] logits) {
        Double uncut = newMaterial == null ? null : newMaterial.temperatureAfter(context);
        return uncut == null ? sample(logits) : draw(logits, uncut, 0);
    }

    /** The id of the drawn token. */
    public int sample(float[] logits) {
        return draw(logits, temperature, -1);
    }

    /**
     * A token drawn at the temperature, among those the cuts keep ({@code cut} -1) or among every token the
     * temperature leaves a probability (0); a token ruled out (a logit of minus infinity) is never drawn.
     */
    private int draw(float[] logits, double drawTemperature, int cut) {
        int[] order = byDescendingLogit(logits);
        if (drawTemperature == 0) {
            return order[0];
        }
        double[] probs = softmax(logits, order, drawTemperature);
        int kept = cut < 0 ? Math.min(keep(probs), possible(probs)) : possible(probs);
        double total = 0;
        for (int i = 0; i < kept; i++) {
            total += probs[i];
        }
        double u = random.nextDouble() * total;
        for (int i = 0; i < kept; i++) {
            u -= probs[i];
            if (u < 0) {
                return order[i];
            }
        }
        return order[kept - 1];
    }

    /** How many of the sorted probabilities are above 0 (at least one). */
    private static int possible(double[] sortedProbs) {
        int kept = 1;
        while (kept < sortedProbs.length && sortedProbs[kept] > 0) {
            kept++;
        }
        return kept;
    }

    /** How many of the sorted probabilities survive the top-k and top-p cuts (at least one). */
    private int keep(double[] sortedProbs) {
        int kept = topK == 0 ? sortedProbs.length : Math.min(topK, sortedProbs.length);
        double mass = 0;
        for (int i = 0; i < kept; i++) {
            mass += sortedProbs[i];
            if (mass >= topP) {
                return i + 1;
            }
        }
        return kept;
    }

    /** Softmax of logits / temperature, in the given order. */
    private static double[] softmax(float[] logits, int[] order, double temperature) {
        double[] scaled = new double[order.length];
        for (int i = 0; i < order.length; i++) {
            scaled[i] = logits[order[i]] / temperature;
        }
        return Softmax.probabilities(scaled);
    }

    private static int[] byDescendingLogit(float[] logits) {
        Integer[] ids = new Integer[logits.length];
        for (int i = 0; i < ids.length; i++) {
            if (Float.isNaN(logits[i])) {
                throw new IllegalArgumentException("logit of token " + i + " is NaN");
            }
            ids[i] = i;
        }
        Arrays.sort(ids, (a, b) -> a.equals(b) ? 0 : logits[a] != logits[b] ? Float.compare(logits[b], logits[a])
                : Integer.compare(a, b));
        return Arrays.stream(ids).mapToInt(Integer::intValue).toArray();
    }
}
