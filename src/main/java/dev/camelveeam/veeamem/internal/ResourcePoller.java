package dev.camelveeam.veeamem.internal;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import dev.camelveeam.veeamem.VeeamEmApiException;
import dev.camelveeam.veeamem.VeeamEmException;
import dev.camelveeam.veeamem.VeeamEmTransportException;

/**
 * Polls an EM resource (a restore session, a backup session) until it is as wanted, without holding a thread: each poll
 * is scheduled when the previous one's answer came, with twice the delay each time (at least
 * {@link PollSettings#FLOOR_MILLIS}, at most the maximum), within a timeout. A poll that got no answer or a 5xx is
 * tried again on the same schedule, up to {@code retries} times in a row; any other failure ends the wait. The tasks
 * themselves are waited for by {@link TaskPoller}.
 */
public final class ResourcePoller {

    private static final int SERVER_ERROR = 500;

    private final PollingWait.Waits waits;

    public ResourcePoller(EmScheduler scheduler, EmStatistics statistics) {
        this.waits = new PollingWait.Waits(scheduler, statistics);
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
        return new Wait<>(routeId, what, poll, done, settings, onTimeout).start(settings.initialDelayMillis());
    }

    /** The number of waits in progress. */
    public int inFlightCount() {
        return waits.count();
    }

    /** Ends the waits of the route (every wait when null) with an exception saying why; EM goes on. */
    public void abort(String routeId, String reason) {
        waits.abort(routeId, reason);
    }

    private final class Wait<T> extends PollingWait<T> {

        private final String what;
        private final Supplier<CompletableFuture<T>> poll;
        private final Predicate<T> done;
        private final Settings settings;
        private final Function<T, RuntimeException> onTimeout;
        private volatile T lastSeen;
        private long delayMillis;

        Wait(String routeId, String what, Supplier<CompletableFuture<T>> poll, Predicate<T> done, Settings settings,
             Function<T, RuntimeException> onTimeout) {
            super(ResourcePoller.this.waits, routeId, settings.timeoutMillis());
            this.what = what;
            this.poll = poll;
            this.done = done;
            this.settings = settings;
            this.onTimeout = onTimeout;
            this.delayMillis = settings.initialDelayMillis();
        }

        @Override
        void pollOnce() {
            poll.get().whenComplete(this::polled);
        }

        @Override
        String what() {
            return what;
        }

        @Override
        int retries() {
            return settings.retries();
        }

        @Override
        VeeamEmException stopped(String reason) {
            return new VeeamEmException("Stopped waiting for " + what + ": " + reason + ". It may still go on in EM.");
        }

        private void polled(T value, Throwable failure) {
            if (result.isDone()) {
                return;
            }
            try {
                if (failure == null) {
                    polledWell();
                    lastSeen = value;
                    if (done.test(value)) {
                        finish(value);
                        return;
                    }
                } else if (!retryable(Futures.unwrap(failure))) {
                    fail(Futures.unwrap(failure));
                    return;
                } else if (gaveUpAfter((RuntimeException) Futures.unwrap(failure))) {
                    return;
                }
                scheduleNextOrTimeOut();
            } catch (Throwable e) {
                fail(e);
            }
        }

        private boolean retryable(Throwable failure) {
            return failure instanceof VeeamEmTransportException
                    || failure instanceof VeeamEmApiException api && api.getStatusCode() >= SERVER_ERROR;
        }

        private void scheduleNextOrTimeOut() {
            long remainingMillis = remainingMillis();
            if (remainingMillis <= 0) {
                fail(onTimeout.apply(lastSeen));
                return;
            }
            delayMillis = Math.min(Math.max(delayMillis * 2, PollSettings.FLOOR_MILLIS), settings.maxDelayMillis());
            schedule(Math.min(delayMillis, remainingMillis));
        }
    }
}
