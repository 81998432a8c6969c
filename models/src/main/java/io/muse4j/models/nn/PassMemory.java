package io.muse4j.models.nn;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs a model's pass in an ND4J workspace: one block of memory, sized by the first pass, that every array of the
 * pass is carved from and that the next pass reuses. A transformer pass makes a few hundred arrays, several MB each;
 * allocated one by one, fresh memory cost more than the arithmetic (profiled: allocation was a quarter of the
 * samples and the matrix products a fifth). A pass that needs more than the first one did takes the rest from
 * ordinary memory rather than growing the block (growing re-made and zeroed it, measured at a fifth of a step).
 * Arrays made inside are only valid until the pass ends: whatever it hands back must be
 * {@link INDArray#detach() detached}. Each thread has its own workspace.
 */
public final class PassMemory {
    private static final WorkspaceConfiguration CONFIG = WorkspaceConfiguration.builder()
            .initialSize(0)
            .overallocationLimit(0.1)
            .policyAllocation(AllocationPolicy.OVERALLOCATE)
            .policyLearning(LearningPolicy.FIRST_LOOP)
            .policyReset(ResetPolicy.BLOCK_LEFT)
            .policySpill(SpillPolicy.EXTERNAL)
            .build();
    private static final String NAME = "muse4j-pass";
    private static final String STEP = "muse4j-step";

    private PassMemory() {
    }

    /** The work's result, run in the calling thread's pass workspace; the work hands back detached arrays only. */
    public static <T> T run(Supplier<T> work) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().getAndActivateWorkspace(CONFIG, NAME)) {
            return work.get();
        }
    }

    /**
     * Runs one step of a long loop (inside a pass or not) in a workspace of its own that the next step reuses, so
     * the loop's arrays do not pile up until the pass ends; what a step carries to the next it writes into arrays
     * made {@link #outside} workspaces.
     */
    static void step(Runnable work) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().getAndActivateWorkspace(CONFIG, STEP)) {
            work.run();
        }
    }

    /** The gradients with every array detached from the workspace. */
    public static Map<String, INDArray> detached(Map<String, INDArray> arrays) {
        arrays.replaceAll((name, array) -> array.detach());
        return arrays;
    }

    /** Makes arrays that outlive passes (reused buffers) outside any workspace. */
    static <T> T outside(Supplier<T> work) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            return work.get();
        }
    }
}
