package io.muse4j.models.training;

import io.muse4j.core.random.Seeds;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;
import java.util.Random;

/**
 * A restricted Boltzmann machine as the trainer sees it: the gradient that contrastive divergence estimates, from
 * negative samples drawn by k Gibbs steps either from the batch (CD-k, Hinton 2002) or from where the last negative
 * phase ended (persistent chains, PCD, Tieleman 2008), and a loss that needs no partition function. Persistent
 * chains start at the first batch, and again when the batch size changes or after a resume (they are not
 * checkpointed). Each step draws from a {@link Random} seeded by the seed and the step.
 */
public final class ContrastiveDivergence implements Trainable<INDArray> {
    /** What contrastive divergence needs of an RBM whose batches are arrays of visible units, one example a row. */
    public interface Machine {
        /** The trainable arrays by name, live. */
        Map<String, INDArray> weights();

        /** The visible units after {@code steps} rounds of block Gibbs sampling from {@code v}. */
        INDArray gibbs(INDArray v, int steps, Random random);

        /** The gradient of the data's negative log-likelihood, estimated against the negative samples. */
        Map<String, INDArray> gradients(INDArray data, INDArray negative);
    }

    /** A loss of a batch, whatever it estimates drawn with {@code random}. */
    public interface Loss {
        double of(INDArray batch, Random random);
    }

    private final Machine machine;
    private final int gibbsSteps;
    private final boolean persistent;
    private final long seed;
    private final Loss logged;
    private final Loss validation;
    private INDArray chains;

    /**
     * @param machine the RBM
     * @param gibbsSteps the k of CD-k
     * @param persistent whether the negative phase continues persistent chains
     * @param seed seeds each step's draws; validation draws from a {@link Random} of this seed, the same every time
     * @param logged the loss logged at each step, after the negative phase has drawn from the step's {@link Random}
     * @param validation the loss of a validation batch
     */
    public ContrastiveDivergence(Machine machine, int gibbsSteps, boolean persistent, long seed, Loss logged,
                                 Loss validation) {
        this.machine = machine;
        this.gibbsSteps = gibbsSteps;
        this.persistent = persistent;
        this.seed = seed;
        this.logged = logged;
        this.validation = validation;
    }

    @Override
    public Map<String, INDArray> weights() {
        return machine.weights();
    }

    @Override
    public LossAndGradients lossAndGradients(INDArray batch, long step) {
        Random random = new Random(Seeds.mix(seed, step));
        INDArray start = persistent && chains != null && chains.size(0) == batch.size(0) ? chains : batch;
        INDArray negative = machine.gibbs(start, gibbsSteps, random);
        chains = persistent ? negative : null;
        return new LossAndGradients(logged.of(batch, random), machine.gradients(batch, negative));
    }

    @Override
    public double loss(INDArray batch) {
        return validation.of(batch, new Random(seed));
    }

    @Override
    public int targets(INDArray batch) {
        return (int) batch.size(0);
    }
}
