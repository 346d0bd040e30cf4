package dev.camelveeam.veeamem;

import java.time.Duration;
import java.util.List;

import dev.camelveeam.veeamem.model.Task;
import dev.camelveeam.veeamem.simulator.Drop;
import dev.camelveeam.veeamem.simulator.RecordedRequest;
import dev.camelveeam.veeamem.simulator.RequestMatcher;
import dev.camelveeam.veeamem.simulator.TaskFault;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE01_INCLUDE_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE02_INCLUDE_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE_JOB_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each fault the simulator can inject, the component's answer to it, and what crossed the wire.
 */
class FaultToleranceTest extends VeeamEmTestSupport {

    private static final String TASKS = "/api/tasks/.*";
    private static final String INCLUDE = "/api/jobs/" + SEED_ORACLE_JOB_ID + "/includes/" + SEED_ORACLE01_INCLUDE_ID;

    @RegisterExtension
    static final EmSimulatorExtension EM = new EmSimulatorExtension();

    @BeforeEach
    void reseed() {
        sim.faults().clear();
        reseed(sim);
    }

    private Exchange remove(String extraOptions) {
        return removeInclude(uri("removeInclude") + "&jobId=" + SEED_ORACLE_JOB_ID + "&includeId="
                             + SEED_ORACLE01_INCLUDE_ID + extraOptions);
    }

    private static List<Integer> statuses(List<RecordedRequest> requests) {
        return requests.stream().map(RecordedRequest::status).toList();
    }

    @Test
    void pollsSurviveServerErrorsDroppedConnectionsAndGarbage() {
        sim.faults().answerNext(1, RequestMatcher.of("GET", TASKS), 503, "Service is in maintenance");
        sim.faults().answerNext(1, RequestMatcher.of("GET", TASKS), 500,
                "Object reference not set to an instance of an object.");
        sim.faults().dropNext(1, RequestMatcher.of("GET", TASKS), Drop.BEFORE_HANDLING);
        sim.faults().malformedNext(1, RequestMatcher.of("GET", TASKS));

        Task task = assertFinishedTask(remove(""), true, "Ok");

        List<RecordedRequest> polls = sim.getRequests("GET", TASKS);
        assertEquals(List.of(503, 500, -1, 200), statuses(polls).subList(0, 4), "four failed polls, each tried again");
        assertEquals(200, polls.get(polls.size() - 1).status());
        assertEquals("/api/tasks/" + task.getTaskId(), polls.get(0).path());
        assertEquals(1, sim.getRequests("DELETE", INCLUDE).size(), "the operation itself went out once");
    }

    @Test
    void pollsFailWithEveryCauseWhenTheRetriesRunOut() {
        sim.faults().answerNext(3, RequestMatcher.of("GET", TASKS), 503, "Service is in maintenance");

        Exception failure = remove("&pollRetries=2").getException();

        assertTrue(failure.getMessage().contains("failed 3 times in a row"), failure.getMessage());
        assertEquals(2, failure.getSuppressed().length, "the earlier attempts' causes are kept");
        assertInstanceOf(VeeamEmApiException.class, failure.getCause());
        assertEquals(503, ((VeeamEmApiException) failure.getCause()).getStatusCode());
        assertEquals(3, sim.getRequests("GET", TASKS).size());
    }

    @Test
    void aSlowPollTimesOutAndIsTriedAgain() {
        sim.faults().delayNext(1, RequestMatcher.of("GET", TASKS), Duration.ofSeconds(3));

        assertFinishedTask(remove("&responseTimeout=300"), true, "Ok");

        assertTrue(sim.getRequests("GET", TASKS).size() >= 2, "the timed-out poll was followed by another");
    }

    @Test
    void aChangeWhoseAnswerWasLostIsNotSentAgain() {
        sim.faults().dropNext(1, RequestMatcher.of("DELETE", INCLUDE), Drop.AFTER_HANDLING);

        Exception failure = remove("").getException();

        VeeamEmOutcomeUnknownException unknown = assertInstanceOf(VeeamEmOutcomeUnknownException.class, failure);
        assertEquals("DELETE", unknown.getMethod());
        assertTrue(unknown.getMessage().contains("may or may not have been carried out, so it was not sent again"),
                unknown.getMessage());
        assertEquals(1, sim.getRequests("DELETE", INCLUDE).size(), "sent once, never re-sent");
        assertEquals(-1, sim.getRequests("DELETE", INCLUDE).get(0).status());
    }

    @Test
    void aChangeWhoseAnswerTookTooLongIsNotSentAgain() {
        sim.faults().delayNext(1, RequestMatcher.of("DELETE", INCLUDE), Duration.ofSeconds(3));

        Exception failure = remove("&responseTimeout=300").getException();

        assertInstanceOf(VeeamEmOutcomeUnknownException.class, failure);
        assertEquals(1, sim.getRequests("DELETE", INCLUDE).size());
    }

    @Test
    void anExpiredSessionDuringAnOperationMeansOneRelogonAndOneRetry() {
        sim.faults().answerNext(1, RequestMatcher.of("DELETE", INCLUDE), 401, "Session has expired or does not exist");

        assertFinishedTask(remove(""), true, "Ok");

        assertEquals(List.of(401, 202), statuses(sim.getRequests("DELETE", INCLUDE)));
        assertEquals(2, sim.getRequests("POST", "/api/sessionMngr/").size());
    }

    @Test
    void aTaskWhoseSessionEndedIsReportedLost() {
        sim.faults().nextTask(TaskFault.runFor(Duration.ofSeconds(30)));
        sim.faults().answerNext(1, RequestMatcher.of("GET", TASKS), 401, "Session has expired or does not exist");

        Exception failure = remove("").getException();

        VeeamEmTaskLostException lost = assertInstanceOf(VeeamEmTaskLostException.class, failure);
        assertEquals("UpdateJob", lost.getLastSeen().getOperation());
        assertTrue(lost.getMessage().contains(lost.getLastSeen().getTaskId()) && lost.getMessage().contains("401"),
                lost.getMessage());
    }

    @Test
    void aVanishedTaskIsReportedLostWithItsIdAndOperation() {
        sim.faults().nextTask(TaskFault.vanish());

        Exception failure = remove("").getException();

        VeeamEmTaskLostException lost = assertInstanceOf(VeeamEmTaskLostException.class, failure);
        assertEquals("task-1", lost.getLastSeen().getTaskId());
        assertTrue(lost.getMessage().contains("EM task task-1 (UpdateJob) was lost"), lost.getMessage());
        assertTrue(lost.getCause().getMessage().contains("There is no backup task with id [task-1] in current rest session"),
                lost.getCause().getMessage());
    }

    @Test
    void aTaskThatFailsInEmFailsTheExchange() {
        sim.faults().nextTask(TaskFault.fail("Failed to update job: vCenter is unreachable"));

        VeeamEmTaskFailedException failed = assertInstanceOf(VeeamEmTaskFailedException.class, remove("").getException());

        assertEquals("Failed to update job: vCenter is unreachable", failed.getTask().getResult().getMessage());
        assertEquals(2, sim.getJob(SEED_ORACLE_JOB_ID).orElseThrow().getIncludes().size(), "nothing changed");
    }

    @Test
    void forbiddenSaysTheAccountLacksTheRole() {
        sim.faults().answerNext(1, RequestMatcher.of("DELETE", INCLUDE), 403, "Access denied");

        VeeamEmAccessDeniedException denied = assertInstanceOf(VeeamEmAccessDeniedException.class, remove("").getException());

        assertTrue(denied.getMessage().contains("the EM account '" + USER + "' lacks the EM role"), denied.getMessage());
        assertEquals("Access denied", denied.getEmMessage());
    }

    @Test
    void aTaskTimeoutCanCancelTheTask() {
        sim.faults().nextTask(TaskFault.runFor(Duration.ofMinutes(10)));

        VeeamEmTaskTimeoutException timeout = assertInstanceOf(VeeamEmTaskTimeoutException.class,
                remove("&taskTimeout=200&cancelTaskOnTimeout=true").getException());

        assertTrue(timeout.getMessage().contains("it was cancelled (DELETE answered 204)"), timeout.getMessage());
        assertEquals(List.of(204), statuses(sim.getRequests("DELETE", "/api/tasks/task-1")));
        assertEquals(2, sim.getJob(SEED_ORACLE_JOB_ID).orElseThrow().getIncludes().size(), "the change was not applied");
    }

    @Test
    void anUnreadableAcceptedAnswerSaysTheOperationWasAccepted() {
        sim.faults().malformedNext(1, RequestMatcher.of("DELETE", INCLUDE));

        Exception failure = remove("").getException();

        assertTrue(failure.getMessage().contains("EM accepted DELETE") && failure.getMessage().contains("could not be read"),
                failure.getMessage());
    }

    @Test
    void idempotentRemoveAndAddCompleteWhenAlreadyDone() {
        assertFinishedTask(remove("&idempotent=true"), true, "Ok");
        sim.clearRequests();

        Exchange again = remove("&idempotent=true");

        assertNull(again.getException());
        assertEquals(Boolean.TRUE, again.getMessage().getHeader(VeeamEmConstants.ALREADY_DONE));
        assertNull(again.getMessage().getBody());
        assertEquals(List.of(404), statuses(sim.getRequests("DELETE", INCLUDE)));
        assertTrue(sim.getRequests("GET", TASKS).isEmpty());

        Exchange addExisting = template.request(uri("addInclude") + "&idempotent=true&jobId=" + SEED_ORACLE_JOB_ID
                                                + "&hierarchyObjRef=urn:VMware:Vm:93fe5565-0ae7-4574-abb5-0f4ea8c5e9bd.vm-48912"
                                                + "&objectName=oracle02",
                exchange -> {
                });
        assertNull(addExisting.getException());
        assertEquals(Boolean.TRUE, addExisting.getMessage().getHeader(VeeamEmConstants.ALREADY_DONE));
        assertTrue(sim.getRequests("POST", "/api/jobs/.*").isEmpty(), "nothing was added twice");
        assertEquals(SEED_ORACLE02_INCLUDE_ID, sim.getJob(SEED_ORACLE_JOB_ID).orElseThrow().getIncludes().get(0).getId());
    }

    @Test
    void withoutIdempotentRemovingAGoneIncludeFails() {
        assertFinishedTask(remove(""), true, "Ok");

        VeeamEmApiException gone = assertInstanceOf(VeeamEmApiException.class, remove("").getException());

        assertEquals(404, gone.getStatusCode());
    }
}
