package dev.camelveeam.veeamem.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import dev.camelveeam.veeamem.VeeamEmException;
import dev.camelveeam.veeamem.VeeamEmTaskTimeoutException;
import dev.camelveeam.veeamem.internal.EmTaskHandle.PollOutcome;
import dev.camelveeam.veeamem.model.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for EM tasks to finish without holding a thread: each wait is a chain of polls, the next one scheduled when the
 * previous one's answer came, with a longer delay each time (plain back-off), or at the times learnt from the
 * operation's recent run times (adaptive, {@link RunTimeEstimates}). What a poll means is the task handle's business;
 * this class only schedules, counts failures and keeps time.
 */
public final class TaskPoller {

    private static final Logger LOG = LoggerFactory.getLogger(TaskPoller.class);

    private final EmScheduler scheduler;
    private final EmStatistics statistics;
    private final Set<TaskWait> inFlight = ConcurrentHashMap.newKeySet();

    public TaskPoller(EmScheduler scheduler, EmStatistics statistics) {
        this.scheduler = scheduler;
        this.statistics = statistics;
    }

    /**
     * Polls the task until EM says it is Finished. The future completes with the Finished task, or exceptionally on
     * timeout, on a lost task, when polls keep failing, or when the waits of its route are aborted. It always
     * completes: any failure, {@link Error}s included, ends the wait.
     *
     * @param routeId the route of the waiting exchange, or null when it is in none
     */
    public CompletableFuture<Task> awaitFinished(String routeId, EmTaskHandle task, PollSettings settings) {
        return awaitFinished(routeId, task, settings, null);
    }

    /**
     * As {@link #awaitFinished(String, EmTaskHandle, PollSettings)}; with adaptive settings, the schedule is the one
     * learnt for the operation (the component's operation, here, and the task's Operation), and the run time of a task
     * that finishes successfully is added to it.
     */
    public CompletableFuture<Task> awaitFinished(
            String routeId, EmTaskHandle task, PollSettings settings, String operation) {
        RunTimeEstimates.Estimate estimate = settings.isAdaptive()
                ? settings.estimates().estimate(String.valueOf(operation), String.valueOf(task.lastSeen().getOperation()))
                : null;
        TaskWait wait = new TaskWait(routeId, task, settings, estimate);
        inFlight.add(wait);
        if (wait.delayMillis == 0) {
            wait.run();
        } else {
            wait.schedule(wait.delayMillis);
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
                Task lastSeen = wait.task.lastSeen();
                wait.fail(new VeeamEmException(
                        "Stopped waiting for EM task " + lastSeen.getTaskId() + " (" + lastSeen.getOperation()
                                               + "), last state " + lastSeen.getState() + ": " + reason
                                               + ". The task may still finish in EM."));
            }
        }
    }

    private final class TaskWait implements Runnable {

        private final CompletableFuture<Task> result = new CompletableFuture<>();
        private final String routeId;
        private final EmTaskHandle task;
        private final PollSettings settings;
        /** The learnt run times of the task's operation (adaptive strategy), else null. */
        private final RunTimeEstimates.Estimate estimate;
        private final long deadlineNanos;
        private List<RuntimeException> failedPolls = List.of();
        private long delayMillis;
        /**
         * When the last poll that saw the task unfinished was sent, in ms since the task was accepted; -1 while no poll
         * has seen it (the adaptive strategy learns the run time from this and the poll that sees it Finished).
         */
        private long runningSentMillis = -1;
        private volatile EmScheduler.Scheduled nextPoll;

        TaskWait(String routeId, EmTaskHandle task, PollSettings settings, RunTimeEstimates.Estimate estimate) {
            this.routeId = routeId;
            this.task = task;
            this.settings = settings;
            this.estimate = estimate;
            this.deadlineNanos = scheduler.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.timeoutMillis());
            this.delayMillis = estimate == null ? settings.initialDelayMillis() : estimate.firstDelay(settings);
        }

        /** The time since the task was accepted (the deadline less the timeout: no more state than before). */
        private long elapsedMillis() {
            return TimeUnit.NANOSECONDS.toMillis(
                    scheduler.nanoTime() - deadlineNanos + TimeUnit.MILLISECONDS.toNanos(settings.timeoutMillis()));
        }

        @Override
        public void run() {
            if (result.isDone()) {
                return;
            }
            try {
                statistics.poll();
                long sentMillis = elapsedMillis();
                task.poll().whenComplete((outcome, failure) -> polled(outcome, failure, sentMillis));
            } catch (Throwable e) {
                fail(e);
            }
        }

        private void polled(PollOutcome outcome, Throwable failure, long sentMillis) {
            if (result.isDone()) {
                return;
            }
            try {
                if (failure != null) {
                    fail(Futures.unwrap(failure));
                } else if (outcome instanceof PollOutcome.Seen seen) {
                    failedPolls = List.of();
                    if (seen.task().isFinished()) {
                        LOG.debug("EM task {} is Finished", seen.task().getTaskId());
                        if (estimate != null && !seen.task().isFailed()) {
                            estimate.finished(sentMillis, runningSentMillis);
                        }
                        finish(seen.task());
                    } else {
                        runningSentMillis = sentMillis;
                        scheduleNextOrTimeOut();
                    }
                } else {
                    retryOrGiveUp(((PollOutcome.Failed) outcome).failure());
                }
            } catch (Throwable e) {
                fail(e);
            }
        }

        private void retryOrGiveUp(RuntimeException failure) {
            if (failedPolls.isEmpty()) {
                failedPolls = new ArrayList<>();
            }
            failedPolls.add(failure);
            Task lastSeen = task.lastSeen();
            if (failedPolls.size() > settings.retries()) {
                VeeamEmException gaveUp = new VeeamEmException(
                        "Polling EM task " + lastSeen.getTaskId() + " (" + lastSeen.getOperation() + ") failed "
                                                               + failedPolls.size() + " times in a row; last state "
                                                               + lastSeen.getState() + ", last failure: "
                                                               + failure.getMessage(),
                        failure);
                failedPolls.subList(0, failedPolls.size() - 1).forEach(gaveUp::addSuppressed);
                fail(gaveUp);
                return;
            }
            LOG.debug("Poll {} of EM task {} failed, will try again: {}", failedPolls.size(), lastSeen.getTaskId(),
                    failure.getMessage());
            scheduleNextOrTimeOut();
        }

        private void scheduleNextOrTimeOut() {
            long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - scheduler.nanoTime());
            if (remainingMillis <= 0) {
                timeOut();
                return;
            }
            delayMillis = estimate == null
                    ? settings.nextDelay(delayMillis)
                    : estimate.nextDelay(elapsedMillis(), delayMillis, settings);
            long delay = Math.min(delayMillis, remainingMillis);
            LOG.debug("EM task {} is {}; next poll in {} ms", task.lastSeen().getTaskId(), task.lastSeen().getState(),
                    delay);
            schedule(delay);
        }

        private void timeOut() {
            if (!settings.cancelOnTimeout()) {
                fail(new VeeamEmTaskTimeoutException(task.lastSeen(), settings.timeoutMillis(), null));
                return;
            }
            task.cancel().whenComplete((outcome, failure) -> fail(new VeeamEmTaskTimeoutException(
                    task.lastSeen(), settings.timeoutMillis(),
                    failure == null ? outcome : "cancelling it failed: " + failure.getMessage())));
        }

        /** Leaves the in-flight set before the waiting exchange goes on, so that it never sees itself counted. */
        private void finish(Task finished) {
            inFlight.remove(this);
            result.complete(finished);
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
                nextPoll = scheduler.schedule(this, delay);
            } catch (RejectedExecutionException e) {
                fail(new VeeamEmException(
                        "Could not schedule the next poll of EM task " + task.lastSeen().getTaskId()
                                          + ": the component is stopping",
                        e));
            }
        }
    }
}
