package dev.camelveeam.veeamem.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;

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

    /** Sends a request that EM answers with 202 and a Task; the future holds that task and its session. */
    public CompletableFuture<EmTaskHandle> submit(EmRequest request) {
        return expect(request, ACCEPTED).thenApply(answer -> {
            try {
                Task task = EmCodec.read(answer.response().body(), format, Task.class, request);
                return new EmTaskHandle(this, answer.session(), task);
            } catch (VeeamEmException unreadable) {
                throw new VeeamEmException("EM accepted " + request + " (202) but its Task could not be read, so the"
                                           + " outcome cannot be followed: " + unreadable.getMessage(),
                        unreadable);
            }
        });
    }

    /** Sends a request that EM answers with 204 No Content. */
    public CompletableFuture<Void> execute(EmRequest request) {
        return expect(request, NO_CONTENT).thenApply(answer -> null);
    }

    private CompletableFuture<SessionResponse> expect(EmRequest request, int status) {
        return connection.execute(request, format)
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
