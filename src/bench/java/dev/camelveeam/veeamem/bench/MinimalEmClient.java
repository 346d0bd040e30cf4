package dev.camelveeam.veeamem.bench;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * The reference the component is measured against: the least code that performs {@code removeInclude} on EM with the
 * same HTTP library (Apache HttpClient 5 classic, a pooled client with the component's connection settings: 20
 * connections, the same timeouts, no cookies, redirects or retries), one logon reused for every operation, and the
 * {@link Backoff} poll schedule. It waits by sleeping on the calling thread and reads the XML answers with
 * {@code indexOf} instead of a data binder. Its requests carry the User-Agent {@value #USER_AGENT} so that the
 * simulator's request log tells them from the component's ({@code camel-veeam-em}).
 */
final class MinimalEmClient implements Closeable {

    static final String USER_AGENT = "bench-minimal-client";
    private static final String SESSION_HEADER = "X-RestSvcSessionId";
    private static final String XML = "application/xml";

    private final String apiRoot;
    private final String basicAuthorization;
    private final CloseableHttpClient http;
    private volatile String token;

    /** @param apiRoot {@code http://host:port/api} */
    MinimalEmClient(String apiRoot, String username, String password) {
        this.apiRoot = apiRoot;
        this.basicAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        // the same settings as dev.camelveeam.veeamem.internal.EmHttpClient
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(20)
                        .setMaxConnPerRoute(20)
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(10)).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(60)).build())
                .disableCookieManagement()
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .setUserAgent(USER_AGENT)
                .build();
    }

    /** {@code POST /sessionMngr/?v=latest} with Basic credentials; keeps the session token for every later request. */
    void logOn() throws IOException {
        ClassicHttpRequest request = ClassicRequestBuilder.post(apiRoot + "/sessionMngr/?v=latest")
                .addHeader(HttpHeaders.ACCEPT, XML)
                .addHeader(HttpHeaders.AUTHORIZATION, basicAuthorization)
                .build();
        token = http.execute(request, response -> {
            EntityUtils.consume(response.getEntity());
            Header session = response.getFirstHeader(SESSION_HEADER);
            if (response.getCode() != 201 || session == null) {
                throw new IOException("logon answered " + response.getCode());
            }
            return session.getValue();
        });
    }

    /**
     * Removes the include and waits for its task to finish on the component's schedule.
     *
     * @return the number of {@code GET /tasks/{id}} polls it took
     */
    int removeInclude(String jobId, String includeId, Backoff backoff) throws IOException, InterruptedException {
        String taskId = startRemoveInclude(jobId, includeId);
        long delay = backoff.initialDelay();
        int polls = 0;
        while (true) {
            if (delay > 0) {
                Thread.sleep(delay);
            }
            String task = getTask(taskId);
            polls++;
            if (task.contains("<State>Finished</State>")) {
                if (!task.contains("Success=\"true\"")) {
                    throw new IOException("task " + taskId + " failed: " + task);
                }
                return polls;
            }
            delay = backoff.next(delay);
        }
    }

    /** {@code DELETE /jobs/{jobId}/includes/{includeId}}; returns the id of the task EM answered with (202). */
    String startRemoveInclude(String jobId, String includeId) throws IOException {
        Answer answer = send(ClassicRequestBuilder.delete(apiRoot + "/jobs/" + jobId + "/includes/" + includeId));
        if (answer.status() != 202) {
            throw new IOException("DELETE include answered " + answer.status() + ": " + answer.body());
        }
        int from = answer.body().indexOf("<TaskId>") + "<TaskId>".length();
        return answer.body().substring(from, answer.body().indexOf("</TaskId>", from));
    }

    /** {@code GET /tasks/{taskId}}: the Task document. */
    String getTask(String taskId) throws IOException {
        Answer answer = send(ClassicRequestBuilder.get(apiRoot + "/tasks/" + taskId));
        if (answer.status() != 200) {
            throw new IOException("GET task answered " + answer.status() + ": " + answer.body());
        }
        return answer.body();
    }

    private Answer send(ClassicRequestBuilder builder) throws IOException {
        ClassicHttpRequest request = builder.addHeader(HttpHeaders.ACCEPT, XML).addHeader(SESSION_HEADER, token).build();
        return http.execute(request, response -> new Answer(
                response.getCode(),
                response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8)));
    }

    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
    }

    private record Answer(int status, String body) {
    }
}
