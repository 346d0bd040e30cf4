package dev.camelveeam.veeamem;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import dev.camelveeam.veeamem.simulator.tls.TestCertificates;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE01_INCLUDE_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE_JOB_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The three usual baseUrl mistakes say what is wrong: {@code http://} to EM's HTTPS port, {@code https://} to a
 * plain-HTTP port (without waiting twice connectTimeout), and a baseUrl pasted with a resource path.
 */
class SchemeMismatchTest extends VeeamEmTestSupport {

    private static final long CONNECT_TIMEOUT_MILLIS = 4_000;

    @AfterEach
    void stopSimulator() {
        if (sim != null) {
            sim.close();
        }
    }

    private Exchange remove(String baseUrl) {
        return removeInclude(uriFor(baseUrl));
    }

    /** Times the exchange alone: the endpoint is created (and the route work executor started) before. */
    private Exchange timedRemove(String baseUrl, long[] elapsedMillis) {
        String uri = uriFor(baseUrl);
        context.getEndpoint(uri);
        long start = System.nanoTime();
        Exchange result = removeInclude(uri);
        elapsedMillis[0] = (System.nanoTime() - start) / 1_000_000;
        return result;
    }

    private static String uriFor(String baseUrl) {
        return ("veeam-em:removeInclude?baseUrl=" + baseUrl + "&username=" + USER + "&password=RAW("
                + PASSWORD + ")&trustAllCertificates=true&connectTimeout=" + CONNECT_TIMEOUT_MILLIS
                + "&responseTimeout=20s&jobId=" + SEED_ORACLE_JOB_ID + "&includeId="
                + SEED_ORACLE01_INCLUDE_ID);
    }

    @Test
    void httpToAnHttpsPortHintsAtTheScheme() {
        sim = newSimulator().withTls(TestCertificates.serverKeyStore(), TestCertificates.PASSWORD.toCharArray()).start();

        Exception failure = remove(sim.getBaseUrl().replace("https://", "http://")).getException();

        VeeamEmLogonException logon = assertInstanceOf(VeeamEmLogonException.class, failure);
        assertTrue(logon.getMessage().contains("EM's port may speak HTTPS: check that baseUrl starts with https://"),
                logon.getMessage());
    }

    @Test
    void httpsToAPlainHttpPortThatSaysNothingFailsAfterOneConnectTimeoutWithAHint() {
        sim = newSimulator().start();

        long[] elapsed = new long[1];
        Exception failure = timedRemove(sim.getBaseUrl().replace("http://127.0.0.1", "https://localhost"), elapsed)
                .getException();
        long elapsedMillis = elapsed[0];

        VeeamEmLogonException logon = assertInstanceOf(VeeamEmLogonException.class, failure);
        assertTrue(logon.getMessage().contains("the server may not speak TLS on that port: check baseUrl's scheme"),
                logon.getMessage());
        assertTrue(elapsedMillis < 2 * CONNECT_TIMEOUT_MILLIS - 500,
                "not tried twice: " + elapsedMillis + " ms, connectTimeout " + CONNECT_TIMEOUT_MILLIS + " ms");
        assertEquals(0, sim.getRequests().size(), "the simulator saw no HTTP request");
    }

    @Test
    void httpsToAPlainHttpServerThatAnswersFailsAtOnceWithAHint() throws Exception {
        sim = null;
        try (PlainHttpServer plain = new PlainHttpServer()) {
            long[] elapsed = new long[1];
            Exception failure = timedRemove("https://localhost:" + plain.port() + "/api", elapsed).getException();
            long elapsedMillis = elapsed[0];

            VeeamEmLogonException logon = assertInstanceOf(VeeamEmLogonException.class, failure);
            assertTrue(logon.getMessage().contains("the server may not speak TLS on that port: check baseUrl's scheme"),
                    logon.getMessage());
            assertTrue(elapsedMillis < CONNECT_TIMEOUT_MILLIS, "fails before connectTimeout: " + elapsedMillis + " ms");
        }
    }

    @Test
    void aBaseUrlWithAResourcePathIsRefusedWithAHint() {
        sim = null;
        Exception failure = assertThrows(Exception.class, () -> context.getEndpoint(
                "veeam-em:listJobs?baseUrl=https://em.example.com:9398/api/jobs&username=u&password=p"));

        Throwable cause = failure;
        while (!(cause instanceof IllegalArgumentException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertInstanceOf(IllegalArgumentException.class, cause);
        assertTrue(cause.getMessage().contains("baseUrl must be the API root such as https://em.example.com:9398/api,"
                                               + " not a resource path (/api/jobs)"),
                cause.getMessage());
    }

    /** Answers anything, such as a TLS ClientHello, with 400 Bad Request and closes, as HTTP.sys does. */
    private static final class PlainHttpServer implements AutoCloseable {

        private final ServerSocket server;
        private final Thread thread;

        PlainHttpServer() throws IOException {
            server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            thread = new Thread(this::serve, "plain-http-server");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void serve() {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    InputStream in = socket.getInputStream();
                    if (in.read(new byte[4096]) < 0) {
                        continue;
                    }
                    OutputStream out = socket.getOutputStream();
                    out.write(("HTTP/1.1 400 Bad Request\r\nContent-Type: text/html\r\nContent-Length: 11\r\n"
                               + "Connection: close\r\n\r\nBad Request")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException closed) {
                    // the server socket was closed, or the client went away
                }
            }
        }

        @Override
        public void close() throws Exception {
            server.close();
            thread.join(5_000);
        }
    }
}
