package dev.camelveeam.veeamem.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.camelveeam.veeamem.VeeamEmApiException;
import dev.camelveeam.veeamem.VeeamEmException;
import dev.camelveeam.veeamem.VeeamEmFormat;
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

    private final ScheduledExecutorService scheduler;
    private final EmStatistics statistics;
    private final Set<TaskWait> inFlight = ConcurrentHashMap.newKeySet();

    public TaskPoller(ScheduledExecutorService scheduler, EmStatistics statistics) {
        this.scheduler = scheduler;
        this.statistics = statistics;
    }

    /**
     * Polls {@code GET /tasks/{id}} in the session that created the task until its state is Finished. The future
     * completes with the Finished task, or exceptionally on timeout, on an EM error, or when the poller stops.
     */
    public CompletableFuture<Task> awaitFinished(
            EmConnection connection, EmSession session, Task accepted, VeeamEmFormat format, PollSettings settings) {
        TaskWait wait = new TaskWait(connection, session, accepted, format, settings);
        inFlight.add(wait);
        wait.result.whenComplete((task, error) -> inFlight.remove(wait));
        wait.schedule(settings.initialDelayMillis());
        return wait.result;
    }

    /** The number of tasks being waited for. */
    public int inFlightCount() {
        return inFlight.size();
    }

    /** Ends every wait with an exception saying why; the tasks themselves go on in EM. */
    public void abortAll(String reason) {
        for (TaskWait wait : inFlight) {
            wait.result.completeExceptionally(new VeeamEmException(
                    "Stopped waiting for EM task " + wait.lastSeen.getTaskId() + " (" + wait.lastSeen.getOperation()
                                                                   + "), last state " + wait.lastSeen.getState()
                                                                   + ": " + reason + ". The task may still finish in EM."));
        }
    }

    private final class TaskWait implements Runnable {

        private final CompletableFuture<Task> result = new CompletableFuture<>();
        private final EmConnection connection;
        private final EmSession session;
        private final VeeamEmFormat format;
        private final PollSettings settings;
        private final EmRequest poll;
        private final long deadlineNanos;
        private volatile Task lastSeen;
        private long delayMillis;
        private int polls;

        TaskWait(EmConnection connection, EmSession session, Task accepted, VeeamEmFormat format, PollSettings settings) {
            this.connection = connection;
            this.session = session;
            this.format = format;
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
                lastSeen = task;
                if (task.isFinished()) {
                    result.complete(task);
                    return;
                }
                long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
                if (remainingMillis <= 0) {
                    result.completeExceptionally(new VeeamEmTaskTimeoutException(task, settings.timeoutMillis()));
                    return;
                }
                delayMillis = settings.nextDelay(delayMillis);
                LOG.debug("EM task {} is {} after poll {}; next poll in {} ms", task.getTaskId(), task.getState(), polls,
                        Math.min(delayMillis, remainingMillis));
                schedule(Math.min(delayMillis, remainingMillis));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }

        private Task pollOnce() {
            polls++;
            statistics.poll();
            EmResponse response = connection.executeIn(session, poll, format);
            if (response.status() != 200) {
                throw new VeeamEmApiException(
                        response.status(), EmCodec.errorMessage(response.body()), poll.method(), poll.pathAndQuery());
            }
            return EmCodec.read(response.body(), format, Task.class, poll.toString());
        }

        void schedule(long delay) {
            try {
                scheduler.schedule(this, delay, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                result.completeExceptionally(new VeeamEmException(
                        "Could not schedule the next poll of EM task " + lastSeen.getTaskId()
                                                                  + ": the component is stopping",
                        e));
            }
        }
    }
}
