package io.muse4j.midi.live;

import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * An {@link EventLoop} on a virtual clock that moves only when the caller runs it: each task runs at its own
 * time, in order, with no waiting. Tests script a session on it exactly; a session that plays to nobody runs
 * on it as fast as the computer can. The thread that calls {@link #runUntil} or {@link #runUntilIdle} is the
 * loop's thread.
 */
public final class VirtualLoop implements EventLoop {
    private final PriorityQueue<Task> queue = new PriorityQueue<>(
            Comparator.comparingLong(Task::at).thenComparingLong(Task::order));
    private long now;
    private long order;
    private boolean closed;

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public void execute(Runnable task) {
        schedule(nanoTime(), task);
    }

    @Override
    public synchronized Scheduled schedule(long atNanos, Runnable task) {
        if (closed) {
            return () -> { };
        }
        Task entry = new Task(Math.max(now, atNanos), order++, task);
        queue.add(entry);
        return () -> {
            synchronized (this) {
                queue.remove(entry);
            }
        };
    }

    /** Runs every task due up to {@code atNanos}, then sets the clock there. */
    public void runUntil(long atNanos) {
        runUntilIdle(atNanos);
        synchronized (this) {
            now = Math.max(now, atNanos);
        }
    }

    /** Runs tasks until none is left or the next is due after {@code limitNanos}; the clock stays at the last. */
    public void runUntilIdle(long limitNanos) {
        Task next;
        while ((next = take(limitNanos)) != null) {
            next.task().run();
        }
    }

    private synchronized Task take(long atNanos) {
        Task next = queue.peek();
        if (closed || next == null || next.at() > atNanos) {
            return null;
        }
        now = next.at();
        return queue.poll();
    }

    @Override
    public synchronized void close() {
        closed = true;
        queue.clear();
    }

    private record Task(long at, long order, Runnable task) {
    }
}
