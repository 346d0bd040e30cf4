package dev.camelveeam.veeamem.simulator;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Slow and outsized answers: {@link SimFaults#trickleNext}, {@link SimFaults#oversizeNext},
 * {@link EmSimulator#withAnswerDelay}.
 */
class EmSimulatorSlowAnswersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RequestMatcher ENTRY_POINT = RequestMatcher.of("GET", "/api/");
    private static final long NANOS_PER_SECOND = Duration.ofSeconds(1).toNanos();
    /** Bounds for what should take a fraction of it, even on a loaded machine. */
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static EmSimulator sim;
    private static SimTestClient client;
    private static SimFaults faults;

    @BeforeAll
    static void start() {
        sim = new EmSimulator().withTaskRunTime(Duration.ofMillis(30)).withTaskCollectTime(Duration.ofMillis(10)).start();
        client = new SimTestClient(sim);
        faults = sim.faults();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @AfterEach
    void reset() {
        faults.clear();
        sim.withAnswerDelay(Duration.ZERO).withJsonByteOrderMark(false);
        sim.clearRequests();
    }

    // --- trickleNext

    @Test
    void trickledAnswerSendsItsHeadersAtOnceThenTheWholeBodyAtTheRate() throws IOException {
        String token = client.logon();
        String taskId = SimTestClient
                .taskId(client.post("/jobs/" + EmSimulator.SEED_ORACLE_JOB_ID + "?action=toggleScheduleEnabled", token));
        byte[] whole = client.awaitTaskState(token, taskId, "Finished").getBytes(StandardCharsets.UTF_8);
        int bytesPerSecond = whole.length / 2; // two seconds or a little more
        faults.trickleNext(1, RequestMatcher.of("GET", "/api/tasks/.*"), bytesPerSecond);

        long sent = System.nanoTime();
        HttpResponse<InputStream> response = client.send(client.request("/tasks/" + taskId).header("X-RestSvcSessionId", token),
                BodyHandlers.ofInputStream());
        long headersIn = System.nanoTime();
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readAllBytes();
        }
        long bodyIn = System.nanoTime();

        assertEquals(200, response.statusCode());
        assertEquals(OptionalLong.of(whole.length), response.headers().firstValueAsLong("Content-Length"));
        assertArrayEquals(whole, body);
        assertTrue(bodyIn - sent >= whole.length * NANOS_PER_SECOND / bytesPerSecond, "faster than the rate");
        assertTrue(bodyIn - headersIn >= NANOS_PER_SECOND, "the headers did not come long before the body's end");
    }

    @Test
    void trickledAnswersHoldNoThread() {
        String whole = client.send(client.request("/")).body();
        int moreThanHttpThreads = 10;
        faults.trickleNext(moreThanHttpThreads, ENTRY_POINT, whole.length() / 3); // three seconds or a little more each
        sim.clearRequests();

        List<CompletableFuture<HttpResponse<String>>> trickled = IntStream.range(0, moreThanHttpThreads)
                .mapToObj(i -> client.sendAsync(client.request("/")))
                .toList();
        await().atMost(WAIT).until(() -> sim.getRequests("GET", "/api/").stream().filter(r -> r.status() == 200).count()
                                         == moreThanHttpThreads);
        client.logon();

        assertTrue(trickled.stream().noneMatch(CompletableFuture::isDone), "a trickled answer came before the logon");
        trickled.forEach(response -> assertEquals(whole, response.join().body()));
    }

    @Test
    void closingTheSimulatorCutsATrickleShort() throws IOException {
        try (EmSimulator own = new EmSimulator().start()) {
            SimTestClient ownClient = new SimTestClient(own);
            own.faults().trickleNext(1, ENTRY_POINT, 1);
            HttpResponse<InputStream> response = ownClient.send(ownClient.request("/"), BodyHandlers.ofInputStream());

            assertTimeoutPreemptively(WAIT, own::close);
            try (InputStream in = response.body()) {
                assertTimeoutPreemptively(WAIT, () -> assertThrows(IOException.class, in::readAllBytes));
            }
        }
    }

    // --- oversizeNext

    @Test
    void oversizedXmlAnswerIsTheDocumentAfterPaddingBehindItsDeclaration() throws Exception {
        String whole = client.send(client.request("/")).body();
        String declaration = whole.substring(0, whole.indexOf("?>") + 2);
        long size = 50_000_000;
        faults.oversizeNext(1, ENTRY_POINT, size);

        HttpResponse<InputStream> response = client.send(client.request("/"), BodyHandlers.ofInputStream());
        AtomicReference<String> root = new AtomicReference<>();
        CountingStream body = new CountingStream(response.body());
        try (body) {
            SAXParserFactory.newDefaultInstance().newSAXParser().parse(body, new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes) {
                    root.compareAndSet(null, qName);
                }
            });
        }

        assertEquals(200, response.statusCode());
        assertEquals(OptionalLong.of(size), response.headers().firstValueAsLong("Content-Length"));
        assertEquals("EnterpriseManager", root.get(), "well-formed, with the real document");
        assertEquals(size, body.count);
        assertTrue(body.head().startsWith(declaration + " ".repeat(100)), body.head());
    }

    @Test
    void oversizedJsonAnswerIsTheDocumentAfterPaddingBehindItsByteOrderMark() throws IOException {
        sim.withJsonByteOrderMark(true);
        byte[] whole = client.send(client.request("/").header("Accept", "application/json"), BodyHandlers.ofByteArray()).body();
        long size = 5_000_000;
        faults.oversizeNext(1, ENTRY_POINT, size);

        HttpResponse<InputStream> response = client.send(client.request("/").header("Accept", "application/json"),
                BodyHandlers.ofInputStream());
        CountingStream body = new CountingStream(response.body());
        try (body) {
            assertEquals(JSON.readTree(whole), JSON.readTree(body));
        }

        assertEquals(OptionalLong.of(size), response.headers().firstValueAsLong("Content-Length"));
        assertEquals(size, body.count);
        assertTrue(body.head().startsWith("\uFEFF" + " ".repeat(100)), body.head());
    }

    @Test
    void oversizeChangesNeitherALargeEnoughNorAnEmptyBody() {
        String token = client.logon();
        String taskId = SimTestClient
                .taskId(client.post("/jobs/" + EmSimulator.SEED_EXCHANGE_JOB_ID + "?action=toggleScheduleEnabled", token));
        byte[] whole = client.send(client.request("/"), BodyHandlers.ofByteArray()).body();
        faults.oversizeNext(1, ENTRY_POINT, whole.length);
        faults.oversizeNext(1, RequestMatcher.of("DELETE", "/api/tasks/.*"), 1_000);

        assertArrayEquals(whole, client.send(client.request("/"), BodyHandlers.ofByteArray()).body());
        HttpResponse<String> noContent = client.delete("/tasks/" + taskId, token);
        assertEquals(204, noContent.statusCode());
        assertEquals("", noContent.body());
    }

    // --- withAnswerDelay

    @Test
    void answerDelayHoldsEveryAnswerButNoThread() {
        Duration delay = Duration.ofSeconds(1);
        int requests = 200; // 25 times the HTTP threads: holding one each, the last answer would take 25 s
        sim.withAnswerDelay(delay);

        long start = System.nanoTime();
        List<CompletableFuture<TimedAnswer>> answers = IntStream.range(0, requests).mapToObj(i -> {
            long sent = System.nanoTime();
            return client.sendAsync(client.request("/"))
                    .thenApply(r -> new TimedAnswer(r.statusCode(), System.nanoTime() - sent));
        }).toList();
        answers.forEach(answer -> {
            assertEquals(200, answer.join().status());
            assertTrue(answer.join().nanos() >= delay.toNanos(), "answered before the delay");
        });
        long all = System.nanoTime() - start;

        assertTrue(all < Duration.ofSeconds(10).toNanos(), "all answers took " + Duration.ofNanos(all));
        assertEquals(requests, sim.getRequests("GET", "/api/").size());
    }

    @Test
    void answerDelayAddsToADelayedFaultAndChangesAtRunTime() {
        sim.withAnswerDelay(Duration.ofMillis(300));
        faults.delayNext(1, ENTRY_POINT, Duration.ofMillis(700));

        long sent = System.nanoTime();
        CompletableFuture<HttpResponse<String>> delayed = client.sendAsync(client.request("/"));
        await().atMost(WAIT).until(() -> sim.getRequests().size() == 1);
        assertEquals(-1, sim.getRequests().get(0).status(), "not answered yet");
        assertEquals(200, delayed.join().statusCode());
        assertTrue(System.nanoTime() - sent >= Duration.ofSeconds(1).toNanos(), "the delays did not add up");

        sim.withAnswerDelay(Duration.ZERO);
        assertEquals(200, client.send(client.request("/")).statusCode());
    }

    @Test
    void answerDelayLeavesADropImmediate() throws IOException {
        sim.withAnswerDelay(WAIT.multipliedBy(2));
        faults.dropNext(1, ENTRY_POINT, Drop.BEFORE_HANDLING);

        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), sim.getPort())) {
            socket.setSoTimeout((int) WAIT.toMillis());
            socket.getOutputStream().write("GET /api/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

            assertEquals(-1, socket.getInputStream().read(), "end of stream before the answer delay");
        }
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> faults.trickleNext(1, RequestMatcher.any(), 0));
        assertThrows(IllegalArgumentException.class, () -> faults.trickleNext(0, RequestMatcher.any(), 10));
        assertThrows(NullPointerException.class, () -> faults.trickleNext(1, null, 10));
        assertThrows(IllegalArgumentException.class, () -> faults.oversizeNext(1, RequestMatcher.any(), 0));
        assertThrows(IllegalArgumentException.class, () -> sim.withAnswerDelay(Duration.ofMillis(-1)));
        assertThrows(NullPointerException.class, () -> sim.withAnswerDelay(null));
        assertEquals(200, client.send(client.request("/")).statusCode(), "no fault was left behind");
    }

    private record TimedAnswer(int status, long nanos) {
    }

    /** Counts the bytes read through it and keeps the first few hundred. */
    private static final class CountingStream extends FilterInputStream {

        private final byte[] head = new byte[300];
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                keep(new byte[] { (byte) b }, 0, 1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            if (read > 0) {
                keep(buffer, offset, read);
            }
            return read;
        }

        String head() {
            return new String(head, 0, (int) Math.min(count, head.length), StandardCharsets.UTF_8);
        }

        private void keep(byte[] buffer, int offset, int length) {
            if (count < head.length) {
                System.arraycopy(buffer, offset, head, (int) count, (int) Math.min(length, head.length - count));
            }
            count += length;
        }
    }
}
