package dev.camelveeam.veeamem.internal;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deadlines that all lie the same time after they are started, so that they fall due in the order they were started:
 * one timer, armed for the oldest, serves all of them. A scheduled task per request would wake the scheduler thread
 * each time a request starts and hold a scheduled task for each request in flight; here starting and ending a deadline
 * touch only a lock-free queue, and the timer fires about once per length while requests are in flight.
 */
final class SameLengthDeadlines {

    private static final Logger LOG = LoggerFactory.getLogger(SameLengthDeadlines.class);

    private final EmScheduler scheduler;
    private final long lengthNanos;
    private final Queue<Deadline> running = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean armed = new AtomicBoolean();

    SameLengthDeadlines(EmScheduler scheduler, long lengthMillis) {
        this.scheduler = scheduler;
        this.lengthNanos = TimeUnit.MILLISECONDS.toNanos(lengthMillis);
    }

    /**
     * Starts a deadline that runs the task when it falls due, unless it was ended before.
     *
     * @throws RejectedExecutionException when the scheduler has stopped
     */
    EmScheduler.Scheduled start(Runnable onDue) {
        Deadline deadline = new Deadline(scheduler.nanoTime() + lengthNanos, onDue);
        running.add(deadline);
        try {
            arm();
        } catch (RejectedExecutionException stopped) {
            running.remove(deadline);
            throw stopped;
        }
        return deadline;
    }

    /** Deadlines started and not yet ended or fallen due (ended ones behind a running one are counted too). */
    int size() {
        return running.size();
    }

    private void arm() {
        if (armed.compareAndSet(false, true)) {
            Deadline oldest = running.peek();
            long delayNanos = oldest == null ? lengthNanos : Math.max(0, oldest.dueNanos - scheduler.nanoTime());
            try {
                scheduler.schedule(this::fire, TimeUnit.NANOSECONDS.toMillis(delayNanos + 999_999));
            } catch (RejectedExecutionException stopped) {
                armed.set(false);
                throw stopped;
            }
        }
    }

    private void fire() {
        armed.set(false);
        long now = scheduler.nanoTime();
        Deadline oldest;
        while ((oldest = running.peek()) != null && (oldest.onDue == null || oldest.dueNanos <= now)) {
            running.remove(oldest);
            Runnable onDue = oldest.onDue;
            oldest.onDue = null;
            if (onDue != null) {
                try {
                    onDue.run();
                } catch (Throwable e) {
                    LOG.warn("A deadline's task failed: {}", e, e);
                }
            }
        }
        if (!running.isEmpty()) {
            try {
                arm();
            } catch (RejectedExecutionException stopped) {
                // the component is stopping: its client is closed, which ends every request
            }
        }
    }

    /** Drops the ended deadlines at the head, so that the queue holds no more than the requests still running. */
    private void dropEnded() {
        Deadline oldest;
        while ((oldest = running.peek()) != null && oldest.onDue == null) {
            running.remove(oldest);
        }
    }

    private final class Deadline implements EmScheduler.Scheduled {

        private final long dueNanos;
        private volatile Runnable onDue;

        Deadline(long dueNanos, Runnable onDue) {
            this.dueNanos = dueNanos;
            this.onDue = onDue;
        }

        @Override
        public void cancel() {
            onDue = null;
            dropEnded();
        }
    }
}
