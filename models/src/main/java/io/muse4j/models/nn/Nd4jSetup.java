package io.muse4j.models.nn;

import org.nd4j.linalg.factory.Nd4j;

/**
 * The one place muse4j sets ND4J up, once, before a model's first array: its threads and what it may print.
 *
 * <p>Threads: ND4J and its BLAS are held to one thread, and muse4j splits work itself ({@link CpuThreads}): on this
 * project's 2-core machine ND4J's OpenMP threads made every small op several times slower, and whole training steps
 * slower than one thread (see BENCHMARKS.md).
 *
 * <p>Printing: standard output carries results only, so nothing here may print on it, and nothing does. ND4J logs
 * through SLF4J, which the command line binds to {@code slf4j-nop}; JavaCPP, which unpacks and loads the native
 * libraries, logs with its own logger on standard error unless the system property
 * {@code org.bytedeco.javacpp.logger} names SLF4J. The "Added differentiated op ..." lines on standard output were
 * SameDiff's, which muse4j no longer uses. So the command line need not point {@code System.out} elsewhere around
 * model work, and does not. One exception is left, outside muse4j's own set-up: JavaCPP's OpenBLAS preset prints
 * "Unable to tune runtime" on standard output when the BLAS it loaded has no thread setter it knows, which the
 * bundled OpenBLAS has.
 */
public final class Nd4jSetup {
    private static boolean configured;

    private Nd4jSetup() {
    }

    /** Sets ND4J up, the first time it is called; the models call it when their classes load. */
    public static synchronized void configure() {
        if (configured) {
            return;
        }
        Nd4j.getEnvironment().setMaxThreads(1);
        Nd4j.getEnvironment().setMaxMasterThreads(1);
        Nd4j.factory().blas().setMaxThreads(1);
        configured = true;
    }
}
