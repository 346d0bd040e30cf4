package dev.camelveeam.veeamem.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hc.client5.http.classic.methods.HttpDelete;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fault injection: {@link EmSimulator#faults()}. Each test works on a job of its own. */
class EmSimulatorFaultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VM_REF_PREFIX = "urn:VMware:Vm:93fe5565-0ae7-4574-abb5-0f4ea8c5e9bd.";
    private static final RequestMatcher INCLUDE_DELETE = RequestMatcher.of("DELETE", "/api/jobs/[^/]+/includes/[^/]+");
    /** Long enough for the checks made while an answer is pending, even on a loaded machine. */
    private static final Duration DELAY = Duration.ofSeconds(1);

    private static EmSimulator sim;
    private static SimTestClient client;
    private static SimFaults faults;

    private SimJob job;
    private String token;

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

    @BeforeEach
    void newJobAndSession() {
        job = sim.addJob(UUID.randomUUID().toString(), "Faults " + UUID.randomUUID())
                .addInclude(UUID.randomUUID().toString(), VM_REF_PREFIX + "vm-1", "vm-1")
                .addInclude(UUID.randomUUID().toString(), VM_REF_PREFIX + "vm-2", "vm-2")
                .addInclude(UUID.randomUUID().toString(), VM_REF_PREFIX + "vm-3", "vm-3");
        token = client.logon();
        sim.clearRequests();
    }

    @AfterEach
    void clearFaults() {
        faults.clear();
    }

    // --- answerNext

    @Test
    void answerNextAnswersWithAnEmErrorWithoutReachingTheResource() throws Exception {
        faults.answerNext(2, INCLUDE_DELETE, 503, "The service is busy.");

        HttpResponse<String> xml = client.delete(includePath(0), token);
        HttpResponse<String> json = client.send(client.request(includePath(0)).header("X-RestSvcSessionId", token)
                .header("Accept", "application/json").DELETE());
        HttpResponse<String> normal = client.delete(includePath(0), token);

        assertEquals(503, xml.statusCode());
        XmlAnswer error = XmlAnswer.of(xml.body());
        assertEquals("Error", error.rootName());
        assertTrue(xml.body().contains("Message=\"The service is busy.\" StatusCode=\"503\" Status=\"ServiceUnavailable\""),
                xml.body());
        assertEquals(503, json.statusCode());
        JsonNode jsonError = JSON.readTree(json.body());
        assertEquals("The service is busy.", jsonError.get("Message").asText());
        assertEquals(503, jsonError.get("StatusCode").asInt());
        assertEquals(202, normal.statusCode());
        assertEquals("task-1", SimTestClient.taskId(normal), "the faulted requests created no task");
        assertEquals(List.of(503, 503, 202), statuses());
    }

    @Test
    void answerNextComesBeforeRoutingAndTheSessionCheck() {
        int logons = sim.getLogonCount();
        faults.answerNext(1, RequestMatcher.of("POST", "/api/sessionMngr"), 500, "Logon service unavailable.");
        faults.answerNext(1, RequestMatcher.of("GET", "/api/no/such/thing"), 429, "Slow down.");

        HttpResponse<String> logon = client.logon("veeam", "veeam");
        HttpResponse<String> unknownPath = client.send(client.request("/no/such/thing"));

        assertEquals(500, logon.statusCode());
        assertTrue(logon.headers().firstValue("X-RestSvcSessionId").isEmpty());
        assertEquals(logons, sim.getLogonCount());
        assertEquals(429, unknownPath.statusCode());
        assertTrue(unknownPath.body().contains("Status=\"TooManyRequests\""), unknownPath.body());
    }

    @Test
    void firstMatchingFaultWinsAndEachUseCountsDown() {
        faults.answerNext(1, RequestMatcher.of("get", "/api/jobs"), 500, "first");
        faults.answerNext(1, RequestMatcher.of(null, "/api/jobs"), 502, "second");
        faults.answerNext(1, RequestMatcher.of("POST", null), 504, "only POST");

        assertEquals(500, client.get("//jobs/", token).statusCode(), "matched in its normalised form");
        assertEquals(200, client.get("/jobs/" + job.getId(), token).statusCode(), "another path");
        assertEquals(502, client.get("/jobs", token).statusCode());
        assertEquals(200, client.get("/jobs", token).statusCode());
        assertEquals(504, client.post("/jobs/" + job.getId() + "?action=toggleScheduleEnabled", token).statusCode());
        assertEquals(202, client.post("/jobs/" + job.getId() + "?action=toggleScheduleEnabled", token).statusCode());
    }

    @Test
    void clearForgetsPendingRequestAndTaskFaults() {
        faults.answerNext(5, RequestMatcher.any(), 500, "never sent");
        faults.nextTask(TaskFault.fail("never applied"));
        faults.clear();

        HttpResponse<String> removal = client.delete(includePath(0), token);

        assertEquals(202, removal.statusCode());
        assertTrue(client.awaitTaskState(token, SimTestClient.taskId(removal), "Finished").contains("<Message>Ok</Message>"));
    }

    // --- delayNext

    @Test
    void delayedRequestIsHandledAtOnceAndAnsweredAfterTheDelay() {
        faults.delayNext(1, INCLUDE_DELETE, DELAY);

        long sent = System.nanoTime();
        CompletableFuture<HttpResponse<String>> removal = client.sendAsync(client.request(includePath(0))
                .header("X-RestSvcSessionId", token).DELETE());
        SimTestClient.eventually("the delayed request's task", () -> taskIds().equals(List.of("task-1")));

        assertFalse(removal.isDone(), "answered before the delay");
        assertEquals(-1, sim.getRequests("DELETE", ".*").get(0).status(), "not answered yet");
        assertEquals(202, removal.join().statusCode());
        assertTrue(System.nanoTime() - sent >= DELAY.toNanos());
        assertEquals(202, sim.getRequests("DELETE", ".*").get(0).status());
    }

    @Test
    void delayedAnswersHoldNoThread() {
        int moreThanHttpThreads = 10;
        faults.delayNext(moreThanHttpThreads, RequestMatcher.of("GET", "/api/jobs"), DELAY);

        List<CompletableFuture<HttpResponse<String>>> delayed = IntStream.range(0, moreThanHttpThreads)
                .mapToObj(i -> client.sendAsync(client.request("/jobs").header("X-RestSvcSessionId", token)))
                .toList();
        SimTestClient.eventually("every delayed request's arrival",
                () -> sim.getRequests("GET", "/api/jobs").size() == moreThanHttpThreads);
        HttpResponse<String> meanwhile = client.get("/jobs/" + job.getId(), token);

        assertEquals(200, meanwhile.statusCode());
        assertTrue(delayed.stream().noneMatch(CompletableFuture::isDone), "a delayed answer came before the undelayed one");
        delayed.forEach(response -> assertEquals(200, response.join().statusCode()));
    }

    // --- dropNext

    @Test
    void dropBeforeHandlingClosesTheConnectionWithoutAByteOfAnswer() throws IOException {
        faults.dropNext(1, RequestMatcher.of("GET", "/api/"), Drop.BEFORE_HANDLING);

        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), sim.getPort())) {
            socket.setSoTimeout((int) SimTestClient.TASK_WAIT.toMillis());
            socket.getOutputStream().write("GET /api/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();

            assertEquals(-1, in.read(), "end of stream, no status line");
        }
        assertEquals(-1, sim.getRequests().get(0).status());
    }

    @Test
    void dropBeforeHandlingHasNoEffect() throws IOException {
        faults.dropNext(1, INCLUDE_DELETE, Drop.BEFORE_HANDLING);

        try (CloseableHttpClient apache = HttpClients.custom().disableAutomaticRetries().build()) {
            HttpDelete delete = new HttpDelete(sim.getBaseUrl() + includePath(0));
            delete.addHeader("X-RestSvcSessionId", token);

            assertThrows(NoHttpResponseException.class, () -> apache.execute(delete, response -> response.getCode()));
        }
        assertEquals(-1, sim.getRequests("DELETE", ".*").get(0).status());
        assertEquals(List.of(), taskIds(), "no task was created");
        assertEquals(3, job.getIncludes().size());
    }

    @Test
    void dropAfterHandlingAppliesTheEffectThenClosesTheConnection() {
        faults.dropNext(1, RequestMatcher.of("POST", "/api/jobs/.*"), Drop.AFTER_HANDLING);

        UncheckedIOException dropped = assertThrows(UncheckedIOException.class,
                () -> client.post("/jobs/" + job.getId() + "/includes", token, "application/json",
                        "{\"HierarchyObjRef\":\"" + VM_REF_PREFIX + "vm-4\",\"HierarchyObjName\":\"vm-4\"}"));

        assertTrue(dropped.getCause() instanceof IOException, dropped.toString());
        assertEquals(-1, sim.getRequests("POST", ".*").get(0).status());
        assertEquals(List.of("task-1"), taskIds());
        SimTestClient.eventually("the include's addition", () -> job.getIncludes().size() == 4);
    }

    // --- malformedNext

    @Test
    void malformedAnswerKeepsStatusAndHeadersButBreaksTheBody() {
        String whole = client.send(client.request("/")).body();
        faults.malformedNext(2, RequestMatcher.of("GET", "/api/"));

        HttpResponse<String> xml = client.send(client.request("/"));
        HttpResponse<String> json = client.send(client.request("/").header("Accept", "application/json"));

        assertEquals(200, xml.statusCode());
        assertEquals("application/xml; charset=utf-8", xml.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(whole.substring(0, whole.length() / 2), xml.body());
        assertThrows(AssertionError.class, () -> XmlAnswer.of(xml.body()));
        assertEquals(200, json.statusCode());
        assertThrows(JsonProcessingException.class, () -> JSON.readTree(json.body()));
        assertEquals(List.of(200, 200, 200), statuses());
    }

    @Test
    void malformedAnswerStillLetsTheResourceHandleTheRequest() {
        int logons = sim.getLogonCount();
        faults.malformedNext(1, RequestMatcher.of("POST", "/api/sessionMngr/"));

        HttpResponse<String> logon = client.logon("veeam", "veeam");

        assertEquals(201, logon.statusCode());
        assertTrue(logon.headers().firstValue("X-RestSvcSessionId").isPresent());
        assertFalse(logon.body().contains("</LogonSession>"));
        assertEquals(logons + 1, sim.getLogonCount());
    }

    // --- nextTask

    @Test
    void runForKeepsTheTaskRunningWhateverTheGlobalRunTime() {
        faults.nextTask(TaskFault.runFor(DELAY));

        String slow = SimTestClient.taskId(client.delete(includePath(0), token));
        String normal = SimTestClient.taskId(client.post("/jobs/" + job.getId() + "?action=toggleScheduleEnabled", token));
        client.awaitTaskState(token, normal, "Finished");

        assertTrue(client.get("/tasks/" + slow, token).body().contains("<State>Running</State>"));
        assertTrue(client.awaitTaskState(token, slow, "Finished").contains("<Message>Ok</Message>"));
        assertEquals(2, job.getIncludes().size());
    }

    @Test
    void failFinishesWithTheMessageAndNoEffectInQueueOrder() {
        faults.nextTask(TaskFault.fail("Simulated failure one."));
        faults.nextTask(TaskFault.fail("Simulated failure two."));

        String first = SimTestClient.taskId(client.delete(includePath(0), token));
        String second = SimTestClient.taskId(client.delete(includePath(1), token));
        String third = SimTestClient.taskId(client.delete(includePath(2), token));

        assertTrue(client.awaitTaskState(token, first, "Finished")
                .contains("<Result Success=\"false\"><Message>Simulated failure one.</Message></Result>"));
        assertTrue(client.awaitTaskState(token, second, "Finished").contains("<Message>Simulated failure two.</Message>"));
        assertTrue(client.awaitTaskState(token, third, "Finished").contains("<Message>Ok</Message>"));
        assertEquals(List.of("vm-1", "vm-2"), job.getIncludes().stream().map(SimInclude::getName).toList());
    }

    @Test
    void vanishedTaskAnswers500LikeATaskWhoseSessionIsGoneButStillApplies() {
        faults.nextTask(TaskFault.vanish());

        HttpResponse<String> removal = client.delete(includePath(0), token);
        String taskId = SimTestClient.taskId(removal);
        HttpResponse<String> get = client.get("/tasks/" + taskId, token);
        HttpResponse<String> delete = client.delete("/tasks/" + taskId, token);

        assertEquals(202, removal.statusCode());
        assertEquals("task-1", taskId);
        assertEquals(500, get.statusCode());
        assertTrue(get.body().contains("Message=\"There is no backup task with id [task-1] in current rest session\""),
                get.body());
        assertEquals(500, delete.statusCode());
        assertEquals(List.of(), taskIds());
        SimTestClient.eventually("the vanished task's change", () -> job.getIncludes().size() == 2);
        assertEquals("task-2", SimTestClient.taskId(client.delete(includePath(1), token)), "the vanished task kept its number");
    }

    // --- arguments

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> faults.answerNext(0, RequestMatcher.any(), 500, "m"));
        assertThrows(IllegalArgumentException.class, () -> faults.answerNext(1, RequestMatcher.any(), 200, "m"));
        assertThrows(NullPointerException.class, () -> faults.answerNext(1, null, 500, "m"));
        assertThrows(NullPointerException.class, () -> faults.answerNext(1, RequestMatcher.any(), 500, null));
        assertThrows(IllegalArgumentException.class, () -> faults.delayNext(1, RequestMatcher.any(), Duration.ofMillis(-1)));
        assertThrows(NullPointerException.class, () -> faults.dropNext(1, RequestMatcher.any(), null));
        assertThrows(IllegalArgumentException.class, () -> faults.malformedNext(-1, RequestMatcher.any()));
        assertThrows(IllegalArgumentException.class, () -> TaskFault.runFor(Duration.ofMillis(-1)));
        assertThrows(NullPointerException.class, () -> faults.nextTask(null));
        assertEquals(200, client.send(client.request("/")).statusCode(), "no fault was left behind");
    }

    private String includePath(int index) {
        return "/jobs/" + job.getId() + "/includes/" + job.getIncludes().get(index).getId();
    }

    private static List<Integer> statuses() {
        return sim.getRequests().stream().map(RecordedRequest::status).toList();
    }

    /** The ids {@code GET /api/tasks} lists for this test's session. */
    private List<String> taskIds() {
        return XmlAnswer.of(client.get("/tasks", token).body()).texts("TaskId");
    }
}
