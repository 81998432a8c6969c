package io.muse4j.models.nn;


import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * The threads muse4j computes on: {@code MUSE4J_THREADS} of them, by default one per processor. ND4J itself is
 * held to one thread ({@link Nd4jSetup}), so muse4j splits work itself, into pieces big enough to pay for a
 * hand-over: a training batch's sequences ({@link io.muse4j.models.training.Shards}), a sampling step's columns ({@link io.muse4j.models.lm.LstmStepper}).
 */
public final class CpuThreads {
    private static final String CONFIGURED = System.getenv("MUSE4J_THREADS");
    private static ExecutorService workers;

    private CpuThreads() {
    }

    /** The number of threads muse4j computes on; fails, naming the value, when MUSE4J_THREADS is not a number. */
    public static int count() {
        return count(CONFIGURED);
    }

    /** The thread count {@code configured} asks for; the processor count when it is unset. */
    static int count(String configured) {
        if (configured == null || configured.isBlank()) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            return Math.max(1, Integer.parseInt(configured.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("MUSE4J_THREADS '" + configured + "' is not a whole number", e);
        }
    }

    /**
     * The results of {@code parts} pieces of work, in order: piece 0 runs on the calling thread, the others on
     * worker threads (at most {@link #count()} at once, so that asking for more pieces only queues them).
     */
    public static <T> List<T> map(int parts, IntFunction<T> work) {
        ExecutorService pool = parts > 1 ? workers() : null;
        List<Future<T>> others = new ArrayList<>();
        for (int part = 1; part < parts; part++) {
            int piece = part;
            others.add(pool == null ? null : pool.submit(() -> work.apply(piece)));
        }
        List<T> results = new ArrayList<>();
        results.add(work.apply(0));
        for (int part = 1; part < parts; part++) {
            results.add(others.get(part - 1) == null ? work.apply(part) : result(others.get(part - 1)));
        }
        return results;
    }

    private static <T> T result(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a worker thread", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("a worker thread failed", e.getCause());
        }
    }

    /** The worker threads, one fewer than {@link #count()} (the caller is the other); null when there are none. */
    private static synchronized ExecutorService workers() {
        if (workers == null && count() > 1) {
            workers = workers(count() - 1);
        }
        return workers;
    }

    private static ExecutorService workers(int count) {
        return Executors.newFixedThreadPool(count, task -> {
            Thread thread = new Thread(task, "muse4j-worker");
            thread.setDaemon(true);
            return thread;
        });
    }
}
