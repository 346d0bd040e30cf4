package dev.camelveeam.veeamem.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/** An {@link EmScheduler} whose clock moves only when a test says so; due tasks run on the test's thread. */
final class ManualScheduler implements EmScheduler {

    private final List<Entry> pending = new ArrayList<>();
    private long nowMillis;
    private boolean stopped;

    @Override
    public synchronized Scheduled schedule(Runnable task, long delayMillis) {
        if (stopped) {
            throw new RejectedExecutionException("stopped");
        }
        Entry entry = new Entry(nowMillis + delayMillis, task);
        pending.add(entry);
        return () -> {
            synchronized (this) {
                pending.remove(entry);
            }
        };
    }

    @Override
    public synchronized long nanoTime() {
        return TimeUnit.MILLISECONDS.toNanos(nowMillis);
    }

    synchronized long nowMillis() {
        return nowMillis;
    }

    /** Moves the clock forward, running every task that falls due on the way, in time order. */
    void advance(long millis) {
        long target;
        synchronized (this) {
            target = nowMillis + millis;
        }
        while (true) {
            Entry next;
            synchronized (this) {
                next = pending.stream().filter(entry -> entry.dueMillis <= target)
                        .min(Comparator.comparingLong(Entry::dueMillis)).orElse(null);
                if (next == null) {
                    nowMillis = target;
                    return;
                }
                pending.remove(next);
                nowMillis = next.dueMillis;
            }
            next.task.run();
        }
    }

    synchronized int pendingCount() {
        return pending.size();
    }

    synchronized void stop() {
        stopped = true;
        pending.clear();
    }

    private record Entry(long dueMillis, Runnable task) {
    }
}
