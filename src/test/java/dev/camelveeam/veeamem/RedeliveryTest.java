package dev.camelveeam.veeamem;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.camelveeam.veeamem.model.Task;
import dev.camelveeam.veeamem.simulator.Drop;
import dev.camelveeam.veeamem.simulator.RequestMatcher;
import dev.camelveeam.veeamem.simulator.SimBackupSession;
import dev.camelveeam.veeamem.simulator.SimJob;
import dev.camelveeam.veeamem.simulator.TaskFault;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE01_INCLUDE_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE_JOB_ID;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Camel's error handler redelivers an exchange whose change lost its answer after EM carried it out: the redelivery
 * settles the change (finds the task EM made for it and follows it) instead of sending it again, so EM makes each
 * change once and the exchange ends with what EM did. Duplicate messages with {@code idempotent=true} likewise make one
 * change.
 */
class RedeliveryTest extends VeeamEmTestSupport {

    private static final String ROOT = "93fe5565-0ae7-4574-abb5-0f4ea8c5e9bd";
    private static final String WEB01_REF = "urn:VMware:Vm:" + ROOT + ".vm-101";
    private static final String INCLUDE = "/api/jobs/.*/includes/.*";
    private static final String ORACLE_JOB = "/api/jobs/" + SEED_ORACLE_JOB_ID;

    @RegisterExtension
    static final EmSimulatorExtension EM = new EmSimulatorExtension();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                for (int delay : new int[] { 0, 1000 }) {
                    from("direct:redelivered-" + delay)
                            .errorHandler(defaultErrorHandler().maximumRedeliveries(3).redeliveryDelay(delay)
                                    .onRedelivery(exchange -> {
                                        if (exchange.getIn().getHeader("expireOnRedelivery") != null) {
                                            sim.expireAllSessions();
                                        }
                                    }))
                            .toD("${header.veeamUri}");
                }
            }
        };
    }

    @BeforeEach
    void seed() {
        reseed(sim);
        sim.faults().clear();
        sim.withBackupSessionRunTime(Duration.ofSeconds(1)).withNextBackupSessionResult(SimBackupSession.Result.Success);
    }

    @ParameterizedTest(name = "redelivery delay {0} ms")
    @ValueSource(ints = { 0, 1000 })
    void aRemovalWhoseAnswerWasLostAfterEmDidItIsNotSentAgain(int delay) {
        sim.faults().nextTask(TaskFault.runFor(Duration.ofMillis(800)));
        sim.faults().dropNext(1, RequestMatcher.of("DELETE", INCLUDE), Drop.AFTER_HANDLING);

        Exchange result = redelivered(delay, uri("removeInclude") + "&jobId=" + SEED_ORACLE_JOB_ID + "&includeId="
                                             + SEED_ORACLE01_INCLUDE_ID);

        Task task = assertFinishedTask(result, true, "Ok");
        assertEquals(1, sim.getRequests("DELETE", INCLUDE).size(), "one DELETE, never sent again");
        assertEquals(-1, sim.getRequests("DELETE", INCLUDE).get(0).status(), "its answer was lost");
        assertEquals(1, sim.getRequests("GET", "/api/tasks").size(), "the redelivery listed the session's tasks");
        assertTrue(sim.getRequests("GET", "/api/tasks/" + task.getTaskId()).size() >= 1, "and followed the task");
        assertTrue(job(SEED_ORACLE_JOB_ID).getIncludes().stream()
                .noneMatch(include -> include.getId().equals(SEED_ORACLE01_INCLUDE_ID)));
        assertNull(result.getProperty(VeeamEmProducer.PENDING_CHANGE), "nothing left pending");
    }

    @Test
    void aRemovalThatNeverReachedEmIsSentOnceMore() {
        sim.faults().dropNext(1, RequestMatcher.of("DELETE", INCLUDE), Drop.BEFORE_HANDLING);

        Exchange result = redelivered(0, uri("removeInclude") + "&jobId=" + SEED_ORACLE_JOB_ID + "&includeId="
                                         + SEED_ORACLE01_INCLUDE_ID);

        assertFinishedTask(result, true, "Ok");
        List<Integer> statuses = sim.getRequests("DELETE", INCLUDE).stream().map(request -> request.status()).toList();
        assertEquals(List.of(-1, 202), statuses, "EM never saw the first, so the second is the only change");
    }

    @ParameterizedTest(name = "redelivery delay {0} ms")
    @ValueSource(ints = { 0, 1000 })
    void anAdditionIsMadeOnce(int delay) {
        sim.faults().dropNext(1, RequestMatcher.of("POST", "/api/jobs/.*/includes"), Drop.AFTER_HANDLING);

        Exchange result = redelivered(delay, uri("addInclude") + "&jobId=" + SEED_ORACLE_JOB_ID + "&hierarchyObjRef="
                                             + WEB01_REF + "&objectName=web01");

        assertFinishedTask(result, true, "Ok");
        assertEquals(1, sim.getRequests("POST", "/api/jobs/.*/includes").size());
        assertEquals(1, job(SEED_ORACLE_JOB_ID).getIncludes().stream()
                .filter(include -> include.getHierarchyObjRef().equals(WEB01_REF)).count());
    }

    @ParameterizedTest(name = "{0}, redelivery delay {1} ms")
    @CsvSource({
            "startJob, 0", "stopJob, 0", "retryJob, 0", "toggleScheduleEnabled, 0", "cloneJob, 0",
            "startJob, 1000", "stopJob, 1000", "retryJob, 1000", "toggleScheduleEnabled, 1000", "cloneJob, 1000" })
    void aJobActionIsMadeOnce(String operation, int delay) {
        prepareFor(operation);
        String action = operation.equals("cloneJob") ? "clone" : operation.replace("Job", "");
        sim.faults().dropNext(1, RequestMatcher.of("POST", ORACLE_JOB), Drop.AFTER_HANDLING);
        boolean scheduleBefore = job(SEED_ORACLE_JOB_ID).isScheduleEnabled();
        int sessionsBefore = sim.getBackupSessions(SEED_ORACLE_JOB_ID).size();

        Exchange result = redelivered(delay, uri(operation) + "&jobId=" + SEED_ORACLE_JOB_ID
                                             + (operation.equals("cloneJob")
                                                     ? "&cloneJobName=Oracle%20Copy&cloneFolderName=oracle-copy"
                                                       + "&cloneRepositoryUid=urn:veeam:Repository:"
                                                       + "0c1b5a56-1d6e-4d5b-9a57-6a2b3c4d5e6f"
                                                     : ""));

        Task task = assertFinishedTask(result, true, null);
        assertEquals(1, sim.getRequests("POST", ORACLE_JOB).size(), "one " + action + " request");
        switch (operation) {
            case "startJob", "retryJob" -> assertEquals(sessionsBefore + 1, sim.getBackupSessions(SEED_ORACLE_JOB_ID).size());
            case "toggleScheduleEnabled" -> assertEquals(!scheduleBefore, job(SEED_ORACLE_JOB_ID).isScheduleEnabled());
            case "cloneJob" -> assertTrue(task.getLinks().stream().anyMatch(link -> "Oracle Copy".equals(link.getName())));
            default -> assertFalse(sim.getBackupSessions(SEED_ORACLE_JOB_ID).stream()
                    .anyMatch(session -> session.getState() == SimBackupSession.State.Working));
        }
    }

    @Test
    void whenTheSessionEndedTheChangeCannotBeCheckedAndIsNotRedelivered() {
        sim.faults().dropNext(1, RequestMatcher.of("DELETE", INCLUDE), Drop.AFTER_HANDLING);

        Exchange result = template.request("direct:redelivered-0", exchange -> {
            exchange.getMessage().setHeader("veeamUri", uri("removeInclude") + "&jobId=" + SEED_ORACLE_JOB_ID
                                                        + "&includeId=" + SEED_ORACLE01_INCLUDE_ID);
            exchange.getMessage().setHeader("expireOnRedelivery", true);
        });

        VeeamEmOutcomeUnknownException failure
                = assertInstanceOf(VeeamEmOutcomeUnknownException.class, result.getException());
        assertTrue(failure.getMessage().contains("cannot be checked") && failure.getMessage().contains("session"),
                failure.getMessage());
        assertEquals(1, result.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class),
                "redelivered once, to settle it, then not again");
        assertEquals(1, sim.getRequests("DELETE", INCLUDE).size());
    }

    @Test
    void concurrentDuplicatesMakeOneChange() {
        String addWeb01 = uri("addInclude") + "&idempotent=true&jobId=" + SEED_ORACLE_JOB_ID + "&hierarchyObjRef="
                          + WEB01_REF + "&objectName=web01";

        List<CompletableFuture<Exchange>> duplicates = List.of(
                template.asyncSend(addWeb01, exchange -> {
                }),
                template.asyncSend(addWeb01, exchange -> {
                }),
                template.asyncSend(addWeb01, exchange -> {
                }));
        List<Exchange> results = duplicates.stream().map(CompletableFuture::join).toList();

        assertEquals(1, sim.getRequests("POST", "/api/jobs/.*/includes").size(), "EM received one change");
        assertEquals(1, results.stream().filter(exchange -> exchange.getMessage().getBody() instanceof Task).count());
        assertEquals(2, results.stream()
                .filter(exchange -> Boolean.TRUE.equals(exchange.getMessage().getHeader(VeeamEmConstants.ALREADY_DONE)))
                .count(), "each duplicate completes as already done");
        assertTrue(results.stream().allMatch(exchange -> exchange.getException() == null));
    }

    @Test
    void sequentialDuplicatesMakeOneChange() {
        String removal = uri("removeInclude") + "&idempotent=true&jobId=" + SEED_ORACLE_JOB_ID + "&includeId="
                         + SEED_ORACLE01_INCLUDE_ID;

        Exchange first = template.request(removal, exchange -> {
        });
        Exchange second = template.request(removal, exchange -> {
        });

        assertFinishedTask(first, true, "Ok");
        assertNull(second.getException());
        assertEquals(true, second.getMessage().getHeader(VeeamEmConstants.ALREADY_DONE));
        assertEquals(List.of(202, 404), sim.getRequests("DELETE", INCLUDE).stream().map(r -> r.status()).toList(),
                "the duplicate's DELETE changed nothing");
    }

    private void prepareFor(String operation) {
        if (operation.equals("stopJob")) {
            sim.withBackupSessionRunTime(Duration.ofMinutes(5));
            assertFinishedTask(template.request(uri("startJob") + "&jobId=" + SEED_ORACLE_JOB_ID, exchange -> {
            }), true, null);
            sim.clearRequests();
        } else if (operation.equals("retryJob")) {
            sim.withNextBackupSessionResult(SimBackupSession.Result.Failed).withBackupSessionRunTime(Duration.ZERO);
            assertFinishedTask(template.request(uri("startJob") + "&jobId=" + SEED_ORACLE_JOB_ID, exchange -> {
            }), true, null);
            await().atMost(Duration.ofSeconds(10)).until(() -> sim.getBackupSessions(
                    SEED_ORACLE_JOB_ID).stream().allMatch(session -> session.getState() == SimBackupSession.State.Stopped));
            sim.withNextBackupSessionResult(SimBackupSession.Result.Success);
            sim.clearRequests();
        }
    }

    private Exchange redelivered(int delay, String veeamUri) {
        return template.request("direct:redelivered-" + delay,
                exchange -> exchange.getMessage().setHeader("veeamUri", veeamUri));
    }

    private static SimJob job(String id) {
        return sim.getJob(id).orElseThrow();
    }
}
