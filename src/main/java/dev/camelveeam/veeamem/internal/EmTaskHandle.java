package dev.camelveeam.veeamem.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.camelveeam.veeamem.VeeamEmException;
import dev.camelveeam.veeamem.VeeamEmTaskLostException;
import dev.camelveeam.veeamem.VeeamEmTransportException;
import dev.camelveeam.veeamem.model.Task;

/**
 * An EM task and what it takes to look at it: the logon session that created it (tasks belong to their session), the
 * exchange format, and what EM's answers to a poll mean.
 */
public final class EmTaskHandle {

    private static final int OK = 200;
    private static final int UNAUTHORIZED = 401;
    private static final int NOT_FOUND = 404;
    private static final int SERVER_ERROR = 500;
    private static final String NO_SUCH_TASK = "There is no backup task with id";

    private final EmApi api;
    private final EmSession session;
    private final EmRequest poll;
    private volatile Task lastSeen;

    EmTaskHandle(EmApi api, EmSession session, Task accepted) {
        this.api = api;
        this.session = session;
        this.lastSeen = summary(accepted);
        this.poll = EmRequest.get("/tasks/" + PathSegments.fromEm(accepted.getTaskId(), "TaskId")).aheadOfNewWork();
    }

    /** The task as last seen: as EM accepted it, then as the last successful poll saw it. */
    public Task lastSeen() {
        return lastSeen;
    }

    /**
     * Asks EM for the task once. The future holds what was seen, or a failure worth polling again for (no answer, a
     * 5xx, an unreadable body); it fails when the task can no longer be followed.
     */
    public CompletableFuture<PollOutcome> poll() {
        return api.getConnection().executeIn(session, poll, api.getFormat())
                .handle((response, failure) -> failure == null ? read(response) : retryable(failure));
    }

    /** Cancels the task in EM; the future holds what came of it, in words, and never fails. */
    public CompletableFuture<String> cancel() {
        EmRequest cancel = EmRequest.delete(poll.pathAndQuery()).aheadOfNewWork();
        return api.getConnection().executeIn(session, cancel, api.getFormat())
                .handle((response, failure) -> {
                    if (failure != null) {
                        return "cancelling it failed: " + Futures.unwrap(failure).getMessage();
                    }
                    return response.isSuccess()
                            ? "it was cancelled (DELETE answered " + response.status() + ")"
                            : "cancelling it failed: " + api.failure(cancel, response).getMessage();
                });
    }

    private PollOutcome read(EmResponse response) {
        if (response.status() == OK) {
            try {
                Task task = EmCodec.read(response.body(), api.getFormat(), Task.class, poll);
                lastSeen = summary(task);
                return new PollOutcome.Seen(task);
            } catch (VeeamEmException unreadable) {
                return new PollOutcome.Failed(unreadable);
            }
        }
        RuntimeException failure = api.failure(poll, response);
        if (response.status() == UNAUTHORIZED) {
            api.getConnection().invalidate(session);
            throw new VeeamEmTaskLostException(
                    lastSeen, "the logon session that created it has ended (EM answered 401)",
                    failure);
        }
        if (response.status() == NOT_FOUND || String.valueOf(failure.getMessage()).contains(NO_SUCH_TASK)) {
            throw new VeeamEmTaskLostException(lastSeen, "EM no longer knows it", failure);
        }
        if (response.status() >= SERVER_ERROR) {
            return new PollOutcome.Failed(failure);
        }
        throw failure;
    }

    /**
     * What is kept of a task between polls, for the exceptions that report it (id, operation, state, result): a task
     * waits mostly between polls, and its links would be most of what it holds there. Operation and state are words of
     * a small vocabulary, kept once for all tasks.
     */
    private static Task summary(Task task) {
        Task summary = new Task();
        summary.setTaskId(task.getTaskId());
        summary.setOperation(task.getOperation() == null ? null : task.getOperation().intern());
        summary.setState(task.getState() == null ? null : task.getState().intern());
        summary.setResult(task.getResult());
        summary.setLinks(List.of());
        return summary;
    }

    private static PollOutcome retryable(Throwable failure) {
        Throwable cause = Futures.unwrap(failure);
        if (cause instanceof VeeamEmTransportException transport) {
            return new PollOutcome.Failed(transport);
        }
        if (cause instanceof Error error) {
            throw error;
        }
        throw cause instanceof RuntimeException runtime ? runtime : new VeeamEmException(cause.toString(), cause);
    }

    /** What one poll saw. */
    public sealed interface PollOutcome {

        /** EM answered with the task. */
        record Seen(Task task) implements PollOutcome {
        }

        /** The poll failed in a way worth trying again. */
        record Failed(RuntimeException failure) implements PollOutcome {
        }
    }
}
