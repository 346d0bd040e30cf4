package dev.camelveeam.veeamem;

import java.time.Duration;
import java.util.List;

import dev.camelveeam.veeamem.model.Task;
import dev.camelveeam.veeamem.simulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_EXCH01_INCLUDE_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_EXCHANGE_JOB_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE01_INCLUDE_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE02_INCLUDE_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE_JOB_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * removeInclude against the simulator in XML: the whole conversation, checked on both ends of the wire.
 */
class RemoveIncludeTest extends VeeamEmTestSupport {

    @RegisterExtension
    static final EmSimulatorExtension EM = new EmSimulatorExtension();

    @BeforeEach
    void reseed() {
        reseed(sim);
    }

    @Test
    void removesTheIncludeAndReturnsTheFinishedTask() {
        Exchange result = removeInclude(uri("removeInclude") + "&jobId=" + SEED_ORACLE_JOB_ID + "&includeId="
                                        + SEED_ORACLE01_INCLUDE_ID);

        Task task = assertFinishedTask(result, true, "Ok");
        assertEquals("UpdateJob", task.getOperation());
        assertEquals("Delete", task.getLinks().get(0).getRel());
        assertTrue(task.getLinks().get(0).getHref().endsWith("/api/tasks/" + task.getTaskId()));
        assertFalse(sim.getJob(SEED_ORACLE_JOB_ID).orElseThrow().getIncludes().stream()
                .anyMatch(include -> include.getId().equals(SEED_ORACLE01_INCLUDE_ID)),
                "the include is gone from the job on the simulator");

        List<RecordedRequest> wire = sim.getRequests();
        RecordedRequest logon = wire.get(0);
        assertEquals("POST", logon.method());
        assertEquals("/api/sessionMngr/", logon.path());
        assertEquals("v=latest", logon.query());
        assertEquals(basicAuth(USER, PASSWORD), logon.header("Authorization"));
        assertEquals(201, logon.status());

        RecordedRequest delete = wire.get(1);
        assertEquals("DELETE", delete.method());
        assertEquals("/api/jobs/" + SEED_ORACLE_JOB_ID + "/includes/" + SEED_ORACLE01_INCLUDE_ID, delete.path());
        assertEquals(202, delete.status());
        assertEquals("application/xml", delete.header("Accept"));
        String token = delete.header("X-RestSvcSessionId");
        assertNotNull(token, "the session token is sent on the operation");
        assertEquals(null, delete.header("Authorization"), "credentials are sent only to log on");

        List<RecordedRequest> polls = wire.subList(2, wire.size());
        assertFalse(polls.isEmpty(), "the task was polled");
        for (RecordedRequest poll : polls) {
            assertEquals("GET", poll.method());
            assertEquals("/api/tasks/" + task.getTaskId(), poll.path());
            assertEquals(token, poll.header("X-RestSvcSessionId"), "polled in the session that created the task");
            assertEquals(200, poll.status());
        }
        assertEquals(1, sim.getRequests("POST", "/api/sessionMngr/").size(), "one logon");
    }

    @Test
    void withoutAnInitialDelayTheFirstPollGoesOutAtOnce() {
        sim.withTaskRunTime(Duration.ZERO).withTaskCollectTime(Duration.ZERO);
        try {
            Exchange result = template.request("veeam-em:removeInclude?pollInitialDelay=0&baseUrl=" + sim.getBaseUrl()
                                               + "&username=" + USER + "&password=RAW(" + PASSWORD + ")&jobId="
                                               + SEED_ORACLE_JOB_ID + "&includeId=" + SEED_ORACLE01_INCLUDE_ID,
                    exchange -> {
                    });

            assertFinishedTask(result, true, "Ok");
            assertFalse(sim.getRequests("GET", "/api/tasks/.*").isEmpty());
        } finally {
            sim.withTaskRunTime(Duration.ofMillis(30)).withTaskCollectTime(Duration.ofMillis(20));
        }
    }

    @Test
    void headersOverrideTheEndpointOptions() {
        Exchange result = template.request(uri("removeInclude") + "&jobId=" + SEED_EXCHANGE_JOB_ID + "&includeId="
                                           + SEED_EXCH01_INCLUDE_ID,
                exchange -> {
                    exchange.getMessage().setHeader(VeeamEmConstants.JOB_ID, "urn:veeam:Job:" + SEED_ORACLE_JOB_ID);
                    exchange.getMessage().setHeader(VeeamEmConstants.INCLUDE_ID, SEED_ORACLE02_INCLUDE_ID);
                });

        assertFinishedTask(result, true, "Ok");
        assertEquals(1, sim.getRequests("DELETE",
                "/api/jobs/" + SEED_ORACLE_JOB_ID + "/includes/" + SEED_ORACLE02_INCLUDE_ID).size(),
                "the URN job id travels as its GUID");
        assertEquals(1, sim.getJob(SEED_EXCHANGE_JOB_ID).orElseThrow().getIncludes().size());
    }

    @Test
    void componentLevelOptionsServeEveryEndpoint() {
        VeeamEmComponent component = context.getComponent("veeam-em", VeeamEmComponent.class);
        component.getConfiguration().setBaseUrl(sim.getBaseUrl().replace("/api", ""));
        component.getConfiguration().setUsername(USER);
        component.getConfiguration().setPassword(PASSWORD);
        component.getConfiguration().setPollInitialDelay(20);

        Exchange result = removeInclude("veeam-em:removeInclude?jobId=" + SEED_ORACLE_JOB_ID + "&includeId="
                                        + SEED_ORACLE01_INCLUDE_ID);

        assertFinishedTask(result, true, "Ok");
        assertEquals(1, sim.getRequests("DELETE", "/api/jobs/.*").size());
    }

    @Test
    void aFailedTaskRaisesTaskFailedExceptionCarryingTheTask() {
        Exchange result = removeInclude(uri("removeInclude") + "&jobId=" + SEED_EXCHANGE_JOB_ID + "&includeId="
                                        + SEED_EXCH01_INCLUDE_ID);

        VeeamEmTaskFailedException failure = assertInstanceOf(VeeamEmTaskFailedException.class, result.getException());
        assertEquals("Finished", failure.getTask().getState());
        assertFalse(failure.getTask().getResult().isSuccess());
        assertTrue(failure.getMessage().contains(failure.getTask().getTaskId()), failure.getMessage());
        assertTrue(failure.getMessage().contains(failure.getTask().getResult().getMessage()), failure.getMessage());
        assertEquals(1, sim.getJob(SEED_EXCHANGE_JOB_ID).orElseThrow().getIncludes().size(), "EM kept the include");
        assertEquals(1, sim.getRequests("DELETE", "/api/jobs/.*").size());
    }

    @Test
    void withFailOnTaskErrorOffTheFailedTaskIsTheBody() {
        Exchange result = removeInclude(uri("removeInclude") + "&failOnTaskError=false&jobId=" + SEED_EXCHANGE_JOB_ID
                                        + "&includeId=" + SEED_EXCH01_INCLUDE_ID);

        assertFinishedTask(result, false, null);
    }

    @Test
    void anEmErrorRaisesApiExceptionWithStatusMessageMethodAndPath() {
        String unknownInclude = "00000000-0000-0000-0000-000000000001";
        Exchange result = removeInclude(uri("removeInclude") + "&jobId=" + SEED_ORACLE_JOB_ID + "&includeId="
                                        + unknownInclude);

        VeeamEmApiException failure = assertInstanceOf(VeeamEmApiException.class, result.getException());
        assertEquals(404, failure.getStatusCode());
        assertEquals("DELETE", failure.getMethod());
        assertEquals("/jobs/" + SEED_ORACLE_JOB_ID + "/includes/" + unknownInclude, failure.getPath());
        assertNotNull(failure.getEmMessage(), "EM's own message is kept");
        assertTrue(failure.getMessage().contains(failure.getEmMessage()));
        assertEquals(404, sim.getRequests("DELETE", "/api/jobs/.*").get(0).status());
        assertTrue(sim.getRequests("GET", "/api/tasks/.*").isEmpty(), "no task to poll");
    }

    @Test
    void expiredSessionIsReopenedOnceAndTheRequestRetried() {
        sim.getJob(SEED_ORACLE_JOB_ID).orElseThrow()
                .addInclude("5d0b3c1e-6a43-4f0e-8a53-2f8e1d3c9b70",
                        "urn:VMware:Vm:93fe5565-0ae7-4574-abb5-0f4ea8c5e9bd.vm-48913",
                        "oracle03");
        int logonsBefore = sim.getLogonCount();
        assertFinishedTask(removeInclude(uri("removeInclude") + "&jobId=" + SEED_ORACLE_JOB_ID + "&includeId="
                                         + SEED_ORACLE01_INCLUDE_ID),
                true, "Ok");
        sim.expireAllSessions();
        sim.clearRequests();

        assertFinishedTask(removeInclude(uri("removeInclude") + "&jobId=" + SEED_ORACLE_JOB_ID + "&includeId="
                                         + SEED_ORACLE02_INCLUDE_ID),
                true, "Ok");

        List<RecordedRequest> wire = sim.getRequests();
        assertEquals("DELETE", wire.get(0).method());
        assertEquals(401, wire.get(0).status(), "the old session was refused");
        assertEquals("POST", wire.get(1).method());
        assertEquals(201, wire.get(1).status(), "one new logon");
        assertEquals("DELETE", wire.get(2).method());
        assertEquals(202, wire.get(2).status(), "the request was sent again in the new session");
        assertFalse(wire.get(0).header("X-RestSvcSessionId").equals(wire.get(2).header("X-RestSvcSessionId")));
        assertEquals(logonsBefore + 2, sim.getLogonCount());
    }

    @Test
    void badCredentialsFailClearlyAndSendNothingElse() {
        Exchange result = removeInclude(simulatorUri("removeInclude", USER, "wrong-password") + "&jobId="
                                        + SEED_ORACLE_JOB_ID + "&includeId=" + SEED_ORACLE01_INCLUDE_ID);

        VeeamEmLogonException failure = assertInstanceOf(VeeamEmLogonException.class, result.getException());
        assertEquals(401, failure.getStatusCode());
        assertTrue(failure.getMessage().contains("username and password"), failure.getMessage());
        assertFalse(failure.getMessage().contains("wrong-password"));
        List<RecordedRequest> wire = sim.getRequests();
        assertEquals(1, wire.size(), "only the logon went out");
        assertEquals(401, wire.get(0).status());
    }

    @Test
    void logsOffWhenTheComponentStops() {
        assertFinishedTask(removeInclude(uri("removeInclude") + "&jobId=" + SEED_ORACLE_JOB_ID + "&includeId="
                                         + SEED_ORACLE01_INCLUDE_ID),
                true, "Ok");
        String token = sim.getRequests("DELETE", "/api/jobs/.*").get(0).header("X-RestSvcSessionId");

        context.stop();

        List<RecordedRequest> logoffs = sim.getRequests("DELETE", "/api/logonSessions/.*");
        assertEquals(1, logoffs.size());
        assertEquals(204, logoffs.get(0).status());
        assertEquals(token, logoffs.get(0).header("X-RestSvcSessionId"));
        assertEquals(0, sim.getActiveSessionCount());
    }
}
