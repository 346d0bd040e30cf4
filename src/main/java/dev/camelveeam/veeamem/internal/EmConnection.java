package dev.camelveeam.veeamem.internal;

import java.io.Closeable;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

import dev.camelveeam.veeamem.VeeamEmApiException;
import dev.camelveeam.veeamem.VeeamEmFormat;
import dev.camelveeam.veeamem.VeeamEmTransportException;
import dev.camelveeam.veeamem.VeeamEmLogonException;
import dev.camelveeam.veeamem.model.LogonSession;
import org.apache.hc.core5.http.HttpHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conversation with one EM server as one user: a single logon session shared by every exchange, opened on first
 * use, opened again when EM no longer knows it, and closed on {@link #close()}.
 * <p>
 * Concurrent callers that find no session share one logon: the first one logs on, the others wait for its outcome.
 */
public final class EmConnection implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(EmConnection.class);
    private static final int UNAUTHORIZED = 401;
    private static final VeeamEmFormat LOGON_FORMAT = VeeamEmFormat.xml;

    private final EmHttpClient http;
    private final EmStatistics statistics;
    private final String username;
    private final String basicAuthorization;
    private final AtomicReference<CompletableFuture<EmSession>> current = new AtomicReference<>();

    public EmConnection(EmHttpClient http, EmStatistics statistics, String username, String password) {
        this.http = http;
        this.statistics = statistics;
        this.username = username;
        this.basicAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public ApiRoot getRoot() {
        return http.getRoot();
    }

    public String getUsername() {
        return username;
    }

    /** Whether a logon session is open (as far as this side knows: EM may have expired it). */
    public boolean isLoggedOn() {
        CompletableFuture<EmSession> session = current.get();
        return session != null && session.isDone() && !session.isCompletedExceptionally();
    }

    /**
     * Checks that EM accepts this connection's credentials: logs on if there is no session, and makes sure an open
     * session is still known to EM, logging on again if not.
     */
    public void verify() {
        EmSession session = session();
        EmRequest check = EmRequest.onSession("GET", "/logonSessions/", session.sessionId());
        EmResponse response = executeIn(session, check, LOGON_FORMAT);
        if (response.status() == UNAUTHORIZED) {
            invalidate(session);
            session();
        } else if (!response.isSuccess()) {
            throw new VeeamEmApiException(
                    response.status(), EmCodec.errorMessage(response.body()), check.method(), check.pathAndQuery());
        }
    }

    /**
     * Sends the request in the current session. When EM answers 401 (the session expired or EM restarted), logs on
     * again once and sends the request once more.
     */
    public SessionResponse execute(EmRequest request, VeeamEmFormat format) {
        EmSession session = session();
        EmResponse response = executeIn(session, request, format);
        if (response.status() == UNAUTHORIZED) {
            LOG.debug("EM at {} no longer knows the session; logging on again for {}", getRoot(), request);
            invalidate(session);
            session = session();
            response = executeIn(session, request, format);
        }
        return new SessionResponse(session, response);
    }

    /**
     * Sends the request in the given session, for resources that belong to it, such as its tasks. A request that could
     * not even connect provably never reached EM, so it is tried once more.
     */
    public EmResponse executeIn(EmSession session, EmRequest request, VeeamEmFormat format) {
        return send(request, format, EmHttpClient.SESSION_HEADER, session.token());
    }

    /** Sends once more a request that could not connect, as it provably never reached EM. */
    private EmResponse send(EmRequest request, VeeamEmFormat format, String authHeader, String authValue) {
        try {
            return http.execute(request, format, authHeader, authValue);
        } catch (VeeamEmTransportException e) {
            if (e.isRequestSent()) {
                throw e;
            }
            LOG.debug("{} could not connect to EM at {}; trying once more: {}", request, getRoot(), e.getMessage());
            try {
                return http.execute(request, format, authHeader, authValue);
            } catch (VeeamEmTransportException again) {
                again.addSuppressed(e);
                throw again;
            }
        }
    }

    /** The current session, logging on when there is none. */
    public EmSession session() {
        while (true) {
            CompletableFuture<EmSession> existing = current.get();
            if (existing != null && !existing.isCompletedExceptionally()) {
                return await(existing);
            }
            CompletableFuture<EmSession> mine = new CompletableFuture<>();
            if (current.compareAndSet(existing, mine)) {
                try {
                    mine.complete(logon());
                } catch (RuntimeException e) {
                    mine.completeExceptionally(e);
                }
                return await(mine);
            }
        }
    }

    /** Forgets the session if it is still the current one, so that the next caller logs on again. */
    public void invalidate(EmSession stale) {
        current.updateAndGet(future -> isSession(future, stale) ? null : future);
    }

    /** Logs off the current session, if any. */
    @Override
    public void close() {
        CompletableFuture<EmSession> last = current.getAndSet(null);
        try {
            if (last != null && last.isDone() && !last.isCompletedExceptionally()) {
                logoff(last.join());
            }
        } finally {
            http.close();
        }
    }

    private EmSession logon() {
        EmRequest request = EmRequest.post("/sessionMngr/?v=latest", null);
        EmResponse response = send(request, LOGON_FORMAT, HttpHeaders.AUTHORIZATION, basicAuthorization);
        if (response.status() == UNAUTHORIZED) {
            throw new VeeamEmLogonException(
                    "EM at " + getRoot() + " refused the logon of user '" + username
                                            + "' (401 Unauthorized): check the username and password options",
                    response.status());
        }
        if (response.status() != 201) {
            throw new VeeamEmLogonException(
                    "EM at " + getRoot() + " answered the logon of user '" + username + "' with status "
                                            + response.status() + describe(response),
                    response.status());
        }
        if (response.sessionToken() == null) {
            throw new VeeamEmLogonException(
                    "EM at " + getRoot() + " accepted the logon but sent no " + EmHttpClient.SESSION_HEADER + " header",
                    response.status());
        }
        LogonSession body = EmCodec.read(response.body(), LOGON_FORMAT, LogonSession.class, request);
        statistics.logon();
        LOG.info("Logged on to Veeam EM at {} as {}", getRoot(), username);
        return new EmSession(body.getSessionId(), response.sessionToken());
    }

    private void logoff(EmSession session) {
        EmRequest request = EmRequest.onSession("DELETE", "/logonSessions/", session.sessionId());
        try {
            EmResponse response = executeIn(session, request, LOGON_FORMAT);
            if (response.isSuccess()) {
                LOG.info("Logged off from Veeam EM at {}", getRoot());
            } else {
                LOG.info("Logging off from Veeam EM at {} answered {}: the session had already ended", getRoot(),
                        response.status());
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not log off from Veeam EM at {}: {}", getRoot(), e.getMessage());
        }
    }

    private static String describe(EmResponse response) {
        String message = EmCodec.errorMessage(response.body());
        return message == null ? "" : ": " + message;
    }

    private static boolean isSession(CompletableFuture<EmSession> future, EmSession session) {
        return future != null && future.isDone() && !future.isCompletedExceptionally() && future.join() == session;
    }

    private static EmSession await(CompletableFuture<EmSession> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** An answer together with the session that obtained it. */
    public record SessionResponse(EmSession session, EmResponse response) {
    }
}
