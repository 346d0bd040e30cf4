package dev.camelveeam.veeamem.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import dev.camelveeam.veeamem.VeeamEmApiException;
import dev.camelveeam.veeamem.VeeamEmException;
import dev.camelveeam.veeamem.VeeamEmTransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls an EM resource (a restore session, a backup session) until it is as wanted, without holding a thread: each poll
 * is scheduled when the previous one's answer came, with twice the delay each time (at least
 * {@link PollSettings#FLOOR_MILLIS}, at most the maximum), within a timeout. A poll that got no answer or a 5xx is
 * tried again on the same schedule, up to {@code retries} times in a row; any other failure ends the wait. The tasks
 * themselves are waited for by {@link TaskPoller}.
 */
public final class ResourcePoller {

    private static final Logger LOG = LoggerFactory.getLogger(ResourcePoller.class);
    private static final int SERVER_ERROR = 500;

    private final EmScheduler scheduler;
    private final EmStatistics statistics;
    private final Set<Wait<?>> inFlight = ConcurrentHashMap.newKeySet();

    public ResourcePoller(EmScheduler scheduler, EmStatistics statistics) {
        this.scheduler = scheduler;
        this.statistics = statistics;
    }

    /** How to poll: delays and timeout in milliseconds, and how many failed polls in a row are tried again. */
    public record Settings(long initialDelayMillis, long maxDelayMillis, long timeoutMillis, int retries) {
    }

    /**
     * Polls until {@code done} holds for what a poll read. The future completes with that value, or exceptionally with
     * {@code onTimeout}'s exception (given the last value read, null when none was) once the timeout has passed, when
     * polls keep failing, or when the waits of its route are aborted.
     *
     * @param routeId the route of the waiting exchange, or null when it is in none
     * @param what    what is waited for, for messages, such as "restore session 8f20b44a-..."
     */
    public <T> CompletableFuture<T> pollUntil(
            String routeId, String what, Supplier<CompletableFuture<T>> poll, Predicate<T> done, Settings settings,
            Function<T, RuntimeException> onTimeout) {
        Wait<T> wait = new Wait<>(routeId, what, poll, done, settings, onTimeout);
        inFlight.add(wait);
        wait.schedule(settings.initialDelayMillis());
        return wait.result;
    }

    /** The number of waits in progress. */
    public int inFlightCount() {
        return inFlight.size();
    }

    /** Ends the waits of the route (every wait when null) with an exception saying why; EM goes on. */
    public void abort(String routeId, String reason) {
        for (Wait<?> wait : inFlight) {
            if (routeId == null || routeId.equals(wait.routeId)) {
                wait.fail(new VeeamEmException(
                        "Stopped waiting for " + wait.what + ": " + reason
                                               + ". It may still go on in EM."));
            }
        }
    }

    private final class Wait<T> implements Runnable {

        private final CompletableFuture<T> result = new CompletableFuture<>();
        private final String routeId;
        private final String what;
        private final Supplier<CompletableFuture<T>> poll;
        private final Predicate<T> done;
        private final Settings settings;
        private final Function<T, RuntimeException> onTimeout;
        private final long deadlineNanos;
        private final List<RuntimeException> failedPolls = new ArrayList<>();
        private volatile T lastSeen;
        private long delayMillis;
        private volatile EmScheduler.Scheduled nextPoll;

        Wait(String routeId, String what, Supplier<CompletableFuture<T>> poll, Predicate<T> done, Settings settings,
             Function<T, RuntimeException> onTimeout) {
            this.routeId = routeId;
            this.what = what;
            this.poll = poll;
            this.done = done;
            this.settings = settings;
            this.onTimeout = onTimeout;
            this.deadlineNanos = scheduler.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.timeoutMillis());
            this.delayMillis = settings.initialDelayMillis();
        }

        @Override
        public void run() {
            if (result.isDone()) {
                return;
            }
            try {
                statistics.poll();
                poll.get().whenComplete(this::polled);
            } catch (Throwable e) {
                fail(e);
            }
        }

        private void polled(T value, Throwable failure) {
            if (result.isDone()) {
                return;
            }
            try {
                if (failure == null) {
                    failedPolls.clear();
                    lastSeen = value;
                    if (done.test(value)) {
                        inFlight.remove(this);
                        result.complete(value);
                        return;
                    }
                } else {
                    retryOrGiveUp(Futures.unwrap(failure));
                    if (result.isDone()) {
                        return;
                    }
                }
                scheduleNextOrTimeOut();
            } catch (Throwable e) {
                fail(e);
            }
        }

        private void retryOrGiveUp(Throwable failure) {
            boolean retryable = failure instanceof VeeamEmTransportException
                    || failure instanceof VeeamEmApiException api && api.getStatusCode() >= SERVER_ERROR;
            if (!retryable) {
                fail(failure);
                return;
            }
            failedPolls.add((RuntimeException) failure);
            if (failedPolls.size() > settings.retries()) {
                VeeamEmException gaveUp = new VeeamEmException(
                        "Polling " + what + " failed " + failedPolls.size() + " times in a row; last failure: "
                                                               + failure.getMessage(),
                        failure);
                failedPolls.subList(0, failedPolls.size() - 1).forEach(gaveUp::addSuppressed);
                fail(gaveUp);
                return;
            }
            LOG.debug("Poll {} of {} failed, will try again: {}", failedPolls.size(), what, failure.getMessage());
        }

        private void scheduleNextOrTimeOut() {
            long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - scheduler.nanoTime());
            if (remainingMillis <= 0) {
                fail(onTimeout.apply(lastSeen));
                return;
            }
            delayMillis = Math.min(Math.max(delayMillis * 2, PollSettings.FLOOR_MILLIS), settings.maxDelayMillis());
            schedule(Math.min(delayMillis, remainingMillis));
        }

        void fail(Throwable failure) {
            inFlight.remove(this);
            EmScheduler.Scheduled pending = nextPoll;
            if (pending != null) {
                pending.cancel();
            }
            result.completeExceptionally(failure);
        }

        void schedule(long delay) {
            try {
                nextPoll = scheduler.schedule(this, Math.max(delay, 0));
            } catch (RejectedExecutionException e) {
                fail(new VeeamEmException(
                        "Could not schedule the next poll of " + what + ": the component is stopping",
                        e));
            }
        }
    }
}
