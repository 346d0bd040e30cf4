package dev.camelveeam.veeamem.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import dev.camelveeam.veeamem.VeeamEmApiException;
import dev.camelveeam.veeamem.VeeamEmException;
import dev.camelveeam.veeamem.VeeamEmFormat;
import dev.camelveeam.veeamem.VeeamEmLogonException;
import dev.camelveeam.veeamem.VeeamEmTransportException;
import dev.camelveeam.veeamem.model.LogonSession;
import org.apache.hc.core5.http.HttpHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conversation with one EM server as one user: a single logon session shared by every exchange, opened on first
 * use, opened again when EM no longer knows it, and closed on {@link #close()}. Nothing here waits: every call returns
 * a future.
 * <p>
 * Concurrent callers that find no session share one logon: the first one starts it, the others chain on its outcome. A
 * request that could not even connect provably never reached EM, so it is sent once more (the logon too).
 */
public final class EmConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmConnection.class);
    private static final int CREATED = 201;
    private static final int UNAUTHORIZED = 401;
    private static final VeeamEmFormat LOGON_FORMAT = VeeamEmFormat.xml;
    private static final long MAX_LOGOFF_WAIT_MILLIS = 5_000;
    /** A session EM answered this recently is taken as valid by {@link #verify()} without asking EM. */
    private static final long FRESH_SESSION_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final EmTransport transport;
    private final EmStatistics statistics;
    private final String username;
    private final String basicAuthorization;
    private final long logoffWaitMillis;
    private final AtomicReference<CompletableFuture<EmSession>> current = new AtomicReference<>();
    private final ChangeGate changeGate = new ChangeGate();
    private volatile String stoppingReason;
    private volatile long lastAnsweredNanos;
    private final LongSupplier clock = System::nanoTime;

    public EmConnection(EmTransport transport, EmStatistics statistics, String username, String password,
                        long responseTimeoutMillis) {
        this.transport = transport;
        this.statistics = statistics;
        this.username = username;
        this.basicAuthorization = transport.getSecrets().conceal("Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        this.logoffWaitMillis = Math.min(responseTimeoutMillis, MAX_LOGOFF_WAIT_MILLIS);
    }

    public ApiRoot getRoot() {
        return transport.getRoot();
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
    public CompletableFuture<Void> verify() {
        if (isLoggedOn() && clock.getAsLong() - lastAnsweredNanos < FRESH_SESSION_NANOS) {
            return CompletableFuture.completedFuture(null);
        }
        return session().thenCompose(session -> {
            EmRequest check = EmRequest.get("/logonSessions/" + session.sessionId()).aheadOfNewWork();
            return executeIn(session, check, LOGON_FORMAT).thenCompose(response -> {
                if (response.status() == UNAUTHORIZED) {
                    invalidate(session);
                    return session().thenApply(fresh -> null);
                }
                if (!response.isSuccess()) {
                    throw new VeeamEmApiException(
                            response.status(), EmCodec.errorMessage(response.body()), check.method(), check.pathAndQuery());
                }
                return CompletableFuture.completedFuture(null);
            });
        });
    }

    /**
     * Sends the request in the current session. When EM answers 401 (the session expired or EM restarted), logs on
     * again once and sends the request once more. A failed logon completes the future with a
     * {@link VeeamEmLogonException}: the request itself was then never sent.
     */
    public CompletableFuture<SessionResponse> execute(EmRequest request, VeeamEmFormat format) {
        return execute(request, format, session -> {
        });
    }

    /** As {@link #execute(EmRequest, VeeamEmFormat)}, telling {@code sending} each session the request goes out in. */
    public CompletableFuture<SessionResponse> execute(
            EmRequest request, VeeamEmFormat format, Consumer<EmSession> sending) {
        return session().thenCompose(session -> {
            sending.accept(session);
            return executeIn(session, request, format).thenCompose(response -> {
                if (response.status() != UNAUTHORIZED) {
                    return CompletableFuture.completedFuture(new SessionResponse(session, response));
                }
                LOG.debug("EM at {} no longer knows the session; logging on again for {}", getRoot(), request);
                invalidate(session);
                return session().thenCompose(fresh -> {
                    sending.accept(fresh);
                    return executeIn(fresh, request, format).thenApply(again -> new SessionResponse(fresh, again));
                });
            });
        });
    }

    /** The gate that runs idempotent changes on the same target one after the other, for every endpoint alike. */
    public ChangeGate getChangeGate() {
        return changeGate;
    }

    /** Sends the request in the given session, for resources that belong to it, such as its tasks. */
    public CompletableFuture<EmResponse> executeIn(EmSession session, EmRequest request, VeeamEmFormat format) {
        if (stoppingReason != null) {
            return CompletableFuture.failedFuture(notSent(request));
        }
        return sendConnecting(request, format, EmHttpClient.SESSION_HEADER, session.token(), true);
    }

    /** The current session, logging on when there is none. */
    public CompletableFuture<EmSession> session() {
        while (true) {
            if (stoppingReason != null) {
                return CompletableFuture.failedFuture(new VeeamEmLogonException(
                        "Not logging on to EM at " + getRoot() + ": " + stoppingReason, 0));
            }
            CompletableFuture<EmSession> existing = current.get();
            if (existing != null && !existing.isCompletedExceptionally()) {
                return existing;
            }
            CompletableFuture<EmSession> mine = new CompletableFuture<>();
            if (current.compareAndSet(existing, mine)) {
                logon().whenComplete((session, failure) -> {
                    if (failure == null) {
                        mine.complete(session);
                    } else {
                        mine.completeExceptionally(asLogonFailure(Futures.unwrap(failure)));
                    }
                });
                return mine;
            }
        }
    }

    /** Forgets the session if it is still the current one, so that the next caller logs on again. */
    public void invalidate(EmSession stale) {
        CompletableFuture<EmSession> future = current.get();
        if (isSession(future, stale) && current.compareAndSet(future, null)) {
            forgetSecrets(stale);
        }
    }

    /**
     * From now on no request is sent to EM; each fails at once, saying why. The logoff of {@link #close()} excepted.
     */
    public void stopSending(String reason) {
        stoppingReason = reason;
    }

    /** Stops sending, logs off the current session if any (waiting a few seconds at most), and closes the transport. */
    @Override
    public void close() {
        if (stoppingReason == null) {
            stoppingReason = "the veeam-em component is stopping";
        }
        CompletableFuture<EmSession> last = current.getAndSet(null);
        try {
            if (last != null && last.isDone() && !last.isCompletedExceptionally()) {
                logoff(last.join());
            }
        } finally {
            transport.close();
        }
    }

    private CompletableFuture<EmSession> logon() {
        EmRequest request = EmRequest.post("/sessionMngr/?v=latest", null).aheadOfNewWork();
        return sendConnecting(request, LOGON_FORMAT, HttpHeaders.AUTHORIZATION, basicAuthorization, false)
                .thenCompose(response -> {
                    if (response.status() == UNAUTHORIZED) {
                        throw new VeeamEmLogonException(
                                "EM at " + getRoot() + " refused the logon of user '" + username
                                                        + "' (401 Unauthorized): check the username and password options",
                                response.status());
                    }
                    if (response.status() != CREATED) {
                        throw new VeeamEmLogonException(
                                "EM at " + getRoot() + " answered the logon of user '" + username + "' with status "
                                                        + response.status() + describe(response),
                                response.status());
                    }
                    if (response.sessionToken() == null) {
                        throw new VeeamEmLogonException(
                                "EM at " + getRoot() + " accepted the logon but sent no " + EmHttpClient.SESSION_HEADER
                                                        + " header",
                                response.status());
                    }
                    LogonSession body;
                    try {
                        body = EmCodec.read(response.body(), LOGON_FORMAT, LogonSession.class, request);
                    } catch (VeeamEmException unreadable) {
                        return endUnreadableLogon(response, new VeeamEmLogonException(
                                "EM at " + getRoot() + " accepted the logon but its LogonSession answer could not be read: "
                                                                                      + unreadable.getMessage(),
                                response.status()));
                    }
                    String sessionId;
                    try {
                        sessionId = PathSegments.sessionIdFromEm(body.getSessionId());
                    } catch (VeeamEmException unusable) {
                        transport.getSecrets().forget(response.sessionToken());
                        throw new VeeamEmLogonException(
                                "EM at " + getRoot() + " accepted the logon but " + unusable.getMessage()
                                                        + "; the session was not used and ends when it expires in EM",
                                response.status());
                    }
                    statistics.logon();
                    LOG.info("Logged on to Veeam EM at {} as {}", getRoot(), username);
                    return CompletableFuture.completedFuture(
                            new EmSession(transport.getSecrets().conceal(sessionId), response.sessionToken()));
                });
    }

    /**
     * A logon that EM accepted but whose answer cannot be read still opened a session in EM: it is logged off when its
     * id can be found in the raw answer (never quoted: it is a secret), and the logon fails either way.
     */
    private CompletableFuture<EmSession> endUnreadableLogon(EmResponse response, VeeamEmLogonException failure) {
        String sessionId = SessionIds.find(response.body());
        if (sessionId == null) {
            transport.getSecrets().forget(response.sessionToken());
            LOG.warn("EM at {} accepted the logon of {} but no session id could be found in its unreadable answer; the"
                     + " session ends when it expires in EM",
                    getRoot(), username);
            return CompletableFuture.failedFuture(failure);
        }
        EmSession orphan = new EmSession(transport.getSecrets().conceal(sessionId), response.sessionToken());
        return logoffAsync(orphan).thenCompose(ignored -> CompletableFuture.failedFuture(failure));
    }

    private void logoff(EmSession session) {
        try {
            logoffAsync(session).get(logoffWaitMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            LOG.warn("Could not log off from Veeam EM at {}: {}", getRoot(), e.getCause().getMessage());
        } catch (TimeoutException e) {
            LOG.warn("Logging off from Veeam EM at {} got no answer within {} ms; the session will expire in EM",
                    getRoot(), logoffWaitMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends the logoff; the future completes (never exceptionally) when it is done, and the secrets are forgotten. */
    private CompletableFuture<Void> logoffAsync(EmSession session) {
        EmRequest request = EmRequest.delete("/logonSessions/" + session.sessionId()).aheadOfNewWork();
        return sendConnecting(request, LOGON_FORMAT, EmHttpClient.SESSION_HEADER, session.token(), false)
                .handle((response, failure) -> {
                    forgetSecrets(session);
                    if (failure != null) {
                        LOG.warn("Could not log off from Veeam EM at {}: {}", getRoot(),
                                Futures.unwrap(failure).getMessage());
                    } else if (response.isSuccess()) {
                        LOG.info("Logged off from Veeam EM at {}", getRoot());
                    } else {
                        LOG.info("Logging off from Veeam EM at {} answered {}: the session had already ended", getRoot(),
                                response.status());
                    }
                    return null;
                });
    }

    /**
     * Sends the request, and once more when it could not connect, as it then provably never reached EM. One future per
     * request: with many requests waiting for a connection, every stage kept per request counts.
     *
     * @param inSession whether the request runs in a session in use, whose last answer keeps it known to be fresh
     */
    private CompletableFuture<EmResponse> sendConnecting(
            EmRequest request, VeeamEmFormat format, String authHeader, String authValue, boolean inSession) {
        CompletableFuture<EmResponse> result = new CompletableFuture<>();
        transport.send(request, format, authHeader, authValue).whenComplete((response, failure) -> {
            try {
                if (failure == null) {
                    answered(response, inSession, result);
                    return;
                }
                Throwable cause = Futures.unwrap(failure);
                if (!(cause instanceof VeeamEmTransportException first) || first.isRequestSent()
                        || stoppingReason != null || !transport.worthConnectingAgain(first)) {
                    result.completeExceptionally(cause);
                    return;
                }
                LOG.debug("{} could not connect to EM at {}; trying once more: {}", request, getRoot(),
                        cause.getMessage());
                transport.send(request, format, authHeader, authValue).whenComplete((again, secondFailure) -> {
                    try {
                        if (secondFailure == null) {
                            answered(again, inSession, result);
                            return;
                        }
                        Throwable secondCause = Futures.unwrap(secondFailure);
                        secondCause.addSuppressed(first);
                        result.completeExceptionally(secondCause);
                    } catch (Throwable e) {
                        result.completeExceptionally(e);
                    }
                });
            } catch (Throwable e) {
                // whenComplete swallows what its action throws: the request's future must end all the same
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private void answered(EmResponse response, boolean inSession, CompletableFuture<EmResponse> result) {
        if (inSession && response.status() != UNAUTHORIZED) {
            lastAnsweredNanos = clock.getAsLong();
        }
        result.complete(response);
    }

    private VeeamEmLogonException asLogonFailure(Throwable failure) {
        if (failure instanceof VeeamEmLogonException logon) {
            return logon;
        }
        return new VeeamEmLogonException(
                "Could not log on to EM at " + getRoot() + " as '" + username + "': "
                                         + failure.getMessage() + " (the operation was not sent)",
                0, failure);
    }

    private VeeamEmException notSent(EmRequest request) {
        return new VeeamEmException(request + " was not sent to EM at " + getRoot() + ": " + stoppingReason);
    }

    private void forgetSecrets(EmSession session) {
        transport.getSecrets().forget(session.token());
        transport.getSecrets().forget(session.sessionId());
    }

    private static boolean isSession(CompletableFuture<EmSession> future, EmSession session) {
        return future != null && future.isDone() && !future.isCompletedExceptionally() && future.join() == session;
    }

    private static String describe(EmResponse response) {
        String message = EmCodec.errorMessage(response.body());
        return message == null ? "" : ": " + message;
    }

    /** An answer together with the session that obtained it. */
    public record SessionResponse(EmSession session, EmResponse response) {
    }
}
