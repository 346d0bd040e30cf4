package dev.camelveeam.veeamem.internal;

import java.util.concurrent.CompletableFuture;
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

    private final PollingWait.Waits waits;

    public TaskPoller(EmScheduler scheduler, EmStatistics statistics) {
        this.waits = new PollingWait.Waits(scheduler, statistics);
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
        return wait.start(wait.delayMillis);
    }

    /** The number of tasks being waited for. */
    public int inFlightCount() {
        return waits.count();
    }

    /** Ends the waits of the route (every wait when null) with an exception saying why; the tasks go on in EM. */
    public void abort(String routeId, String reason) {
        waits.abort(routeId, reason);
    }

    private final class TaskWait extends PollingWait<Task> {

        private final EmTaskHandle task;
        private final PollSettings settings;
        /** The learnt run times of the task's operation (adaptive strategy), else null. */
        private final RunTimeEstimates.Estimate estimate;
        private long delayMillis;
        /**
         * When the last poll that saw the task unfinished was sent, in ms since the task was accepted; -1 while no poll
         * has seen it (the adaptive strategy learns the run time from this and the poll that sees it Finished).
         */
        private long runningSentMillis = -1;

        TaskWait(String routeId, EmTaskHandle task, PollSettings settings, RunTimeEstimates.Estimate estimate) {
            super(TaskPoller.this.waits, routeId, settings.timeoutMillis());
            this.task = task;
            this.settings = settings;
            this.estimate = estimate;
            this.delayMillis = estimate == null ? settings.initialDelayMillis() : estimate.firstDelay(settings);
        }

        /** The time since the task was accepted (the deadline less the timeout: no more state than before). */
        private long elapsedMillis() {
            return TimeUnit.NANOSECONDS.toMillis(
                    waits.scheduler().nanoTime() - deadlineNanos + TimeUnit.MILLISECONDS.toNanos(settings.timeoutMillis()));
        }

        @Override
        void pollOnce() {
            long sentMillis = elapsedMillis();
            task.poll().whenComplete((outcome, failure) -> polled(outcome, failure, sentMillis));
        }

        @Override
        String what() {
            Task lastSeen = task.lastSeen();
            return "EM task " + lastSeen.getTaskId() + " (" + lastSeen.getOperation() + ")";
        }

        @Override
        String lastKnown() {
            return "last state " + task.lastSeen().getState() + ", ";
        }

        @Override
        int retries() {
            return settings.retries();
        }

        @Override
        VeeamEmException stopped(String reason) {
            return new VeeamEmException(
                    "Stopped waiting for " + what() + ", last state " + task.lastSeen().getState()
                                        + ": " + reason + ". The task may still finish in EM.");
        }

        private void polled(PollOutcome outcome, Throwable failure, long sentMillis) {
            if (result.isDone()) {
                return;
            }
            try {
                if (failure != null) {
                    fail(Futures.unwrap(failure));
                } else if (outcome instanceof PollOutcome.Seen seen) {
                    polledWell();
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
                } else if (!gaveUpAfter(((PollOutcome.Failed) outcome).failure())) {
                    scheduleNextOrTimeOut();
                }
            } catch (Throwable e) {
                fail(e);
            }
        }

        private void scheduleNextOrTimeOut() {
            long remainingMillis = remainingMillis();
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
    }
}
