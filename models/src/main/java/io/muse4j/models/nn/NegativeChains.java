package io.muse4j.models.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.function.UnaryOperator;

/**
 * Where an RBM's contrastive-divergence negative phase starts: at the batch (CD-k, Hinton 2002), or where the last
 * negative phase ended (persistent chains, PCD, Tieleman 2008). The chains start at the first batch, and again when
 * the batch size changes or after a resume (they are not checkpointed).
 */
public final class NegativeChains {
    private final boolean persistent;
    private INDArray chains;

    /** Chains carried from batch to batch when {@code persistent}, else none. */
    public NegativeChains(boolean persistent) {
        this.persistent = persistent;
    }

    /** The negative samples for a batch: {@code sweeps} (k Gibbs steps) applied to where the chains start. */
    public INDArray next(INDArray batch, UnaryOperator<INDArray> sweeps) {
        INDArray start = persistent && chains != null && chains.size(0) == batch.size(0) ? chains : batch;
        INDArray negative = sweeps.apply(start);
        chains = persistent ? negative : null;
        return negative;
    }
}
