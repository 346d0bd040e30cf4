package dev.camelveeam.veeamem.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.awaitility.Awaitility;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A plain java.net.http client for the simulator tests (no Camel involved). */
final class SimTestClient {

    static final Duration TASK_WAIT = Duration.ofSeconds(5);
    private static final Duration POLL_PAUSE = Duration.ofMillis(10);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Supplier<String> baseUrl;

    SimTestClient(EmSimulator sim) {
        this(sim::getBaseUrl);
    }

    /** A client for another address, e.g. a proxy in front of the simulator: {@code proxy.getBaseUrl("/api")}. */
    SimTestClient(String baseUrl) {
        this(() -> baseUrl);
    }

    private SimTestClient(Supplier<String> baseUrl) {
        this.baseUrl = baseUrl;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code path} is relative to the base URL, e.g. {@code "/tasks"}. */
    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl.get() + path)).timeout(Duration.ofSeconds(10));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> bodyHandler) {
        try {
            return http.send(request.build(), bodyHandler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends on java.net.http's own threads (a connection each while others are busy), not the caller's. */
    CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest.Builder request) {
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> logon(String user, String password) {
        return send(request("/sessionMngr/?v=latest").header("Authorization", basic(user, password))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** Logs on as {@code veeam}/{@code veeam} and returns the session token. */
    String logon() {
        HttpResponse<String> response = logon("veeam", "veeam");
        assertEquals(201, response.statusCode(), response.body());
        return response.headers().firstValue("X-RestSvcSessionId").orElseThrow();
    }

    HttpResponse<String> get(String path, String token) {
        return send(request(path).header("X-RestSvcSessionId", token));
    }

    HttpResponse<String> get(String path, String token, String accept) {
        return send(request(path).header("X-RestSvcSessionId", token).header("Accept", accept));
    }

    /** A POST without body, e.g. a job action. */
    HttpResponse<String> post(String path, String token) {
        return send(request(path).header("X-RestSvcSessionId", token).POST(HttpRequest.BodyPublishers.noBody()));
    }

    HttpResponse<String> post(String path, String token, String contentType, String body) {
        return send(request(path).header("X-RestSvcSessionId", token).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> delete(String path, String token) {
        return send(request(path).header("X-RestSvcSessionId", token).DELETE());
    }

    /** Polls {@code GET /tasks/{taskId}} (XML) until the task shows {@code <State>state</State>}; returns that body. */
    String awaitTaskState(String token, String taskId, String state) {
        return Awaitility.await("task " + taskId + " reaching " + state).atMost(TASK_WAIT).pollInterval(POLL_PAUSE)
                .until(() -> {
                    HttpResponse<String> response = get("/tasks/" + taskId, token);
                    assertEquals(200, response.statusCode(), response.body());
                    return response.body();
                }, body -> body.contains("<State>" + state + "</State>"));
    }

    /** Polls {@code condition} until it holds, failing after {@link #TASK_WAIT}. */
    static void eventually(String what, BooleanSupplier condition) {
        Awaitility.await(what).atMost(TASK_WAIT).pollInterval(POLL_PAUSE).until(condition::getAsBoolean);
    }

    /** The task id in a {@code Task} XML answer. */
    static String taskId(HttpResponse<String> taskResponse) {
        String body = taskResponse.body();
        int from = body.indexOf("<TaskId>") + "<TaskId>".length();
        return body.substring(from, body.indexOf("</TaskId>", from));
    }

    /** Lets at least {@code duration} pass (for idle timeouts, where polling the simulator would reset the clock). */
    static void pass(Duration duration) {
        long start = System.nanoTime();
        Awaitility.await().pollDelay(duration).atMost(duration.plusSeconds(5))
                .until(() -> System.nanoTime() - start >= duration.toNanos());
    }
}
