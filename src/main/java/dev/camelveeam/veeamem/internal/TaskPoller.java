package dev.camelveeam.veeamem.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.camelveeam.veeamem.VeeamEmException;
import dev.camelveeam.veeamem.VeeamEmFormat;
import dev.camelveeam.veeamem.VeeamEmTransportException;
import dev.camelveeam.veeamem.VeeamEmTaskLostException;
import dev.camelveeam.veeamem.VeeamEmTaskTimeoutException;
import dev.camelveeam.veeamem.model.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for EM tasks to finish without holding a thread: each poll is a job on a scheduled executor that either
 * completes the wait or schedules the next poll with a longer delay.
 */
public final class TaskPoller {

    private static final Logger LOG = LoggerFactory.getLogger(TaskPoller.class);
    private static final int OK = 200;
    private static final int UNAUTHORIZED = 401;
    private static final int NOT_FOUND = 404;
    private static final String NO_SUCH_TASK = "There is no backup task with id";

    private final ScheduledExecutorService scheduler;
    private final EmStatistics statistics;
    private final Set<TaskWait> inFlight = ConcurrentHashMap.newKeySet();

    public TaskPoller(ScheduledExecutorService scheduler, EmStatistics statistics) {
        this.scheduler = scheduler;
        this.statistics = statistics;
    }

    /**
     * Polls {@code GET /tasks/{id}} in the session that created the task until its state is Finished. The future
     * completes with the Finished task, or exceptionally on timeout, on a lost task, when polls keep failing, or when
     * the waits of its route are aborted. With no initial delay the first poll is made at once, on the calling thread:
     * a task that finished at once then completes the future before this method returns.
     *
     * @param routeId the route of the waiting exchange, or null when it is in none
     */
    public CompletableFuture<Task> awaitFinished(
            String routeId, EmApi api, EmSession session, Task accepted, PollSettings settings) {
        TaskWait wait = new TaskWait(routeId, api, session, accepted, settings);
        inFlight.add(wait);
        if (settings.initialDelayMillis() == 0) {
            wait.run();
        } else {
            wait.schedule(settings.initialDelayMillis());
        }
        return wait.result;
    }

    /** The number of tasks being waited for. */
    public int inFlightCount() {
        return inFlight.size();
    }

    /** Ends the waits of the route (every wait when null) with an exception saying why; the tasks go on in EM. */
    public void abort(String routeId, String reason) {
        for (TaskWait wait : inFlight) {
            if (routeId == null || routeId.equals(wait.routeId)) {
                wait.fail(new VeeamEmException(
                        "Stopped waiting for EM task " + wait.lastSeen.getTaskId() + " (" + wait.lastSeen.getOperation()
                                                                       + "), last state " + wait.lastSeen.getState() + ": "
                                                                       + reason + ". The task may still finish in EM."));
            }
        }
    }

    private final class TaskWait implements Runnable {

        private final CompletableFuture<Task> result = new CompletableFuture<>();
        private List<Exception> failedPolls = List.of();
        private final String routeId;
        private final EmApi api;
        private final EmSession session;
        private final PollSettings settings;
        private final EmRequest poll;
        private final long deadlineNanos;
        private volatile Task lastSeen;
        private long delayMillis;

        TaskWait(String routeId, EmApi api, EmSession session, Task accepted, PollSettings settings) {
            this.routeId = routeId;
            this.api = api;
            this.session = session;
            this.settings = settings;
            this.lastSeen = accepted;
            this.poll = EmRequest.get("/tasks/" + URLEncoder.encode(accepted.getTaskId(), StandardCharsets.UTF_8));
            this.deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.timeoutMillis());
            this.delayMillis = settings.initialDelayMillis();
        }

        @Override
        public void run() {
            if (result.isDone()) {
                return;
            }
            try {
                Task task = pollOnce();
                if (task != null) {
                    lastSeen = task;
                    failedPolls = List.of();
                    if (task.isFinished()) {
                        LOG.debug("EM task {} is Finished", task.getTaskId());
                        finish(task);
                        return;
                    }
                }
                scheduleNextOrTimeOut();
            } catch (RuntimeException e) {
                fail(e);
            }
        }

        /** The task as EM sees it now, or null when this poll failed in a way worth trying again. */
        private Task pollOnce() {
            statistics.poll();
            EmResponse response;
            try {
                response = api.getConnection().executeIn(session, poll, api.getFormat());
            } catch (VeeamEmTransportException e) {
                return failedPoll(e);
            }
            if (response.status() == OK) {
                try {
                    return EmCodec.read(response.body(), api.getFormat(), Task.class, poll);
                } catch (VeeamEmException unreadable) {
                    return failedPoll(unreadable);
                }
            }
            RuntimeException failure = api.failure(poll, response);
            if (response.status() == UNAUTHORIZED) {
                api.getConnection().invalidate(session);
                throw new VeeamEmTaskLostException(lastSeen, "the logon session that created it has ended (EM answered 401)",
                        failure);
            }
            if (response.status() == NOT_FOUND || failure.getMessage().contains(NO_SUCH_TASK)) {
                throw new VeeamEmTaskLostException(lastSeen, "EM no longer knows it", failure);
            }
            if (response.status() >= 500) {
                return failedPoll(failure);
            }
            throw failure;
        }

        private Task failedPoll(RuntimeException failure) {
            if (failedPolls.isEmpty()) {
                failedPolls = new ArrayList<>();
            }
            failedPolls.add(failure);
            if (failedPolls.size() > settings.retries()) {
                VeeamEmException gaveUp = new VeeamEmException(
                        "Polling EM task " + lastSeen.getTaskId() + " (" + lastSeen.getOperation() + ") failed "
                                                               + failedPolls.size() + " times in a row; last state "
                                                               + lastSeen.getState() + ", last failure: " + failure.getMessage(),
                        failure);
                failedPolls.subList(0, failedPolls.size() - 1).forEach(gaveUp::addSuppressed);
                throw gaveUp;
            }
            LOG.debug("Poll {} of EM task {} failed, will try again: {}", failedPolls.size(), lastSeen.getTaskId(),
                    failure.getMessage());
            return null;
        }

        private void scheduleNextOrTimeOut() {
            long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
            if (remainingMillis <= 0) {
                fail(timeout());
                return;
            }
            delayMillis = settings.nextDelay(delayMillis);
            long delay = Math.min(delayMillis, remainingMillis);
            LOG.debug("EM task {} is {}; next poll in {} ms", lastSeen.getTaskId(), lastSeen.getState(), delay);
            schedule(delay);
        }

        private VeeamEmTaskTimeoutException timeout() {
            if (!settings.cancelOnTimeout()) {
                return new VeeamEmTaskTimeoutException(lastSeen, settings.timeoutMillis(), null);
            }
            EmRequest cancel = EmRequest.delete(poll.pathAndQuery());
            try {
                EmResponse response = api.getConnection().executeIn(session, cancel, api.getFormat());
                String outcome = response.isSuccess()
                        ? "it was cancelled (DELETE answered " + response.status() + ")"
                        : "cancelling it failed: " + api.failure(cancel, response).getMessage();
                return new VeeamEmTaskTimeoutException(lastSeen, settings.timeoutMillis(), outcome);
            } catch (RuntimeException e) {
                return new VeeamEmTaskTimeoutException(lastSeen, settings.timeoutMillis(), "cancelling it failed: " + e.getMessage());
            }
        }

        /** Leaves the in-flight set before the waiting exchange goes on, so that it never sees itself counted. */
        private void finish(Task task) {
            inFlight.remove(this);
            result.complete(task);
        }

        void fail(Throwable failure) {
            inFlight.remove(this);
            result.completeExceptionally(failure);
        }

        void schedule(long delay) {
            try {
                scheduler.schedule(this, delay, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                fail(new VeeamEmException(
                        "Could not schedule the next poll of EM task " + lastSeen.getTaskId()
                                                                  + ": the component is stopping",
                        e));
            }
        }
    }
}
