package dev.camelveeam.veeamem.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import dev.camelveeam.veeamem.VeeamEmException;
import dev.camelveeam.veeamem.VeeamEmFormat;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends requests to one EM server over a pooled Apache HttpClient 5. Cookies, redirects and the client's own retries
 * are off: the session travels in a header chosen per request, and whether a request may be sent again is decided
 * above this class, by what the request does.
 */
public final class EmHttpClient implements Closeable {

    public static final String SESSION_HEADER = "X-RestSvcSessionId";

    private static final int MAX_CONNECTIONS = 20;
    private static final Timeout CONNECT_TIMEOUT = Timeout.ofSeconds(10);
    private static final Timeout RESPONSE_TIMEOUT = Timeout.ofSeconds(60);

    private final ApiRoot root;
    private final CloseableHttpClient client;

    public EmHttpClient(ApiRoot root) {
        this.root = root;
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(MAX_CONNECTIONS)
                .setMaxConnPerRoute(MAX_CONNECTIONS)
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(CONNECT_TIMEOUT).build())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(RESPONSE_TIMEOUT).build())
                .disableCookieManagement()
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .setUserAgent("camel-veeam-em")
                .build();
    }

    public ApiRoot getRoot() {
        return root;
    }

    /**
     * Sends the request with the given authorization header ({@code Authorization} for logon,
     * {@code X-RestSvcSessionId} afterwards).
     */
    public EmResponse execute(EmRequest request, VeeamEmFormat format, String authHeader, String authValue) {
        ClassicRequestBuilder builder = ClassicRequestBuilder.create(request.method())
                .setUri(root.resolve(request.pathAndQuery()))
                .addHeader(HttpHeaders.ACCEPT, format.getMediaType())
                .addHeader(authHeader, authValue);
        if (request.body() != null) {
            builder.setEntity(new ByteArrayEntity(
                    EmCodec.write(request.body(), format), ContentType.create(format.getMediaType(), StandardCharsets.UTF_8)));
        }
        ClassicHttpRequest http = builder.build();
        try {
            return client.execute(http, response -> {
                Header session = response.getFirstHeader(SESSION_HEADER);
                byte[] body = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
                return new EmResponse(response.getCode(), session == null ? null : session.getValue(), body);
            });
        } catch (IOException e) {
            throw new VeeamEmException(request + " to EM at " + root + " failed: " + e, e);
        }
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }
}
