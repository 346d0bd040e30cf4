package dev.camelveeam.veeamem.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

import dev.camelveeam.veeamem.VeeamEmException;
import dev.camelveeam.veeamem.VeeamEmFormat;
import dev.camelveeam.veeamem.VeeamEmResponseTooLargeException;
import dev.camelveeam.veeamem.VeeamEmTransportException;
import org.apache.camel.CamelContext;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.DefaultHostnameVerifier;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.client5.http.ssl.TrustAllStrategy;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.RequestNotExecutedException;
import org.apache.hc.core5.http.nio.ssl.TlsStrategy;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.ssl.SSLContexts;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends requests to one EM server over Apache HttpClient 5's asynchronous client: one I/O thread, a pool of keep-alive
 * connections (closed ones are noticed by the I/O reactor and never reused), cookies, redirects and the client's own
 * retries off. Whether a request may be sent again is decided above this class, by what it does.
 * <p>
 * Requests wait here until one of the connections is about to be free (polls and cancels of accepted tasks, and the
 * logon and logoff, ahead of requests that start new work), so that a burst of new operations neither delays the polls
 * of the tasks already running nor fills HttpClient's queue of connection leases.
 * <p>
 * Every request ends, whatever happens below: its answer must be complete within {@code responseTimeout} from the
 * moment it is handed to a connection, and a backstop deadline covers the wait for a connection and the connect.
 * Secrets are put in and taken out by {@link SecretGuardingSession}, below every logger of HttpClient.
 */
public final class EmHttpClient implements EmTransport {

    public static final String SESSION_HEADER = "X-RestSvcSessionId";

    private static final int MAX_CONNECTIONS = 20;
    /** Requests that go ahead of new work handed over in a row, at most, while new work waits. */
    private static final int AHEAD_IN_A_ROW = 3;
    private static final String IN_FLIGHT = "veeam-em.inFlight";
    private static final String NOT_TLS_HINT
            = "the server may not speak TLS on that port: check baseUrl's scheme (http:// for a plain-HTTP port)";
    private static final String HTTPS_HINT = " (EM's port may speak HTTPS: check that baseUrl starts with https://)";

    private final ApiRoot root;
    private final TransportSettings settings;
    /** From the request's start: connect, wait for a connection and answer; a backstop behind the answer deadline. */
    private final SameLengthDeadlines backstops;
    /** From the request's hand-over to a connection: the whole answer within responseTimeout. */
    private final SameLengthDeadlines answerDeadlines;
    private final Secrets secrets = new Secrets();
    /**
     * Requests waiting to be handed to HttpClient, which gets at most as many as it has connections: a request waiting
     * here holds far less than one waiting in HttpClient for a connection, and polls can go ahead of new work.
     */
    private final Queue<InFlight> waitingAhead = new ConcurrentLinkedQueue<>();
    private final Queue<InFlight> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger handedOver = new AtomicInteger();
    private final AtomicInteger handOverCalls = new AtomicInteger();
    private int aheadInARow;
    private volatile boolean closed;
    private final CloseableHttpAsyncClient client;

    public EmHttpClient(ApiRoot root, TransportSettings settings, EmScheduler scheduler, ThreadFactory ioThreads,
                        CamelContext camelContext) {
        this.root = root;
        this.settings = settings;
        this.backstops = new SameLengthDeadlines(scheduler, backstopMillis(settings));
        this.answerDeadlines = new SameLengthDeadlines(scheduler, settings.responseTimeoutMillis());
        Timeout connectTimeout = Timeout.ofMilliseconds(settings.connectTimeoutMillis());
        Timeout responseTimeout = Timeout.ofMilliseconds(settings.responseTimeoutMillis());
        this.client = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(MAX_CONNECTIONS)
                        .setMaxConnPerRoute(MAX_CONNECTIONS)
                        .setTlsStrategy(tlsStrategy(settings, camelContext))
                        .setDefaultTlsConfig(TlsConfig.custom()
                                .setHandshakeTimeout(connectTimeout)
                                .setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1)
                                .build())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(connectTimeout)
                                .setSocketTimeout(responseTimeout)
                                .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                                .build())
                        .build())
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(1).build())
                .setThreadFactory(ioThreads)
                .setIoSessionDecorator(session -> new SecretGuardingSession(session, secrets))
                .setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(responseTimeout)
                        .setConnectionRequestTimeout(responseTimeout)
                        .build())
                .addExecInterceptorBefore(ChainElement.MAIN_TRANSPORT.name(), "veeam-em-on-its-way",
                        (request, entity, scope, chain, callback) -> {
                            Object flight = scope.clientContext.getAttribute(IN_FLIGHT);
                            if (flight instanceof InFlight inFlight) {
                                inFlight.onItsWay();
                            }
                            chain.proceed(request, entity, scope, callback);
                        })
                .disableCookieManagement()
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .setUserAgent("camel-veeam-em")
                .build();
        client.start();
    }

    private static TlsStrategy tlsStrategy(TransportSettings settings, CamelContext camelContext) {
        try {
            if (settings.trustAllCertificates()) {
                return ClientTlsStrategyBuilder.create()
                        .setSslContext(SSLContexts.custom().loadTrustMaterial(TrustAllStrategy.INSTANCE).build())
                        .setHostVerificationPolicy(HostnameVerificationPolicy.CLIENT)
                        .setHostnameVerifier(NoopHostnameVerifier.INSTANCE)
                        .buildAsync();
            }
            SSLContext context = settings.sslContextParameters() == null
                    ? SSLContexts.createSystemDefault()
                    : settings.sslContextParameters().createSSLContext(camelContext);
            return ClientTlsStrategyBuilder.create()
                    .setSslContext(context)
                    .setHostVerificationPolicy(HostnameVerificationPolicy.CLIENT)
                    .setHostnameVerifier(new DefaultHostnameVerifier())
                    .buildAsync();
        } catch (GeneralSecurityException | IOException e) {
            throw new VeeamEmException("Could not set up TLS from the option sslContextParameters: " + e.getMessage(), e);
        }
    }

    @Override
    public ApiRoot getRoot() {
        return root;
    }

    @Override
    public boolean worthConnectingAgain(VeeamEmTransportException notSent) {
        return !(notSent.getCause() instanceof TlsSilence);
    }

    @Override
    public Secrets getSecrets() {
        return secrets;
    }

    @Override
    public CompletableFuture<EmResponse> send(
            EmRequest request, VeeamEmFormat format, String authHeader, String authValue) {
        InFlight flight = new InFlight(request, format, authHeader, authValue);
        flight.startBackstop();
        if (!flight.result.isDone()) {
            (request.aheadOfNew() ? waitingAhead : waiting).add(flight);
            if (closed) {
                failWaiting();
            } else {
                handOver();
            }
        }
        return flight.result;
    }

    private void failWaiting() {
        InFlight flight;
        while ((flight = waitingAhead.poll()) != null || (flight = waiting.poll()) != null) {
            flight.failNotSent();
        }
    }

    /**
     * Hands waiting requests to HttpClient while fewer than {@value #MAX_CONNECTIONS} are there, those that go ahead of
     * new work first. One thread at a time does it; a call while another thread is at it makes that one look again.
     */
    private void handOver() {
        if (handOverCalls.getAndIncrement() != 0) {
            return;
        }
        int calls = 1;
        do {
            InFlight next;
            while (handedOver.get() < MAX_CONNECTIONS && (next = nextWaiting()) != null) {
                handedOver.incrementAndGet();
                next.handOver();
            }
            calls = handOverCalls.addAndGet(-calls);
        } while (calls != 0);
    }

    /**
     * The next request to hand over: one going ahead, except that, while both kinds wait, every
     * {@value #AHEAD_IN_A_ROW}th is one of new work, so that polls cannot starve new operations. Only the thread
     * handing over calls it.
     */
    private InFlight nextWaiting() {
        InFlight next;
        while ((next = pollNextWaiting()) != null) {
            if (!next.result.isDone()) {
                return next;
            }
        }
        return null;
    }

    private InFlight pollNextWaiting() {
        if (aheadInARow >= AHEAD_IN_A_ROW) {
            InFlight fresh = waiting.poll();
            if (fresh != null) {
                aheadInARow = 0;
                return fresh;
            }
        }
        InFlight ahead = waitingAhead.poll();
        if (ahead != null) {
            aheadInARow++;
            return ahead;
        }
        aheadInARow = 0;
        return waiting.poll();
    }

    @Override
    public void close() {
        closed = true;
        failWaiting();
        client.close(CloseMode.IMMEDIATE);
        try {
            client.awaitShutdown(TimeValue.ofSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * One request on its way: its deadlines, whether it was handed to a connection, and the one outcome that wins
     * (HttpClient's answer or failure, or a deadline).
     */
    private final class InFlight implements FutureCallback<EmResponse> {

        private final CompletableFuture<EmResponse> result = new CompletableFuture<>();
        private final AtomicBoolean onItsWay = new AtomicBoolean();
        private final AtomicBoolean slotReleased = new AtomicBoolean();
        private final EmRequest request;
        private final VeeamEmFormat format;
        private final String authHeader;
        private final String authValue;
        private volatile boolean holdsSlot;
        private volatile Future<EmResponse> exchange;
        private volatile EmScheduler.Scheduled backstop;
        private volatile EmScheduler.Scheduled answerDeadline;

        InFlight(EmRequest request, VeeamEmFormat format, String authHeader, String authValue) {
            this.request = request;
            this.format = format;
            this.authHeader = authHeader;
            this.authValue = authValue;
        }

        void startBackstop() {
            if (closed) {
                failNotSent();
                return;
            }
            backstop = startDeadline(backstops, () -> fail(noAnswerInTime()));
        }

        private VeeamEmTransportException noAnswerInTime() {
            boolean mayBeSent = onItsWay.get();
            return new VeeamEmTransportException(
                    request + " to EM at " + root + (mayBeSent
                            ? " got no answer" : " was not sent: no connection to EM was ready")
                                                 + " within " + backstopMillis(settings)
                                                 + " ms (connectTimeout plus twice responseTimeout)",
                    mayBeSent, null);
        }

        void failNotSent() {
            fail(new VeeamEmTransportException(
                    request + " to EM at " + root + " was not sent: the connection is closing", false, null));
        }

        /** Gives the request to HttpClient, in one of the slots counted by handedOver, released when it ends. */
        void handOver() {
            holdsSlot = true;
            if (result.isDone()) {
                releaseSlot();
                return;
            }
            try {
                SimpleRequestBuilder builder = SimpleRequestBuilder.create(request.method())
                        .setUri(root.resolve(request.pathAndQuery()))
                        .addHeader(HttpHeaders.ACCEPT, format.getMediaType())
                        .addHeader(authHeader, authValue);
                if (request.body() != null) {
                    builder.setBody(EmCodec.write(request.body(), format),
                            ContentType.create(format.getMediaType(), StandardCharsets.UTF_8));
                }
                HttpClientContext context = HttpClientContext.create();
                context.setAttribute(IN_FLIGHT, this);
                exchange = client.execute(SimpleRequestProducer.create(builder.build()),
                        new BoundedResponseConsumer(settings.maxResponseSize()), context, this);
            } catch (Throwable e) {
                fail(e instanceof VeeamEmException known
                        ? known
                        : new VeeamEmTransportException(request + " could not be handed to HttpClient: " + e, false, e));
            }
            if (result.isDone()) {
                cleanUp();
            }
        }

        private void releaseSlot() {
            if (holdsSlot && slotReleased.compareAndSet(false, true)) {
                handedOver.decrementAndGet();
                EmHttpClient.this.handOver();
            }
        }

        /** The request is handed to a connection: from now on it may reach EM, and its answer deadline runs. */
        void onItsWay() {
            if (onItsWay.compareAndSet(false, true)) {
                answerDeadline = startDeadline(answerDeadlines, () -> fail(noCompleteAnswer()));
            }
        }

        /** Made only when the deadline passes: a message per request in flight would cost heap. */
        private VeeamEmTransportException noCompleteAnswer() {
            return new VeeamEmTransportException(
                    request + " to EM at " + root + ": no complete answer within responseTimeout ("
                                                 + settings.responseTimeoutMillis() + " ms)",
                    true, null);
        }

        @Override
        public void completed(EmResponse response) {
            if (result.complete(response)) {
                cleanUp();
            }
        }

        @Override
        public void failed(Exception cause) {
            fail(failure(cause));
        }

        @Override
        public void cancelled() {
            fail(new VeeamEmTransportException(request + " to EM at " + root + " was cancelled", onItsWay.get(), null));
        }

        void fail(VeeamEmException failure) {
            if (result.completeExceptionally(failure)) {
                cleanUp();
            }
        }

        private void cleanUp() {
            cancel(backstop);
            cancel(answerDeadline);
            Future<EmResponse> running = exchange;
            if (running != null && !running.isDone()) {
                running.cancel(true);
            }
            releaseSlot();
        }

        private EmScheduler.Scheduled startDeadline(SameLengthDeadlines deadlines, Runnable onDue) {
            try {
                return deadlines.start(onDue);
            } catch (RejectedExecutionException stopped) {
                // at the hand-over to a connection the request may already be on its way: say so, as it is
                boolean mayBeSent = onItsWay.get();
                fail(new VeeamEmTransportException(
                        request + " to EM at " + root + (mayBeSent ? " got no answer" : " was not sent")
                                                   + ": the component is stopping",
                        mayBeSent, stopped));
                return null;
            }
        }

        private static void cancel(EmScheduler.Scheduled scheduled) {
            if (scheduled != null) {
                scheduled.cancel();
            }
        }

        private VeeamEmException failure(Exception cause) {
            if (cause instanceof BoundedResponseConsumer.TooLarge tooLarge) {
                return new VeeamEmResponseTooLargeException(
                        "EM at " + root + " answered " + request + " with status " + tooLarge.status() + ", but "
                                                            + tooLarge.getMessage() + " (option maxResponseSize): EM"
                                                            + " received the request, which was not read further",
                        tooLarge.status(), cause);
            }
            if (cause instanceof SSLException) {
                boolean notTls = cause.getMessage() != null
                        && (cause.getMessage().contains("nrecognized SSL message")
                                || cause.getMessage().contains("plaintext connection"));
                return new VeeamEmTransportException(
                        "TLS handshake with EM at " + root + " failed for " + request + " (" + cause.getMessage() + "): "
                                                     + (notTls
                                                             ? NOT_TLS_HINT
                                                             : "EM's certificate must be trusted (option"
                                                               + " sslContextParameters) and name the host of baseUrl"),
                        false, cause);
            }
            if (isHttps() && !onItsWay.get() && cause instanceof SocketTimeoutException) {
                return new VeeamEmTransportException(
                        request + " to EM at " + root + " could not connect: the TLS handshake got no answer within"
                                                     + " connectTimeout (" + settings.connectTimeoutMillis() + " ms), "
                                                     + NOT_TLS_HINT + " (" + cause + ")",
                        false, new TlsSilence(cause));
            }
            boolean neverSent = !onItsWay.get() || cause instanceof ConnectException
                    || cause instanceof ConnectTimeoutException || cause instanceof UnknownHostException
                    || cause instanceof RequestNotExecutedException;
            boolean protocolFailure = !(cause instanceof RequestNotExecutedException)
                    && (cause instanceof ConnectionClosedException
                            || cause instanceof NoHttpResponseException
                            || cause instanceof HttpException || cause instanceof ParseException);
            return new VeeamEmTransportException(
                    request + " to EM at " + root + (neverSent ? " could not connect: " : " got no answer: ") + cause
                                                 + (!isHttps() && protocolFailure ? HTTPS_HINT : ""),
                    !neverSent, cause);
        }
    }

    private static long backstopMillis(TransportSettings settings) {
        return settings.connectTimeoutMillis() + 2 * settings.responseTimeoutMillis();
    }

    private boolean isHttps() {
        return root.toString().startsWith("https:");
    }

    /** A TLS handshake without any answer from the server: sending again would only wait as long once more. */
    private static final class TlsSilence extends SocketTimeoutException {

        TlsSilence(Exception cause) {
            super(cause.getMessage());
            initCause(cause);
        }
    }
}
