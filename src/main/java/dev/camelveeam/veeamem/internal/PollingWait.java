package dev.camelveeam.veeamem.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import dev.camelveeam.veeamem.VeeamEmException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every wait on EM has, whatever it polls: its future, its deadline, its next poll on the scheduler, the polls
 * that failed in a row, and its place among the waits of its poller until it ends. A subclass says what one poll is and
 * what its answer means. It always ends: any failure, {@link Error}s included, fails the future.
 */
abstract class PollingWait<T> implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(PollingWait.class);

    final CompletableFuture<T> result = new CompletableFuture<>();
    final String routeId;
    final Waits waits;
    final long deadlineNanos;
    private List<RuntimeException> failedPolls = List.of();
    private volatile EmScheduler.Scheduled nextPoll;

    PollingWait(Waits waits, String routeId, long timeoutMillis) {
        this.waits = waits;
        this.routeId = routeId;
        this.deadlineNanos = waits.scheduler.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    }

    /** Joins the waits and polls first after the delay (at once for 0, on the calling thread). */
    CompletableFuture<T> start(long firstDelayMillis) {
        waits.inFlight.add(this);
        if (firstDelayMillis == 0) {
            run();
        } else {
            schedule(firstDelayMillis);
        }
        return result;
    }

    /** Sends one poll; its answer comes back to the subclass, which goes on with {@link #schedule}. */
    abstract void pollOnce();

    /** What is waited for, for messages, such as "EM task task-7 (UpdateJob)". */
    abstract String what();

    /** What was last seen of it, for messages, ending with ", " (empty when nothing is worth saying). */
    String lastKnown() {
        return "";
    }

    /** How many failed polls in a row are tried again. */
    abstract int retries();

    /** The exception that ends the wait when waiting is given up for the reason. */
    abstract VeeamEmException stopped(String reason);

    @Override
    public final void run() {
        if (result.isDone()) {
            return;
        }
        try {
            waits.statistics.poll();
            pollOnce();
        } catch (Throwable e) {
            fail(e);
        }
    }

    long remainingMillis() {
        return TimeUnit.NANOSECONDS.toMillis(deadlineNanos - waits.scheduler.nanoTime());
    }

    /** A poll was answered as expected: the count of failures in a row starts again. */
    void polledWell() {
        failedPolls = List.of();
    }

    /**
     * A poll failed in a way worth trying again: notes it, and ends the wait when too many failed in a row.
     *
     * @return whether the wait ended
     */
    boolean gaveUpAfter(RuntimeException failure) {
        if (failedPolls.isEmpty()) {
            failedPolls = new ArrayList<>();
        }
        failedPolls.add(failure);
        if (failedPolls.size() <= retries()) {
            LOG.debug("Poll {} of {} failed, will try again: {}", failedPolls.size(), what(), failure.getMessage());
            return false;
        }
        VeeamEmException gaveUp = new VeeamEmException(
                "Polling " + what() + " failed " + failedPolls.size() + " times in a row; " + lastKnown()
                                                       + "last failure: " + failure.getMessage(),
                failure);
        failedPolls.subList(0, failedPolls.size() - 1).forEach(gaveUp::addSuppressed);
        fail(gaveUp);
        return true;
    }

    /** Leaves the waits before the waiting exchange goes on, so that it never sees itself counted. */
    void finish(T value) {
        waits.inFlight.remove(this);
        result.complete(value);
    }

    void fail(Throwable failure) {
        waits.inFlight.remove(this);
        EmScheduler.Scheduled pending = nextPoll;
        if (pending != null) {
            pending.cancel();
        }
        result.completeExceptionally(failure);
    }

    void schedule(long delayMillis) {
        try {
            nextPoll = waits.scheduler.schedule(this, Math.max(delayMillis, 0));
        } catch (RejectedExecutionException e) {
            fail(new VeeamEmException("Could not schedule the next poll of " + what() + ": the component is stopping", e));
        }
    }

    /** The waits of one poller, on its scheduler. */
    static final class Waits {

        private final EmScheduler scheduler;
        private final EmStatistics statistics;
        private final Set<PollingWait<?>> inFlight = ConcurrentHashMap.newKeySet();

        Waits(EmScheduler scheduler, EmStatistics statistics) {
            this.scheduler = scheduler;
            this.statistics = statistics;
        }

        EmScheduler scheduler() {
            return scheduler;
        }

        int count() {
            return inFlight.size();
        }

        /** Ends the waits of the route (every wait when null), each with its exception saying why. */
        void abort(String routeId, String reason) {
            for (PollingWait<?> wait : inFlight) {
                if (routeId == null || routeId.equals(wait.routeId)) {
                    wait.fail(wait.stopped(reason));
                }
            }
        }
    }
}
