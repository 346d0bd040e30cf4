package dev.camelveeam.veeamem.bench;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * The asynchronous twin of {@link MinimalEmClient}: the least code that performs {@code removeInclude} with Apache
 * HttpClient 5's async client ({@code CloseableHttpAsyncClient}, {@code SimpleHttpRequest}, the same pool and timeout
 * settings), one logon reused for every operation, and polls scheduled on one scheduler thread on the {@link Backoff}
 * schedule (a poll due at once is sent from the I/O thread that read the previous answer). No thread waits for EM: the
 * operation is a {@link CompletableFuture}. Its threads are named {@code bench-minimal-io-*} (HttpClient's I/O reactor)
 * and {@code bench-minimal-scheduler}; its requests carry the User-Agent {@value #USER_AGENT}.
 */
final class MinimalAsyncEmClient implements Closeable {

    static final String USER_AGENT = "bench-minimal-async-client";
    private static final String SESSION_HEADER = "X-RestSvcSessionId";
    private static final String XML = "application/xml";

    private final String apiRoot;
    private final String basicAuthorization;
    private final CloseableHttpAsyncClient http;
    private final ScheduledExecutorService scheduler;
    private volatile String token;

    MinimalAsyncEmClient(String apiRoot, String username, String password) {
        this.apiRoot = apiRoot;
        this.basicAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        AtomicInteger io = new AtomicInteger();
        ThreadFactory ioThreads = runnable -> {
            Thread thread = new Thread(runnable, "bench-minimal-io-" + io.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.http = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(20)
                        .setMaxConnPerRoute(20)
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(10)).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(60))
                        .setConnectionRequestTimeout(Timeout.ofMinutes(10)).build())
                .disableCookieManagement()
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .setUserAgent(USER_AGENT)
                .setThreadFactory(ioThreads)
                .build();
        this.http.start();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "bench-minimal-scheduler");
            thread.setDaemon(true);
            return thread;
        });
    }

    void logOn() throws Exception {
        SimpleHttpResponse response = http.execute(SimpleRequestBuilder.post(apiRoot + "/sessionMngr/?v=latest")
                .addHeader(HttpHeaders.ACCEPT, XML)
                .addHeader(HttpHeaders.AUTHORIZATION, basicAuthorization)
                .build(), null).get(2, TimeUnit.MINUTES);
        if (response.getCode() != 201 || response.getFirstHeader(SESSION_HEADER) == null) {
            throw new IOException("logon answered " + response.getCode());
        }
        token = response.getFirstHeader(SESSION_HEADER).getValue();
    }

    /** The result of one operation: the task id and how many polls it took. */
    record Done(String taskId, int polls) {
    }

    /**
     * Sends the DELETE and returns at once; the future completes (on an I/O or the scheduler thread) when the task is
     * Finished and successful, and fails otherwise.
     */
    CompletableFuture<Done> removeInclude(String jobId, String includeId, Backoff backoff) {
        CompletableFuture<Done> result = new CompletableFuture<>();
        send(SimpleRequestBuilder.delete(apiRoot + "/jobs/" + jobId + "/includes/" + includeId), result, answer -> {
            if (answer.getCode() != 202) {
                throw new IOException("DELETE include answered " + answer.getCode() + ": " + answer.getBodyText());
            }
            String body = answer.getBodyText();
            int from = body.indexOf("<TaskId>") + "<TaskId>".length();
            String taskId = body.substring(from, body.indexOf("</TaskId>", from));
            pollAfter(taskId, backoff.initialDelay(), backoff, 0, result);
        });
        return result;
    }

    private void pollAfter(String taskId, long delay, Backoff backoff, int polls, CompletableFuture<Done> result) {
        Runnable poll = () -> send(SimpleRequestBuilder.get(apiRoot + "/tasks/" + taskId), result, answer -> {
            String task = answer.getBodyText();
            if (answer.getCode() != 200) {
                throw new IOException("GET task answered " + answer.getCode() + ": " + task);
            }
            if (task.contains("<State>Finished</State>")) {
                if (!task.contains("Success=\"true\"")) {
                    throw new IOException("task " + taskId + " failed: " + task);
                }
                result.complete(new Done(taskId, polls + 1));
            } else {
                pollAfter(taskId, backoff.next(delay), backoff, polls + 1, result);
            }
        });
        if (delay <= 0) {
            poll.run();
        } else {
            scheduler.schedule(poll, delay, TimeUnit.MILLISECONDS);
        }
    }

    private interface AnswerHandler {
        void handle(SimpleHttpResponse answer) throws Exception;
    }

    private void send(SimpleRequestBuilder builder, CompletableFuture<Done> result, AnswerHandler handler) {
        SimpleHttpRequest request = builder.addHeader(HttpHeaders.ACCEPT, XML).addHeader(SESSION_HEADER, token).build();
        http.execute(request, new FutureCallback<>() {
            @Override
            public void completed(SimpleHttpResponse answer) {
                try {
                    handler.handle(answer);
                } catch (Exception e) {
                    result.completeExceptionally(e);
                }
            }

            @Override
            public void failed(Exception e) {
                result.completeExceptionally(e);
            }

            @Override
            public void cancelled() {
                result.cancel(false);
            }
        });
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        http.close(CloseMode.GRACEFUL);
    }
}
