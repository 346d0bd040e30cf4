package dev.camelveeam.veeamem.internal;

import java.util.List;

import dev.camelveeam.veeamem.VeeamEmAccessDeniedException;
import dev.camelveeam.veeamem.VeeamEmApiException;
import dev.camelveeam.veeamem.VeeamEmException;
import dev.camelveeam.veeamem.VeeamEmOutcomeUnknownException;
import dev.camelveeam.veeamem.VeeamEmFormat;
import dev.camelveeam.veeamem.VeeamEmTransportException;
import dev.camelveeam.veeamem.internal.EmConnection.SessionResponse;
import dev.camelveeam.veeamem.model.Task;

/**
 * Typed calls to EM in one format: each checks the status EM is documented to answer with and reads the body into the
 * model, or raises {@link VeeamEmApiException} with EM's own message.
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

    public <T> T get(String pathAndQuery, Class<T> type) {
        EmRequest request = EmRequest.get(pathAndQuery);
        return EmCodec.read(expect(request, OK).response().body(), format, type, request);
    }

    public <T> List<T> getList(String pathAndQuery, Class<T> itemType) {
        EmRequest request = EmRequest.get(pathAndQuery);
        return EmCodec.readList(expect(request, OK).response().body(), format, itemType, request);
    }

    public <T> QueryPage<T> getPage(String pathAndQuery, Class<T> entityType) {
        EmRequest request = EmRequest.get(pathAndQuery);
        return EmCodec.readPage(expect(request, OK).response().body(), format, entityType, request);
    }

    /** Sends a request that EM answers with 202 and a Task, and returns that task with the session it belongs to. */
    public AcceptedTask submit(EmRequest request) {
        SessionResponse answer = expect(request, ACCEPTED);
        try {
            Task task = EmCodec.read(answer.response().body(), format, Task.class, request);
            return new AcceptedTask(answer.session(), task);
        } catch (VeeamEmException unreadable) {
            throw new VeeamEmException("EM accepted " + request + " (202) but its Task could not be read, so the"
                                       + " outcome cannot be followed: " + unreadable.getMessage(),
                    unreadable);
        }
    }

    /** Sends a request that EM answers with 204 No Content. */
    public void execute(EmRequest request) {
        expect(request, NO_CONTENT);
    }

    private SessionResponse expect(EmRequest request, int status) {
        SessionResponse answer;
        try {
            answer = connection.execute(request, format);
        } catch (VeeamEmTransportException e) {
            if (request.changesState() && e.isRequestSent()) {
                throw new VeeamEmOutcomeUnknownException(request.method(), request.pathAndQuery(), e);
            }
            throw e;
        }
        EmResponse response = answer.response();
        if (response.status() != status) {
            throw failure(request, response);
        }
        return answer;
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

    /** A task EM accepted, and the logon session that can see it. */
    public record AcceptedTask(EmSession session, Task task) {
    }
}
