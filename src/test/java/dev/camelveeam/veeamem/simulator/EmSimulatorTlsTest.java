package dev.camelveeam.veeamem.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.time.Duration;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;

import dev.camelveeam.veeamem.simulator.tls.TestCertificates;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HTTPS with certificates made by {@link TestCertificates}, seen through java.net.http (which verifies host names). */
class EmSimulatorTlsTest {

    private static final char[] PASSWORD = TestCertificates.PASSWORD.toCharArray();

    @Test
    void servesHttpsToAClientThatTrustsTheCa() throws Exception {
        try (EmSimulator sim = new EmSimulator().withTls(TestCertificates.serverKeyStore(), PASSWORD).start()) {
            HttpResponse<String> response = get(trusting(TestCertificates.caTrustStore()), sim.getBaseUrl() + "/");

            assertEquals("https://localhost:" + sim.getPort() + "/api", sim.getBaseUrl());
            assertEquals(200, response.statusCode());
            assertTrue(response.body().contains("Href=\"https://localhost:" + sim.getPort() + "/api/sessionMngr/?v=latest\""),
                    response.body());
        }
    }

    @Test
    void logsOnAndUsesTheSessionOverHttps() throws Exception {
        try (EmSimulator sim = new EmSimulator().withTls(TestCertificates.serverKeyStore(), PASSWORD).start()) {
            HttpClient client = trusting(TestCertificates.caTrustStore());
            HttpResponse<String> logon = client.send(
                    HttpRequest.newBuilder(URI.create(sim.getBaseUrl() + "/sessionMngr/?v=latest"))
                            .header("Authorization", SimTestClient.basic("veeam", "veeam"))
                            .POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            String token = logon.headers().firstValue("X-RestSvcSessionId").orElseThrow();
            HttpResponse<String> jobs = client.send(HttpRequest.newBuilder(URI.create(sim.getBaseUrl() + "/jobs"))
                    .header("X-RestSvcSessionId", token).build(), HttpResponse.BodyHandlers.ofString());

            assertEquals(201, logon.statusCode());
            assertEquals(200, jobs.statusCode());
            assertTrue(jobs.body().contains("Href=\"https://localhost:" + sim.getPort() + "/api/jobs/"), jobs.body());
        }
    }

    @Test
    void handshakeFailsForAClientThatDoesNotTrustTheCa() {
        try (EmSimulator sim = new EmSimulator().withTls(TestCertificates.serverKeyStore(), PASSWORD).start()) {
            assertThrows(SSLHandshakeException.class, () -> get(HttpClient.newHttpClient(), sim.getBaseUrl() + "/"));
            assertEquals(0, sim.getRequests().size());
        }
    }

    @Test
    void handshakeFailsForASelfSignedCertificate() {
        try (EmSimulator sim = new EmSimulator().withTls(TestCertificates.selfSignedServerKeyStore(), PASSWORD).start()) {
            assertThrows(SSLHandshakeException.class,
                    () -> get(trusting(TestCertificates.caTrustStore()), sim.getBaseUrl() + "/"));
        }
    }

    @Test
    void handshakeFailsWhenTheCertificateNamesAnotherHost() {
        try (EmSimulator sim = new EmSimulator().withTls(TestCertificates.wrongHostKeyStore(), PASSWORD).start()) {
            SSLHandshakeException e = assertThrows(SSLHandshakeException.class,
                    () -> get(trusting(TestCertificates.caTrustStore()), sim.getBaseUrl() + "/"));
            assertTrue(String.valueOf(e.getMessage()).contains("localhost"), String.valueOf(e.getMessage()));
        }
    }

    @Test
    void droppedConnectionOverHttpsGivesTheClientAnIoException() throws Exception {
        try (EmSimulator sim = new EmSimulator().withTls(TestCertificates.serverKeyStore(), PASSWORD).start()) {
            sim.faults().dropNext(1, RequestMatcher.any(), Drop.BEFORE_HANDLING);
            HttpClient client = trusting(TestCertificates.caTrustStore());
            // a POST: java.net.http silently repeats an idempotent request whose connection closed before any answer
            HttpRequest logon = HttpRequest.newBuilder(URI.create(sim.getBaseUrl() + "/sessionMngr/?v=latest"))
                    .header("Authorization", SimTestClient.basic("veeam", "veeam")).POST(HttpRequest.BodyPublishers.noBody())
                    .build();

            IOException e = assertThrows(IOException.class, () -> client.send(logon, HttpResponse.BodyHandlers.ofString()));
            assertFalse(e instanceof SSLHandshakeException, e.toString());
            assertEquals(-1, sim.getRequests().get(0).status());
            assertEquals(0, sim.getLogonCount());
        }
    }

    @Test
    void tlsIsRefusedOnceStartedAndWithoutAPrivateKey() throws Exception {
        try (EmSimulator sim = new EmSimulator().start()) {
            assertThrows(IllegalStateException.class, () -> sim.withTls(TestCertificates.serverKeyStore(), PASSWORD));
        }
        assertThrows(IllegalArgumentException.class,
                () -> new EmSimulator().withTls(TestCertificates.caTrustStore(), PASSWORD));
    }

    private static HttpClient trusting(KeyStore trustStore) throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trustStore);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static HttpResponse<String> get(HttpClient client, String url) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
