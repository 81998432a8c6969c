package io.muse4j.models.training;

import io.muse4j.models.nn.CpuThreads;
import io.muse4j.models.nn.PassMemory;
import io.muse4j.models.nn.SequenceStack;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch's sequences split into shards that run on {@link CpuThreads}' threads at once, each through the whole
 * model, their losses and gradients then added up. A shard keeps at least the sequences its stack asks for
 * ({@link SequenceStack#minShardSequences}), so that its products stay big enough to run near the machine's peak.
 * The split depends on the thread count, so runs repeat exactly, seed for seed, on the same number of threads.
 */
public final class Shards {
    private Shards() {
    }

    /** Work on the sequences {@code from} (inclusive) to {@code to} (exclusive) of a batch. */
    public interface Work<T> {
        T run(int from, int to);
    }

    /** The work's results over the shards of a batch of {@code sequences}, at least {@code minimum} each, in order. */
    static <T> List<T> map(int sequences, int minimum, Work<T> work) {
        int shards = Math.max(1, Math.min(CpuThreads.count(), sequences / Math.max(1, minimum)));
        return CpuThreads.map(shards, shard -> work.run(sequences * shard / shards, sequences * (shard + 1) / shards));
    }

    /**
     * The work's results over the shards of a batch of {@code sequences} sequences of {@code steps} for a model over
     * {@code stack}, each shard's pass in its thread's {@link PassMemory} (the work hands back detached arrays only).
     */
    public static <T> List<T> passes(SequenceStack stack, int sequences, int steps, Work<T> work) {
        return map(sequences, stack.minShardSequences(steps), (from, to) -> PassMemory.run(() -> work.run(from, to)));
    }

    /** The shards' losses and gradients added up (each already scaled by the whole batch's size). */
    public static Trainable.LossAndGradients sum(List<Trainable.LossAndGradients> parts) {
        double loss = 0;
        Map<String, INDArray> gradients = new LinkedHashMap<>();
        for (Trainable.LossAndGradients part : parts) {
            loss += part.loss();
            part.gradients().forEach((name, g) -> gradients.merge(name, g, INDArray::addi));
        }
        return new Trainable.LossAndGradients(loss, gradients);
    }
}
