package io.muse4j.models.nn;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A second thread for work that comes in pieces of a fraction of a millisecond, such as the products of one
 * sampling step: it stays awake, spinning, for {@value #SPIN_NANOS} ns after each piece before it parks, so a piece
 * changes threads in about a microsecond where an executor's queue takes tens. One piece at a time: callers take
 * turns.
 */
final class SpinningHelper {
    private static final long SPIN_NANOS = 2_000_000L;

    private final AtomicLong posted = new AtomicLong();
    private final Thread thread;
    private volatile long finished;
    private volatile Runnable piece;
    private volatile Throwable failure;

    SpinningHelper() {
        thread = new Thread(this::serve, "muse4j-spinning-helper");
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs {@code mine} here and {@code theirs} on the helper at the same time; returns when both are done. */
    synchronized void runBoth(Runnable mine, Runnable theirs) {
        piece = theirs;
        failure = null;
        long ticket = posted.incrementAndGet();
        LockSupport.unpark(thread);
        try {
            mine.run();
        } finally {
            while (finished != ticket) {
                Thread.onSpinWait();
            }
        }
        Throwable thrown = failure;
        if (thrown instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (thrown instanceof Error error) {
            throw error;
        }
    }

    private void serve() {
        long done = 0;
        while (true) {
            long idleSince = System.nanoTime();
            while (posted.get() == done) {
                if (System.nanoTime() - idleSince > SPIN_NANOS) {
                    LockSupport.park(this);
                } else {
                    Thread.onSpinWait();
                }
            }
            done = posted.get();
            try {
                piece.run();
            } catch (Throwable t) {
                failure = t;
            }
            finished = done;
        }
    }
}
