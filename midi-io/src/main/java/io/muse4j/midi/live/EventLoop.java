package io.muse4j.midi.live;

/**
 * The one thread a {@link LiveSession} runs on, with its clock: tasks run one at a time, in time order, so the
 * session's state needs no locks. {@link RealTimeLoop} follows the wall clock; {@link VirtualLoop} runs a script
 * as fast as it can, for tests and for sessions nobody listens to.
 */
public interface EventLoop extends AutoCloseable {
    /** The loop's clock, in nanoseconds (only differences mean anything). */
    long nanoTime();

    /** Runs the task on the loop's thread as soon as it can. Safe to call from any thread. */
    void execute(Runnable task);

    /** Runs the task on the loop's thread at {@code atNanos} on its clock (at once if that has passed). */
    Scheduled schedule(long atNanos, Runnable task);

    /** Stops running tasks; those still waiting are dropped. */
    @Override
    void close();

    /** A task waiting for its time. */
    interface Scheduled {
        /** Drops the task if it has not run yet. */
        void cancel();
    }
}
