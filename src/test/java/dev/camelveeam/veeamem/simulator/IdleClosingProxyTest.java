package dev.camelveeam.veeamem.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@link IdleClosingProxy} test utility, in front of the simulator. */
class IdleClosingProxyTest {

    private static final Duration IDLE = Duration.ofMillis(500);
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final byte[] ENTRY_POINT_REQUEST
            = "GET /api/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private static EmSimulator sim;

    @BeforeAll
    static void start() {
        sim = new EmSimulator().start();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @AfterEach
    void reset() {
        sim.faults().clear();
        sim.withAnswerDelay(Duration.ZERO);
    }

    @Test
    void closesAConnectionOnceIdleForTheTimeout() throws IOException {
        try (IdleClosingProxy proxy = proxy(IDLE); Socket socket = connect(proxy)) {
            long sent = System.nanoTime();
            socket.getOutputStream().write(ENTRY_POINT_REQUEST);
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            byte[] body = in.readNBytes(contentLength(head));

            assertTrue(head.startsWith("HTTP/1.1 200"), head);
            assertTrue(new String(body, StandardCharsets.UTF_8).contains("EnterpriseManager"));
            assertEquals(-1, in.read(), "end of stream on the kept-alive connection");
            assertTrue(System.nanoTime() - sent >= IDLE.toNanos(), "closed before it was idle that long");
            assertEquals(1, proxy.connectionsClosedIdle());
            assertEquals(1, proxy.connectionsAccepted());
            assertEquals(0, proxy.openConnections());
        }
    }

    @Test
    void keepsAConnectionOpenWhileBytesFlow() throws IOException {
        SimTestClient direct = new SimTestClient(sim);
        byte[] whole = direct.send(direct.request("/"), BodyHandlers.ofByteArray()).body();
        sim.faults().trickleNext(1, RequestMatcher.of("GET", "/api/"), whole.length / 3); // three seconds, a chunk every 50 ms

        try (IdleClosingProxy proxy = proxy(IDLE)) {
            SimTestClient viaProxy = new SimTestClient(proxy.getBaseUrl("/api"));
            HttpResponse<byte[]> response = viaProxy.send(viaProxy.request("/"), BodyHandlers.ofByteArray());

            assertEquals(200, response.statusCode());
            assertArrayEquals(whole, response.body());
            assertEquals(0, proxy.connectionsClosedIdle(), "closed while bytes flowed");
            await().atMost(WAIT).until(() -> proxy.connectionsClosedIdle() == 1);
        }
    }

    @Test
    void aClientReconnectsAfterAnIdleClose() throws IOException {
        try (IdleClosingProxy proxy = proxy(IDLE)) {
            SimTestClient viaProxy = new SimTestClient(proxy.getBaseUrl("/api"));

            assertEquals(200, viaProxy.send(viaProxy.request("/")).statusCode());
            await().atMost(WAIT).until(() -> proxy.connectionsClosedIdle() == 1);
            assertEquals(200, viaProxy.send(viaProxy.request("/")).statusCode());
            assertEquals(2, proxy.connectionsAccepted());
        }
    }

    @Test
    void cutsAnAnswerSlowerThanTheIdleTimeout() throws IOException {
        sim.withAnswerDelay(IDLE.multipliedBy(4));

        try (IdleClosingProxy proxy = proxy(IDLE); Socket socket = connect(proxy)) {
            socket.getOutputStream().write(ENTRY_POINT_REQUEST);

            assertEquals(-1, socket.getInputStream().read(), "end of stream, no answer");
            assertEquals(1, proxy.connectionsClosedIdle());
        }
    }

    @Test
    void countsTheConnectionsOpenNowWhoeverClosesThem() throws IOException {
        try (IdleClosingProxy proxy = proxy(Duration.ofMinutes(1))) {
            Socket first = connect(proxy);
            Socket second = connect(proxy);
            await().atMost(WAIT).until(() -> proxy.openConnections() == 2);

            first.close();
            await().atMost(WAIT).until(() -> proxy.openConnections() == 1);
            second.getOutputStream().write(ENTRY_POINT_REQUEST);
            InputStream in = second.getInputStream();
            in.readNBytes(contentLength(readHead(in)));
            assertEquals(1, proxy.openConnections(), "a kept-alive connection stays counted");

            second.close();
            await().atMost(WAIT).until(() -> proxy.openConnections() == 0);
            assertEquals(2, proxy.connectionsAccepted());
            assertEquals(0, proxy.connectionsClosedIdle());
        }
    }

    @Test
    void closeEndsConnectionsListenerAndThreads() throws IOException {
        IdleClosingProxy proxy = proxy(Duration.ofMinutes(1));
        try (Socket socket = connect(proxy)) {
            socket.getOutputStream().write(ENTRY_POINT_REQUEST);
            InputStream in = socket.getInputStream();
            in.readNBytes(contentLength(readHead(in)));

            proxy.close();

            assertEquals(-1, in.read());
            assertEquals(0, proxy.openConnections());
        }
        assertEquals(0, proxy.connectionsClosedIdle());
        assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), proxy.getPort()).close());
        await().atMost(WAIT).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(thread -> thread.getName().startsWith("idle-closing-proxy-")));
    }

    private static IdleClosingProxy proxy(Duration idleTimeout) throws IOException {
        return new IdleClosingProxy("127.0.0.1", sim.getPort(), idleTimeout);
    }

    private static Socket connect(IdleClosingProxy proxy) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.getPort());
        socket.setSoTimeout((int) WAIT.toMillis());
        return socket;
    }

    /** The status line and headers, up to the empty line. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("End of stream in the response head: " + head.toString(StandardCharsets.US_ASCII));
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static int contentLength(String head) {
        return head.lines()
                .filter(line -> line.toLowerCase(Locale.ROOT).startsWith("content-length:"))
                .mapToInt(line -> Integer.parseInt(line.substring(line.indexOf(':') + 1).trim()))
                .findFirst().orElseThrow();
    }
}
