package dev.camelveeam.veeamem.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import dev.camelveeam.veeamem.VeeamEmAccessDeniedException;
import dev.camelveeam.veeamem.VeeamEmApiException;
import dev.camelveeam.veeamem.VeeamEmException;
import dev.camelveeam.veeamem.VeeamEmFormat;
import dev.camelveeam.veeamem.VeeamEmOutcomeUnknownException;
import dev.camelveeam.veeamem.VeeamEmTransportException;
import dev.camelveeam.veeamem.internal.EmConnection.SessionResponse;
import dev.camelveeam.veeamem.model.Task;

/**
 * Typed calls to EM in one format, none of which waits: each checks the status EM is documented to answer with and
 * reads the body into the model, or fails with {@link VeeamEmApiException} carrying EM's own message.
 */
public final class EmApi {

    private static final int OK = 200;
    private static final int ACCEPTED = 202;
    private static final int NO_CONTENT = 204;
    private static final int UNAUTHORIZED = 401;
    private static final int FORBIDDEN = 403;

    private final EmConnection connection;
    private final VeeamEmFormat format;

    public EmApi(EmConnection connection, VeeamEmFormat format) {
        this.connection = connection;
        this.format = format;
    }

    public VeeamEmFormat getFormat() {
        return format;
    }

    public EmConnection getConnection() {
        return connection;
    }

    public <T> CompletableFuture<T> get(String pathAndQuery, Class<T> type) {
        EmRequest request = EmRequest.get(pathAndQuery);
        return expect(request, OK).thenApply(answer -> EmCodec.read(answer.response().body(), format, type, request));
    }

    public <T> CompletableFuture<List<T>> getList(String pathAndQuery, Class<T> itemType) {
        EmRequest request = EmRequest.get(pathAndQuery);
        return expect(request, OK)
                .thenApply(answer -> EmCodec.readList(answer.response().body(), format, itemType, request));
    }

    public <T> CompletableFuture<QueryPage<T>> getPage(String pathAndQuery, Class<T> entityType) {
        EmRequest request = EmRequest.get(pathAndQuery);
        return expect(request, OK)
                .thenApply(answer -> EmCodec.readPage(answer.response().body(), format, entityType, request));
    }

    /**
     * Sends a change that EM answers with 202 and a Task; the future holds that task and its session. The pending
     * change learns the session the request goes out in and the task EM answered with, so that a redelivery can settle
     * it.
     */
    public CompletableFuture<EmTaskHandle> submit(EmRequest request, PendingChange change) {
        return expect(request, ACCEPTED, session -> change.sending(session, request)).thenApply(answer -> {
            Task task;
            try {
                task = EmCodec.read(answer.response().body(), format, Task.class, request);
            } catch (VeeamEmException unreadable) {
                throw new VeeamEmException(
                        "EM accepted " + request + " (202) but its Task could not be read, so the"
                                           + " outcome cannot be followed: " + unreadable.getMessage(),
                        unreadable);
            }
            EmTaskHandle handle = new EmTaskHandle(this, answer.session(), task);
            answer.session().claim(task.getTaskId());
            change.accepted(handle);
            return handle;
        });
    }

    /**
     * Finds out what EM did with a change whose answer never came back. EM makes a task, in the session the request
     * went out in, for every change it accepts; the component claims each task whose {@code 202} it received. So the
     * one unclaimed task of the change's operation in that session is the change's task; none means EM never accepted
     * it. The future holds the change's task, or null when EM provably did not accept it; it fails when that cannot be
     * told (the session has ended, or several unclaimed tasks could be it), marking the change uncheckable.
     */
    public CompletableFuture<EmTaskHandle> settle(PendingChange change) {
        if (change.task() != null || !change.wasSent()) {
            return CompletableFuture.completedFuture(change.task());
        }
        EmSession session = change.session();
        EmRequest list = EmRequest.get("/tasks");
        return connection.executeIn(session, list, format).thenApply(response -> {
            if (response.status() == UNAUTHORIZED) {
                throw uncheckable(change, "the logon session it was sent in has ended, so EM's tasks of it cannot be"
                                          + " listed");
            }
            if (response.status() != OK) {
                throw failure(list, response);
            }
            List<Task> unclaimed = EmCodec.readList(response.body(), format, Task.class, list).stream()
                    .filter(task -> change.emOperation().equalsIgnoreCase(task.getOperation()))
                    .filter(task -> !session.isClaimed(task.getTaskId()))
                    .toList();
            if (unclaimed.size() > 1) {
                throw uncheckable(change, unclaimed.size() + " " + change.emOperation() + " tasks in its session were"
                                          + " not answered to this component, so which one is its own cannot be told");
            }
            if (unclaimed.isEmpty()) {
                if (!session.claimsComplete()) {
                    throw uncheckable(change, "its session has more tasks than the component keeps track of");
                }
                return null;
            }
            Task found = unclaimed.get(0);
            session.claim(found.getTaskId());
            EmTaskHandle handle = new EmTaskHandle(this, session, found);
            change.accepted(handle);
            return handle;
        });
    }

    private static VeeamEmOutcomeUnknownException uncheckable(PendingChange change, String reason) {
        change.markUncheckable(reason);
        return new VeeamEmOutcomeUnknownException(
                change.request().method(), change.request().pathAndQuery(),
                "whether EM carried it out cannot be checked: " + reason + "; it is not sent again");
    }

    /** Sends a request that EM answers with 204 No Content. */
    public CompletableFuture<Void> execute(EmRequest request) {
        return expect(request, NO_CONTENT).thenApply(answer -> null);
    }

    private CompletableFuture<SessionResponse> expect(EmRequest request, int status) {
        return expect(request, status, session -> {
        });
    }

    private CompletableFuture<SessionResponse> expect(EmRequest request, int status, Consumer<EmSession> sending) {
        return connection.execute(request, format, sending)
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(outcomeOf(request, failure)))
                .thenApply(answer -> {
                    if (answer.response().status() != status) {
                        throw failure(request, answer.response());
                    }
                    return answer;
                });
    }

    /** A state-changing request that may have reached EM without an answer has an unknown outcome. */
    private static Throwable outcomeOf(EmRequest request, Throwable failure) {
        Throwable cause = Futures.unwrap(failure);
        if (cause instanceof VeeamEmTransportException transport && transport.isRequestSent() && request.changesState()) {
            return new VeeamEmOutcomeUnknownException(request.method(), request.pathAndQuery(), transport);
        }
        return cause;
    }

    /** The exception for an error answer: 403 says which account lacks a role, others carry EM's message. */
    public VeeamEmApiException failure(EmRequest request, EmResponse response) {
        String emMessage = EmCodec.errorMessage(response.body());
        if (response.status() == FORBIDDEN) {
            return new VeeamEmAccessDeniedException(
                    emMessage, request.method(), request.pathAndQuery(), connection.getUsername());
        }
        return new VeeamEmApiException(response.status(), emMessage, request.method(), request.pathAndQuery());
    }
}
