package io.muse4j.models.crbm;

import io.muse4j.models.kind.Structure;
import io.muse4j.models.nn.Bernoulli;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

/**
 * Draws a piano roll from a {@link ConvRbm} under an imposed {@link Structure}, by block Gibbs sampling with
 * simulated annealing from silence, as Lattner et al. (2016) sample theirs. Where they push the roll towards their
 * constraints by gradient descent between sweeps, here the constraints restrict the visible draw itself, so they
 * hold exactly:
 * <ul>
 *   <li>a step of a bar that the form ties to an earlier bar is one unit with the same step of that bar: given the
 *       hidden units, the tied units are drawn once, from the mean of their inputs, and copied. (The sum, the
 *       log-odds of "all on" against "all off", is the exact conditional of the restricted distribution, but it
 *       sharpens with every tie, and on a sparse model it empties the tied bars: 1.6 keys a frame under a form
 *       against 5.1 free, measured. The mean draws n tied units at n times the temperature and keeps a repeated bar
 *       as dense as a free one.)</li>
 *   <li>a key outside the key's scale is never on.</li>
 * </ul>
 * The temperature falls geometrically from {@value #START_TEMPERATURE} to 1 over the sweeps (or to the asked
 * temperature); at temperature 0 a last sweep takes the likelier value of each unit given the mean hidden units.
 */
final class StructuredGibbs {
    /** The temperature of the first sweep. */
    static final double START_TEMPERATURE = 2;

    private final ConvRbm model;
    private final int lowestPitch;

    /**
     * @param model the C-RBM
     * @param lowestPitch the MIDI pitch of its first key
     */
    StructuredGibbs(ConvRbm model, int lowestPitch) {
        this.model = model;
        this.lowestPitch = lowestPitch;
    }

    /**
     * A roll of {@code steps} steps: for each step the keys on, from 0.
     *
     * @param barSteps steps a bar, which the form's letters count in
     * @param sweeps Gibbs sweeps, at least 1
     * @param temperature the last sweep's temperature; 0 for the likeliest units in a last sweep
     */
    boolean[][] draw(int steps, int barSteps, Structure structure, int sweeps, double temperature, Random random) {
        int keys = model.keys();
        int[] source = sources(steps, barSteps, structure);
        boolean[] allowed = new boolean[keys];
        for (int k = 0; k < keys; k++) {
            allowed[k] = structure.key() == null || structure.key().allows(lowestPitch + k);
        }
        double end = temperature == 0 ? 1 : temperature;
        double start = Math.max(START_TEMPERATURE, end);
        INDArray v = Nd4j.zeros(DataType.FLOAT, 1, steps, keys);
        for (int sweep = 0; sweep < sweeps; sweep++) {
            double t = sweeps == 1 ? end : start * Math.pow(end / start, (double) sweep / (sweeps - 1));
            INDArray h = Bernoulli.draw(model.hiddenProbabilities(v, t), random);
            v = units(drawn(tiedInputs(model.visibleInputs(h, 1, steps), source, t), allowed, random), source);
        }
        if (temperature == 0) {
            INDArray h = model.hiddenProbabilities(v, 1);
            v = units(likeliest(tiedInputs(model.visibleInputs(h, 1, steps), source, 1), allowed), source);
        }
        return rows(v, steps, keys);
    }

    /** For each step, the step whose units it copies: itself, or the same step of the earlier bar the form ties. */
    static int[] sources(int steps, int barSteps, Structure structure) {
        int[] source = new int[steps];
        for (int t = 0; t < steps; t++) {
            source[t] = structure.source(t / barSteps) * barSteps + t % barSteps;
        }
        return source;
    }

    /** The inputs of each source step's units averaged over the steps tied to it, divided by the temperature. */
    private double[][] tiedInputs(INDArray inputs, int[] source, double temperature) {
        int keys = model.keys();
        double[] flat = inputs.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        int[] tied = new int[source.length];
        for (int t : source) {
            tied[t]++;
        }
        double[][] mean = new double[source.length][keys];
        for (int t = 0; t < source.length; t++) {
            for (int k = 0; k < keys; k++) {
                mean[source[t]][k] += flat[t * keys + k] / (temperature * tied[source[t]]);
            }
        }
        return mean;
    }

    private static boolean[][] drawn(double[][] logits, boolean[] allowed, Random random) {
        boolean[][] on = new boolean[logits.length][allowed.length];
        for (int t = 0; t < logits.length; t++) {
            for (int k = 0; k < allowed.length; k++) {
                on[t][k] = random.nextDouble() < 1 / (1 + Math.exp(-logits[t][k])) && allowed[k];
            }
        }
        return on;
    }

    private static boolean[][] likeliest(double[][] logits, boolean[] allowed) {
        boolean[][] on = new boolean[logits.length][allowed.length];
        for (int t = 0; t < logits.length; t++) {
            for (int k = 0; k < allowed.length; k++) {
                on[t][k] = logits[t][k] > 0 && allowed[k];
            }
        }
        return on;
    }

    /** The roll (1, steps, keys) whose every step is its source step's draw. */
    private static INDArray units(boolean[][] drawn, int[] source) {
        int keys = drawn[0].length;
        float[] flat = new float[source.length * keys];
        for (int t = 0; t < source.length; t++) {
            for (int k = 0; k < keys; k++) {
                flat[t * keys + k] = drawn[source[t]][k] ? 1 : 0;
            }
        }
        return Nd4j.create(flat, new long[] {1, source.length, keys}, 'c');
    }

    private static boolean[][] rows(INDArray v, int steps, int keys) {
        float[] flat = v.castTo(DataType.FLOAT).dup('c').data().asFloat();
        boolean[][] on = new boolean[steps][keys];
        for (int t = 0; t < steps; t++) {
            for (int k = 0; k < keys; k++) {
                on[t][k] = flat[t * keys + k] > 0.5f;
            }
        }
        return on;
    }
}
