package dev.camelveeam.veeamem.internal;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** An {@link EmScheduler} on a scheduled executor, with the system's monotonic clock. */
public final class ExecutorEmScheduler implements EmScheduler {

    private final ScheduledExecutorService executor;

    public ExecutorEmScheduler(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    @Override
    public Scheduled schedule(Runnable task, long delayMillis) {
        ScheduledFuture<?> future = executor.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }
}
