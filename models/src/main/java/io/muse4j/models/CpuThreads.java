package io.muse4j.models;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Sets ND4J's thread counts. On a small CPU, spinning OpenMP threads made small matrix products several times
 * slower (see the platform notes), and far worse when another process holds a core; one thread is the default,
 * {@code MUSE4J_THREADS} overrides it. {@link TokenLstm} applies this once, when its class loads.
 */
public final class CpuThreads {
    private CpuThreads() {
    }

    /** Applies {@code MUSE4J_THREADS} (default 1) to ND4J. */
    public static void configure() {
        int threads = count();
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
    }

    /** The thread count {@code MUSE4J_THREADS} asks for, 1 when unset. */
    public static int count() {
        String configured = System.getenv("MUSE4J_THREADS");
        if (configured == null || configured.isBlank()) {
            return 1;
        }
        try {
            return Math.max(1, Integer.parseInt(configured.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("MUSE4J_THREADS '" + configured + "' is not a whole number", e);
        }
    }
}
