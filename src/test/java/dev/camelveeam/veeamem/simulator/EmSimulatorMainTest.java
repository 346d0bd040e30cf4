package dev.camelveeam.veeamem.simulator;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import dev.camelveeam.veeamem.simulator.tls.TestCertificates;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The standalone runner, in-process: its command line, and a simulator it started answering java.net.http. */
class EmSimulatorMainTest {

    @Test
    void defaultsAreEmsPortTheDefaultUserAndPlainHttp() {
        EmSimulatorMain.Options options = EmSimulatorMain.parse();

        assertEquals(9398, options.port());
        assertEquals(Map.of(), options.users());
        assertFalse(options.tls());
        assertTrue(options.seedData());
        assertNull(options.taskRunTime());
        assertFalse(options.help());
    }

    @Test
    void readsEveryOption() {
        EmSimulatorMain.Options options = EmSimulatorMain.parse("--port", "0", "--user", "svc:pa:ss", "--user=u2:p2", "--tls",
                "--task-run-time", "2s", "--task-collect-time", "0", "--backup-session-run-time", "1m",
                "--restore-run-time=PT0.25S", "--session-idle-timeout", "1h", "--answer-delay", "150ms",
                "--json-casing", "em13", "--no-seed-data");

        assertEquals(0, options.port());
        assertEquals(Map.of("svc", "pa:ss", "u2", "p2"), options.users());
        assertTrue(options.tls());
        assertEquals(Duration.ofSeconds(2), options.taskRunTime());
        assertEquals(Duration.ZERO, options.taskCollectTime());
        assertEquals(Duration.ofMinutes(1), options.backupSessionRunTime());
        assertEquals(Duration.ofMillis(250), options.restoreRunTime());
        assertEquals(Duration.ofHours(1), options.sessionIdleTimeout());
        assertEquals(Duration.ofMillis(150), options.answerDelay());
        assertEquals(EmSimulator.JsonCasing.EM13, options.jsonCasing());
        assertFalse(options.seedData());
        assertTrue(EmSimulatorMain.parse("--help").help());
    }

    @Test
    void badCommandLinesNameTheOption() {
        assertMessage("Unknown option: --bogus", "--bogus");
        assertMessage("--port needs a value", "--port");
        assertMessage("--port needs a value", "--port", "--tls");
        assertMessage("--port must be 0 to 65535: 70000", "--port", "70000");
        assertMessage("--user needs NAME:PASSWORD", "--user", "nopassword");
        assertMessage("--task-run-time takes a duration such as 500ms, 2s, 1m or PT2S: soon", "--task-run-time", "soon");
        assertMessage("--answer-delay must not be negative: PT-1S", "--answer-delay", "PT-1S");
        assertMessage("--json-casing is EM12 or EM13: EM14", "--json-casing", "EM14");
        assertMessage("--keystore needs --keystore-password", "--keystore", "server.p12");
        assertTrue(EmSimulatorMain.usage().contains("--task-run-time D"));
    }

    @Test
    void startedItPrintsItsBaseUrlServesTheUsersGivenAndStopsOnClose() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        EmSimulator sim
                = EmSimulatorMain.start(EmSimulatorMain.parse("--port", "0", "--user", "svc:s3cret", "--task-run-time", "50ms"),
                        new PrintStream(printed, true, StandardCharsets.UTF_8));
        String baseUrl;
        try {
            baseUrl = sim.getBaseUrl();
            String firstLine = printed.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
            assertEquals("EM simulator at " + baseUrl, firstLine);
            assertTrue(baseUrl.matches("http://127\\.0\\.0\\.1:\\d+/api"), baseUrl);

            SimTestClient client = new SimTestClient(sim);
            assertEquals(201, client.logon("svc", "s3cret").statusCode());
            assertEquals(401, client.logon("veeam", "veeam").statusCode());
            String token = client.logon("svc", "s3cret").headers().firstValue("X-RestSvcSessionId").orElseThrow();
            HttpResponse<String> task = client.delete("/jobs/" + EmSimulator.SEED_ORACLE_JOB_ID + "/includes/"
                                                      + EmSimulator.SEED_ORACLE01_INCLUDE_ID,
                    token);
            assertEquals(202, task.statusCode(), task.body());
            client.awaitTaskState(token, SimTestClient.taskId(task), "Finished");
        } finally {
            sim.close();
        }
        HttpClient http = HttpClient.newHttpClient();
        Exception refused
                = assertThrows(Exception.class, () -> http.send(HttpRequest.newBuilder(java.net.URI.create(baseUrl + "/"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()));
        assertInstanceOf(ConnectException.class, refused);
    }

    @Test
    void withTlsItServesACertificateSignedByTheCaItPrints() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (EmSimulator sim = EmSimulatorMain.start(EmSimulatorMain.parse("--port", "0", "--tls"),
                new PrintStream(printed, true, StandardCharsets.UTF_8))) {
            assertTrue(sim.getBaseUrl().startsWith("https://localhost:"), sim.getBaseUrl());
            Path ca = TestCertificates.caCertificatePemPath();
            assertTrue(printed.toString(StandardCharsets.UTF_8).contains(ca.toString()));
            assertTrue(Files.readString(ca).startsWith("-----BEGIN CERTIFICATE-----"));

            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            KeyStore trustStore = TestCertificates.caTrustStore();
            trust.init(trustStore);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            HttpResponse<String> entry = HttpClient.newBuilder().sslContext(context).build()
                    .send(HttpRequest.newBuilder(java.net.URI.create(sim.getBaseUrl() + "/")).build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, entry.statusCode());
        }
    }

    private static void assertMessage(String expected, String... args) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, () -> EmSimulatorMain.parse(args)).getMessage());
    }
}
