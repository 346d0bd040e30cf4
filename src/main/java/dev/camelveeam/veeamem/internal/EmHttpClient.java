package dev.camelveeam.veeamem.internal;

import java.io.Closeable;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

import dev.camelveeam.veeamem.VeeamEmException;
import dev.camelveeam.veeamem.VeeamEmFormat;
import dev.camelveeam.veeamem.VeeamEmTransportException;
import org.apache.camel.CamelContext;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.client5.http.ssl.TrustAllStrategy;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.ssl.SSLContexts;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends requests to one EM server over a pooled Apache HttpClient 5. Cookies, redirects and the client's own retries
 * are off: the session travels in a header chosen per request, and whether a request may be sent again is decided
 * above this class, by what the request does. Nothing secret reaches HttpClient's loggers: connections do not log
 * (see {@link QuietClientConnection}) and a secret path segment is put in only after HttpClient logged the request
 * line.
 */
public final class EmHttpClient implements Closeable {

    public static final String SESSION_HEADER = "X-RestSvcSessionId";

    private static final int MAX_CONNECTIONS = 20;
    private static final String SECRET_SEGMENT = "veeam-em.secretSegment";

    private final ApiRoot root;
    private final CloseableHttpClient client;

    public EmHttpClient(ApiRoot root, TransportSettings settings, CamelContext camelContext) {
        this.root = root;
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(MAX_CONNECTIONS)
                .setMaxConnPerRoute(MAX_CONNECTIONS)
                .setConnectionFactory(QuietClientConnection.FACTORY)
                .setTlsSocketStrategy(tlsStrategy(settings, camelContext))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofMilliseconds(settings.connectTimeoutMillis()))
                        .setSocketTimeout(Timeout.ofMilliseconds(settings.responseTimeoutMillis()))
                        .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                        .build())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.ofMilliseconds(settings.responseTimeoutMillis()))
                        .setConnectionRequestTimeout(Timeout.ofMilliseconds(settings.responseTimeoutMillis()))
                        .build())
                .addRequestInterceptorLast((request, entity, context) -> {
                    Object secret = context.getAttribute(SECRET_SEGMENT);
                    if (secret != null) {
                        request.setPath(request.getPath().replace(EmRequest.SECRET_PLACEHOLDER, secret.toString()));
                    }
                })
                .disableCookieManagement()
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .setUserAgent("camel-veeam-em")
                .build();
    }

    private static TlsSocketStrategy tlsStrategy(
            TransportSettings settings, CamelContext camelContext) {
        try {
            if (settings.trustAllCertificates()) {
                return ClientTlsStrategyBuilder.create()
                        .setSslContext(SSLContexts.custom().loadTrustMaterial(TrustAllStrategy.INSTANCE).build())
                        .setHostnameVerifier(NoopHostnameVerifier.INSTANCE)
                        .buildClassic();
            }
            SSLContext context = settings.sslContextParameters() == null
                    ? SSLContexts.createSystemDefault()
                    : settings.sslContextParameters().createSSLContext(camelContext);
            return ClientTlsStrategyBuilder.create().setSslContext(context).buildClassic();
        } catch (GeneralSecurityException | IOException e) {
            throw new VeeamEmException("Could not set up TLS from the option sslContextParameters: " + e.getMessage(), e);
        }
    }

    public ApiRoot getRoot() {
        return root;
    }

    /**
     * Sends the request with the given authorization header ({@code Authorization} for logon,
     * {@code X-RestSvcSessionId} afterwards).
     *
     * @throws VeeamEmTransportException when no answer came, telling whether the request may have reached EM
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
        HttpClientContext context = null;
        if (request.secretSegment() != null) {
            context = HttpClientContext.create();
            context.setAttribute(SECRET_SEGMENT, request.secretSegment());
        }
        try {
            return client.execute(http, context, response -> {
                Header session = response.getFirstHeader(SESSION_HEADER);
                byte[] body = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
                return new EmResponse(response.getCode(), session == null ? null : session.getValue(), body);
            });
        } catch (IOException e) {
            throw transportFailure(request, e);
        }
    }

    private VeeamEmTransportException transportFailure(EmRequest request, IOException e) {
        if (e instanceof SSLHandshakeException) {
            return new VeeamEmTransportException(
                    "TLS handshake with EM at " + root + " failed for " + request + " (" + e.getMessage()
                                            + "): EM's certificate must be trusted (option sslContextParameters)"
                                            + " and name the host of baseUrl",
                    false, e);
        }
        boolean neverSent = e instanceof ConnectException || e instanceof ConnectTimeoutException
                || e instanceof UnknownHostException;
        return new VeeamEmTransportException(
                request + " to EM at " + root + (neverSent ? " could not connect: " : " got no answer: ") + e, !neverSent, e);
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }
}
