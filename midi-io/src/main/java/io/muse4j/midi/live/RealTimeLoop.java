package io.muse4j.midi.live;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** An {@link EventLoop} on one daemon thread that follows {@link System#nanoTime()}. */
public final class RealTimeLoop implements EventLoop {
    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, "muse4j-live");
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
        return thread;
    });

    /** A loop whose thread starts with the first task. */
    public RealTimeLoop() {
        executor.setRemoveOnCancelPolicy(true);
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void execute(Runnable task) {
        if (!executor.isShutdown()) {
            executor.execute(task);
        }
    }

    @Override
    public Scheduled schedule(long atNanos, Runnable task) {
        if (executor.isShutdown()) {
            return () -> { };
        }
        var future = executor.schedule(task, Math.max(0, atNanos - nanoTime()), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
