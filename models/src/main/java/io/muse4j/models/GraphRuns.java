package io.muse4j.models;

import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.autodiff.samediff.internal.InferenceSession;
import org.nd4j.autodiff.samediff.internal.memory.ArrayCacheMemoryMgr;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a SameDiff graph and hands back arrays of the caller's own. In ND4J 1.0.0-M2.1 a session's caching memory
 * manager keeps the arrays of every run: ~30 MB a step for a 2x256 LSTM, which killed a training run at 20 GB.
 * Closing that manager after each run freed them but, some hundred steps later, failed a run on an array it had
 * closed; a manager that caches nothing frees nothing within a run, and a 3x512 LSTM at 64x128 then outgrew 24 GB
 * in one step. So runs keep the caching manager, which reuses arrays, and every {@value #RUNS_PER_COLLECTION}
 * runs the sessions (of the graph and of its gradient function) get a fresh one and a collection is asked for:
 * the old managers and their arrays go to the garbage collector, which a heap with little Java garbage would
 * rarely run on its own while the arrays' memory lives outside the heap. (A fresh manager every run halved the
 * training speed.)
 */
final class GraphRuns {
    /** The name under which SameDiff keeps a graph's gradient function. */
    private static final String GRADIENT_FUNCTION = "grad";
    private static final int RUNS_PER_COLLECTION = 5;
    private static int runs;

    private GraphRuns() {
    }

    /** The loss (a scalar output) and the gradients of {@code weights}. */
    static Trainable.LossAndGradients lossAndGradients(SameDiff sd, Map<String, INDArray> feeds, String loss,
                                                       List<String> weights) {
        try {
            OutAndGrad result = sd.calculateGradientsAndOutputs(feeds, List.of(loss), weights);
            Map<String, INDArray> gradients = new LinkedHashMap<>();
            result.getGradients().forEach((name, g) -> gradients.put(name, g.dup()));
            return new Trainable.LossAndGradients(result.getOutputs().get(loss).getDouble(0), gradients);
        } finally {
            afterRun(sd);
        }
    }

    /** One output of the graph. */
    static INDArray output(SameDiff sd, Map<String, INDArray> feeds, String name) {
        try {
            return sd.output(feeds, name).get(name).dup();
        } finally {
            afterRun(sd);
        }
    }

    /** Every {@value #RUNS_PER_COLLECTION} runs, fresh memory managers and a collection. */
    private static synchronized void afterRun(SameDiff sd) {
        if (++runs % RUNS_PER_COLLECTION == 0) {
            release(sd);
            System.gc();
        }
    }

    private static void release(SameDiff sd) {
        release(sd.getSessions().values());
        SameDiff gradients = sd.getFunction(GRADIENT_FUNCTION);
        if (gradients != null) {
            release(gradients.getSessions().values());
        }
    }

    private static void release(Iterable<InferenceSession> sessions) {
        for (InferenceSession session : sessions) {
            session.setMmgr(new ArrayCacheMemoryMgr());
        }
    }
}
