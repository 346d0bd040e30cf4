package dev.camelveeam.veeamem;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelveeam.veeamem.model.Task;
import dev.camelveeam.veeamem.simulator.RecordedRequest;
import dev.camelveeam.veeamem.simulator.SimBackupSession;
import dev.camelveeam.veeamem.simulator.SimBackupSession.Result;
import dev.camelveeam.veeamem.simulator.SimBackupSession.State;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_EXCHANGE_JOB_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE01_INCLUDE_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE02_INCLUDE_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE_JOB_ID;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kamelets of src/main/resources/kamelets, found by camel-kamelet at its default location (classpath:kamelets),
 * used from Java DSL routes against the simulator: what each one does to the message and what it sends to EM. The
 * password has characters that break an endpoint URI ({@code &}, {@code =}), so every test also checks that it reaches
 * EM intact through the Kamelet's template.
 */
class KameletsTest extends VeeamEmTestSupport {

    private static final String REMOVE_INCLUDE = "veeam-em-remove-include-action";
    private static final String START_JOB = "veeam-em-start-job-action";
    private static final String SESSION_SOURCE = "veeam-em-backup-session-source";
    private static final String ORDERS_JOB_ID = "5e0a2d4c-7b1f-4c3e-9a8d-2f6b1e0c3d7a";

    @RegisterExtension
    static final EmSimulatorExtension EM = new EmSimulatorExtension(
            simulator -> simulator.withBackupSessionRunTime(Duration.ofMillis(300)));

    @BeforeEach
    void reseed() {
        reseed(sim);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camelContext = super.createCamelContext();
        // stands in for {{env:VEEAM_PASSWORD}}: a placeholder, resolved by Camel, never written in a route
        camelContext.getPropertiesComponent().addInitialProperty("veeam.password", PASSWORD);
        return camelContext;
    }

    /** The connection as Kamelet parameters; the password a placeholder in RAW(), as a URI needs for it. */
    private static String connection() {
        return "baseUrl=" + sim.getBaseUrl() + "&username=" + USER + "&password=RAW({{veeam.password}})";
    }

    private void route(String from, String to) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).to(to);
            }
        });
    }

    private Exchange send(String endpoint, Map<String, Object> headers) {
        return template.request(endpoint, exchange -> exchange.getMessage().setHeaders(new HashMap<>(headers)));
    }

    private static List<String> includeIds(String jobId) {
        return sim.getJob(jobId).orElseThrow().getIncludes().stream().map(include -> include.getId()).toList();
    }

    private static void assertLoggedOnWithTheRightPassword() {
        RecordedRequest logon = sim.getRequests("POST", "/api/sessionMngr/").get(0);
        assertEquals(basicAuth(USER, PASSWORD), logon.header("Authorization"));
        assertEquals(201, logon.status());
    }

    // ---- veeam-em-remove-include-action

    @Test
    void removeIncludeTakesTheJobAndIncludeFromHeaders() throws Exception {
        route("direct:decommissioned", "kamelet:" + REMOVE_INCLUDE + "?" + connection());

        Exchange result = send("direct:decommissioned",
                Map.of("jobId", SEED_ORACLE_JOB_ID, "includeId", SEED_ORACLE01_INCLUDE_ID));

        Task task = assertFinishedTask(result, true, null);
        assertEquals("UpdateJob", task.getOperation());
        List<RecordedRequest> deletes = sim.getRequests("DELETE", "/api/jobs/.*");
        assertEquals(List.of("/api/jobs/" + SEED_ORACLE_JOB_ID + "/includes/" + SEED_ORACLE01_INCLUDE_ID),
                deletes.stream().map(RecordedRequest::path).toList());
        assertEquals(202, deletes.get(0).status());
        assertFalse(sim.getRequests("GET", "/api/tasks/" + task.getTaskId()).isEmpty(), "the task was followed");
        assertEquals(List.of(SEED_ORACLE02_INCLUDE_ID), includeIds(SEED_ORACLE_JOB_ID));
        assertLoggedOnWithTheRightPassword();
    }

    @Test
    void removeIncludeTakesCloudEventHeadersAndTheComponentHeadersFirst() throws Exception {
        String oracle03 = "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
        sim.getJob(SEED_ORACLE_JOB_ID).orElseThrow().addInclude(oracle03,
                "urn:VMware:Vm:93fe5565-0ae7-4574-abb5-0f4ea8c5e9bd.vm-48913", "oracle03");
        route("direct:decommissioned", "kamelet:" + REMOVE_INCLUDE + "?" + connection());

        assertFinishedTask(send("direct:decommissioned",
                Map.of("ce-jobid", SEED_ORACLE_JOB_ID, "ce-includeid", SEED_ORACLE01_INCLUDE_ID)), true, null);
        // CamelVeeamEmIncludeId wins over includeId, which wins over the Kamelet property
        assertFinishedTask(send("direct:decommissioned", Map.of("jobId", SEED_ORACLE_JOB_ID,
                VeeamEmConstants.INCLUDE_ID, SEED_ORACLE02_INCLUDE_ID, "includeId", "not-this-one")), true, null);

        assertEquals(List.of("/api/jobs/" + SEED_ORACLE_JOB_ID + "/includes/" + SEED_ORACLE01_INCLUDE_ID,
                "/api/jobs/" + SEED_ORACLE_JOB_ID + "/includes/" + SEED_ORACLE02_INCLUDE_ID),
                sim.getRequests("DELETE", "/api/jobs/.*").stream().map(RecordedRequest::path).toList());
        assertEquals(List.of(oracle03), includeIds(SEED_ORACLE_JOB_ID));
    }

    @Test
    void removeIncludeTakesTheJobByNameAndTheIncludeFromItsProperties() throws Exception {
        // the connection as Kamelet properties in the application's configuration, as with
        // camel.kamelet.veeam-em-remove-include-action.password={{env:VEEAM_PASSWORD}}
        Map.of("baseUrl", sim.getBaseUrl(), "username", USER, "password", "{{veeam.password}}", "jobId", "Oracle Backup")
                .forEach((name, value) -> context.getPropertiesComponent()
                        .addInitialProperty("camel.kamelet." + REMOVE_INCLUDE + "." + name, value));
        route("direct:decommissioned", "kamelet:" + REMOVE_INCLUDE + "?includeId=" + SEED_ORACLE01_INCLUDE_ID);

        Task task = assertFinishedTask(send("direct:decommissioned", Map.of()), true, null);

        assertEquals("UpdateJob", task.getOperation());
        assertEquals(1, sim.getRequests("GET", "/api/jobs").size(), "the job was found by its name");
        assertEquals(List.of("/api/jobs/" + SEED_ORACLE_JOB_ID + "/includes/" + SEED_ORACLE01_INCLUDE_ID),
                sim.getRequests("DELETE", "/api/jobs/.*").stream().map(RecordedRequest::path).toList());
        assertLoggedOnWithTheRightPassword();
    }

    @Test
    void removeIncludeWithoutAnIncludeFailsBeforeAnyChange() throws Exception {
        route("direct:decommissioned", "kamelet:" + REMOVE_INCLUDE + "?" + connection());

        Exception failure = send("direct:decommissioned", Map.of("jobId", SEED_ORACLE_JOB_ID)).getException();

        assertInstanceOf(IllegalArgumentException.class, failure);
        assertTrue(failure.getMessage().contains(VeeamEmConstants.INCLUDE_ID), failure.getMessage());
        assertTrue(sim.getRequests("DELETE", "/api/jobs/.*").isEmpty());
    }

    @Test
    void removeIncludeIdempotentlyCompletesADuplicateWithoutATask() throws Exception {
        route("direct:decommissioned", "kamelet:" + REMOVE_INCLUDE + "?" + connection() + "&idempotent=true");
        Map<String, Object> ids = Map.of("jobId", SEED_ORACLE_JOB_ID, "includeId", SEED_ORACLE01_INCLUDE_ID);

        assertFinishedTask(send("direct:decommissioned", ids), true, null);
        Exchange duplicate = send("direct:decommissioned", ids);

        assertNull(duplicate.getException());
        assertNull(duplicate.getMessage().getBody());
        assertEquals(Boolean.TRUE, duplicate.getMessage().getHeader(VeeamEmConstants.ALREADY_DONE));
        assertEquals(List.of(202, 404), sim.getRequests("DELETE", "/api/jobs/.*").stream().map(RecordedRequest::status)
                .toList(), "EM no longer knew the include the duplicate asked to remove");
    }

    // ---- veeam-em-start-job-action

    @Test
    void startJobStartsTheJobOfItsPropertyByName() throws Exception {
        String researchJobId = "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a";
        sim.addJob(researchJobId, "R&D File Server");
        route("direct:start", "kamelet:" + START_JOB + "?" + connection() + "&jobId=RAW(R&D File Server)&format=json");

        Task task = assertFinishedTask(send("direct:start", Map.of()), true, "Job \"R&D File Server\" triggered to start.");

        assertEquals("StartJob", task.getOperation());
        assertEquals(1, sim.getRequests("GET", "/api/jobs").size(), "the job was found by its name");
        List<RecordedRequest> starts = sim.getRequests("POST", "/api/jobs/.*");
        assertEquals(1, starts.size());
        assertEquals("/api/jobs/" + researchJobId, starts.get(0).path());
        assertEquals("action=start", starts.get(0).query());
        assertTrue(starts.get(0).header("Accept").contains("json"), "format=json reached the endpoint");
        assertTrue(sim.getBackupSessions(researchJobId).stream()
                .anyMatch(session -> session.getState() == State.Working), "a session runs");
        assertLoggedOnWithTheRightPassword();
    }

    @Test
    void startJobTakesTheJobFromAHeaderAndOnlyEverStarts() throws Exception {
        route("direct:start", "kamelet:" + START_JOB + "?" + connection() + "&jobId=" + SEED_EXCHANGE_JOB_ID);

        // the header overrides the property; an operation header left by the caller does not change what it does
        Exchange result = send("direct:start", Map.of("jobId", SEED_ORACLE_JOB_ID, VeeamEmConstants.OPERATION, "stopJob"));

        assertEquals("StartJob", assertFinishedTask(result, true, null).getOperation());
        List<RecordedRequest> posts = sim.getRequests("POST", "/api/jobs/.*");
        assertEquals(List.of("/api/jobs/" + SEED_ORACLE_JOB_ID + "?action=start"),
                posts.stream().map(post -> post.path() + "?" + post.query()).toList());
    }

    @Test
    void startJobOfARunningJobFailsOrGivesTheFailedTask() throws Exception {
        route("direct:start", "kamelet:" + START_JOB + "?" + connection());
        route("direct:startLenient", "kamelet:" + START_JOB + "?" + connection() + "&failOnTaskError=false");
        sim.addBackupSession(SEED_ORACLE_JOB_ID, State.Working, Result.None, Instant.now(), null);

        Exception failure = send("direct:start", Map.of("jobId", SEED_ORACLE_JOB_ID)).getException();
        Exchange lenient = send("direct:startLenient", Map.of("jobId", SEED_ORACLE_JOB_ID));

        assertInstanceOf(VeeamEmTaskFailedException.class, failure);
        assertFinishedTask(lenient, false, null);
        assertEquals(2, sim.getRequests("POST", "/api/jobs/" + SEED_ORACLE_JOB_ID).size());
    }

    // ---- veeam-em-backup-session-source

    private MockEndpoint consume(String parameters) throws Exception {
        route("kamelet:" + SESSION_SOURCE + "?" + connection() + "&delay=100" + parameters, "mock:sessions");
        return getMockEndpoint("mock:sessions");
    }

    private static JsonNode json(Exchange exchange) throws Exception {
        return new ObjectMapper().readTree(exchange.getMessage().getBody(String.class));
    }

    @Test
    void sessionSourceEmitsTheFilteredFinishedSessionsAsJson() throws Exception {
        sim.addJob(ORDERS_JOB_ID, "Orders & Billing");
        Instant now = Instant.now();
        SimBackupSession failed = sim.addBackupSession(ORDERS_JOB_ID, State.Stopped, Result.Failed,
                now.minusSeconds(1200), now.minusSeconds(600));
        sim.addBackupSession(ORDERS_JOB_ID, State.Stopped, Result.Success, now.minusSeconds(900), now.minusSeconds(300));
        sim.addBackupSession(SEED_ORACLE_JOB_ID, State.Stopped, Result.Failed, now.minusSeconds(900), now.minusSeconds(300));

        MockEndpoint mock = consume("&jobName=RAW(Orders & Billing)&sessionResult=Failed&initialLookback=1h");

        await().atMost(Duration.ofSeconds(20)).until(() -> mock.getReceivedCounter() >= 1
                && sim.getRequests("GET", "/api/query").size() >= 3);
        assertEquals(1, mock.getReceivedCounter(), "only the failed session of the job, once");
        Exchange emitted = mock.getExchanges().get(0);
        JsonNode session = json(emitted);
        assertEquals("urn:veeam:BackupJobSession:" + failed.getId(), session.get("UID").asText());
        assertEquals("Orders & Billing", session.get("JobName").asText());
        assertEquals("urn:veeam:Job:" + ORDERS_JOB_ID, session.get("JobUid").asText());
        assertEquals("Stopped", session.get("State").asText());
        assertEquals("Failed", session.get("Result").asText());
        assertTrue(session.get("EndTimeUTC").asText().startsWith(now.minusSeconds(600).toString().substring(0, 16)),
                session.toString());
        assertFalse(session.has("endTime"), "only EM's properties, not the model's convenience getters");
        assertEquals(failed.getId(), emitted.getMessage().getHeader(VeeamEmConstants.BACKUP_SESSION_ID));
        assertEquals("Orders & Billing", emitted.getMessage().getHeader(VeeamEmConstants.JOB_NAME));
        assertTrue(emitted.getMessage().getHeader(Exchange.CONTENT_TYPE, String.class).startsWith("application/json"));

        String query = URLDecoder.decode(sim.getRequests("GET", "/api/query").get(0).query(), StandardCharsets.UTF_8);
        assertTrue(query.contains("type=BackupJobSession") && query.contains("JobName==\"Orders & Billing\"")
                && query.contains("Result==\"Failed\""), query);
        assertLoggedOnWithTheRightPassword();
    }

    @Test
    void sessionSourceWithoutFiltersEmitsTheSessionsOfEveryJob() throws Exception {
        Instant now = Instant.now();
        sim.addBackupSession(SEED_ORACLE_JOB_ID, State.Stopped, Result.Success, now.minusSeconds(900), now.minusSeconds(500));
        sim.addBackupSession(SEED_EXCHANGE_JOB_ID, State.Stopped, Result.Warning, now.minusSeconds(900), now.minusSeconds(400));

        MockEndpoint mock = consume("&initialLookback=1h");

        await().atMost(Duration.ofSeconds(20)).until(() -> mock.getReceivedCounter() >= 2);
        assertEquals(List.of("Oracle Backup", "Exchange Backup"),
                mock.getExchanges().stream().map(exchange -> exchange.getMessage().getHeader(VeeamEmConstants.JOB_NAME))
                        .toList());
        String query = URLDecoder.decode(sim.getRequests("GET", "/api/query").get(0).query(), StandardCharsets.UTF_8);
        assertFalse(query.contains("JobName"), query);
    }

    @Test
    void aJobStartedThroughOneKameletIsReportedByTheSource() throws Exception {
        MockEndpoint mock = consume("&jobName=RAW(Oracle Backup)");
        route("direct:start", "kamelet:" + START_JOB + "?" + connection());
        await().atMost(Duration.ofSeconds(20)).until(() -> !sim.getRequests("GET", "/api/query").isEmpty());

        assertFinishedTask(send("direct:start", Map.of("jobId", "Oracle Backup")), true, null);

        await().atMost(Duration.ofSeconds(20)).until(() -> mock.getReceivedCounter() >= 1);
        JsonNode session = json(mock.getExchanges().get(0));
        assertEquals("Oracle Backup", session.get("JobName").asText());
        assertEquals("Success", session.get("Result").asText());
        assertEquals(sim.getBackupSessions(SEED_ORACLE_JOB_ID).get(0).getId(),
                mock.getExchanges().get(0).getMessage().getHeader(VeeamEmConstants.BACKUP_SESSION_ID));
    }
}
