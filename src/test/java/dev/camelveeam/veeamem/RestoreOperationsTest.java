package dev.camelveeam.veeamem;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.camelveeam.veeamem.model.RestoreSession;
import dev.camelveeam.veeamem.model.Task;
import dev.camelveeam.veeamem.simulator.Drop;
import dev.camelveeam.veeamem.simulator.EmSimulator.JsonCasing;
import dev.camelveeam.veeamem.simulator.RecordedRequest;
import dev.camelveeam.veeamem.simulator.RequestMatcher;
import dev.camelveeam.veeamem.simulator.SimRestoreSession;
import dev.camelveeam.veeamem.simulator.TaskFault;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_EXCH01_VM_RESTORE_POINT_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE01_VM_RESTORE_POINT_ID;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * restoreVm: the restore spec on the wire, the task, then the restore session polled until it ended; a restore that
 * fails in EM and one that outlasts restoreTimeout. In XML and in JSON of both casings.
 */
class RestoreOperationsTest extends VeeamEmTestSupport {

    @RegisterExtension
    static final EmSimulatorExtension EM = new EmSimulatorExtension(
            simulator -> simulator.withRestoreRunTime(Duration.ofMillis(300)));

    static Stream<Arguments> formats() {
        return Stream.of(Arguments.of(VeeamEmFormat.xml, JsonCasing.EM12), Arguments.of(VeeamEmFormat.json, JsonCasing.EM12),
                Arguments.of(VeeamEmFormat.json, JsonCasing.EM13));
    }

    private Exchange restore(String options, VeeamEmFormat format, String pointId) {
        return template.request(uri("restoreVm") + "&format=" + format + options, exchange -> {
            if (pointId != null) {
                exchange.getMessage().setHeader(VeeamEmConstants.VM_RESTORE_POINT_ID, pointId);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("formats")
    void restoresTheVmAndWaitsForTheRestoreSessionToEnd(VeeamEmFormat format, JsonCasing casing) {
        sim.withJsonCasing(casing);

        Exchange result = restore("&powerOnAfterRestore=true", format,
                "urn:veeam:VmRestorePoint:" + SEED_ORACLE01_VM_RESTORE_POINT_ID);

        assertNull(result.getException(), () -> causeChain(result.getException()));
        RestoreSession session = assertInstanceOf(RestoreSession.class, result.getMessage().getBody());
        assertEquals("Stopped", session.getState());
        assertEquals("Success", session.getResult());
        assertTrue(session.isSucceeded());
        assertEquals("oracle01", session.getVmDisplayName());
        assertEquals("RestoreVm", session.getJobType());
        assertNotNull(session.getEndTime());
        assertEquals(session.getId(), result.getMessage().getHeader(VeeamEmConstants.RESTORE_SESSION_ID));
        assertEquals("Finished", result.getMessage().getHeader(VeeamEmConstants.TASK_STATE));
        SimRestoreSession started = sim.getRestoreSessions().stream()
                .filter(restore -> restore.getId().equals(session.getId())).findFirst().orElseThrow();
        assertEquals(SEED_ORACLE01_VM_RESTORE_POINT_ID, started.getVmRestorePointId());

        List<RecordedRequest> posts = sim.getRequests("POST", "/api/vmRestorePoints/" + SEED_ORACLE01_VM_RESTORE_POINT_ID);
        assertEquals(1, posts.size());
        assertEquals("action=restore", posts.get(0).query());
        String body = posts.get(0).body().replace(" ", "");
        if (format == VeeamEmFormat.xml) {
            assertTrue(body.contains("<RestoreSpecxmlns=\"http://www.veeam.com/ent/v1.0\">") || body.contains("<RestoreSpec"),
                    body);
            assertTrue(body.contains("<VmRestoreSpec><PowerOnAfterRestore>true</PowerOnAfterRestore>"
                                     + "<QuickRollback>false</QuickRollback></VmRestoreSpec>"),
                    body);
        } else {
            assertEquals("{\"VmRestoreSpec\":{\"PowerOnAfterRestore\":true,\"QuickRollback\":false}}", body);
        }
        List<RecordedRequest> polls = sim.getRequests("GET", "/api/restoreSessions/" + session.getId());
        assertFalse(polls.isEmpty());
        assertTrue(polls.stream().allMatch(poll -> "format=Entity".equals(poll.query())));
    }

    @ParameterizedTest
    @MethodSource("formats")
    void restoresTheNewestRestorePointOfAVmGivenByName(VeeamEmFormat format, JsonCasing casing) {
        sim.withJsonCasing(casing);

        Exchange result = template.request(uri("restoreVm") + "&format=" + format + "&keepOriginalVm=true",
                exchange -> exchange.getMessage().setHeader(VeeamEmConstants.VM_NAME, "exch01"));

        assertNull(result.getException(), () -> causeChain(result.getException()));
        RestoreSession session = assertInstanceOf(RestoreSession.class, result.getMessage().getBody());
        assertEquals("exch01", session.getVmDisplayName());
        RecordedRequest query = sim.getRequests("GET", "/api/query").get(0);
        String decoded = java.net.URLDecoder.decode(query.query(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(decoded.contains("type=VmRestorePoint") && decoded.contains("filter=VmDisplayName==\"exch01\"")
                && decoded.contains("sortDesc=CreationTime") && decoded.contains("pageSize=1"), decoded);
        RecordedRequest post = sim.getRequests("POST", "/api/vmRestorePoints/" + SEED_EXCH01_VM_RESTORE_POINT_ID).get(0);
        assertTrue(post.body().contains("KeepOriginalVM"), post.body());
    }

    @Test
    void aVmWithoutARestorePointBeforeTheTimeIsNotRestored() {
        Exchange result = template.request(uri("restoreVm") + "&vmName=exch01&restorePointTime=2001-01-01T00:00:00Z",
                exchange -> {
                });

        VeeamEmException failure = assertInstanceOf(VeeamEmException.class, result.getException());
        assertTrue(failure.getMessage().contains("no restore point of a VM named 'exch01' created at or before"),
                failure.getMessage());
        assertTrue(sim.getRequests("POST", "/api/vmRestorePoints/.*").isEmpty());
    }

    @ParameterizedTest
    @MethodSource("formats")
    void aRestoreThatFailsInEmRaisesRestoreFailedWithTheSession(VeeamEmFormat format, JsonCasing casing) {
        sim.withJsonCasing(casing).withNextRestoreFailure("Datastore datastore1 is out of space");

        Exchange result = restore("", format, SEED_ORACLE01_VM_RESTORE_POINT_ID);

        VeeamEmRestoreFailedException failure = assertInstanceOf(VeeamEmRestoreFailedException.class,
                result.getException());
        assertEquals("Failed", failure.getSession().getResult());
        assertEquals("Stopped", failure.getSession().getState());
        assertEquals("Datastore datastore1 is out of space", failure.getSession().getFailureMessage());
        assertTrue(failure.getMessage().contains("Datastore datastore1 is out of space"), failure.getMessage());
        assertEquals(1, sim.getRequests("POST", "/api/vmRestorePoints/.*").size());
    }

    @Test
    void aRestoreThatOutlastsRestoreTimeoutFailsWithTheLastSeenSession() {
        sim.withRestoreRunTime(Duration.ofMinutes(10));

        Exchange result = restore("&restoreTimeout=400", VeeamEmFormat.xml, SEED_ORACLE01_VM_RESTORE_POINT_ID);

        VeeamEmSessionTimeoutException failure = assertInstanceOf(VeeamEmSessionTimeoutException.class,
                result.getException());
        RestoreSession lastSeen = assertInstanceOf(RestoreSession.class, failure.getLastSeen());
        assertFalse(lastSeen.isEnded());
        assertTrue(failure.getMessage().contains("restoreTimeout"), failure.getMessage());
        assertEquals(1, sim.getRequests("POST", "/api/vmRestorePoints/.*").size());
        await().atMost(Duration.ofSeconds(5)).until(() -> getVeeamEm().getResourcePoller().inFlightCount() == 0);
    }

    @Test
    void aFailedRestoreTaskIsTheTaskFailure() {
        sim.faults().nextTask(TaskFault.fail("The restore point is locked by another task"));

        Exchange result = restore("", VeeamEmFormat.xml, SEED_ORACLE01_VM_RESTORE_POINT_ID);

        VeeamEmTaskFailedException failure = assertInstanceOf(VeeamEmTaskFailedException.class, result.getException());
        Task task = failure.getTask();
        assertEquals("StartVMRestore", task.getOperation());
        assertTrue(sim.getRequests("GET", "/api/restoreSessions/.*").isEmpty());
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:redelivered")
                        .errorHandler(defaultErrorHandler().maximumRedeliveries(10).redeliveryDelay(0))
                        .toD("${header.veeamUri}");
            }
        };
    }

    @Test
    void aRestoreWhoseAnswerWasLostIsFollowedNotSentAgain() {
        sim.faults().dropNext(1, RequestMatcher.of("POST", "/api/vmRestorePoints/.*"), Drop.AFTER_HANDLING);

        Exchange result = template.request("direct:redelivered", exchange -> exchange.getMessage().setHeader("veeamUri",
                uri("restoreVm") + "&vmRestorePointId=" + SEED_ORACLE01_VM_RESTORE_POINT_ID));

        assertNull(result.getException(), () -> causeChain(result.getException()));
        RestoreSession session = assertInstanceOf(RestoreSession.class, result.getMessage().getBody());
        assertTrue(session.isSucceeded());
        List<RecordedRequest> posts = sim.getRequests("POST", "/api/vmRestorePoints/.*");
        assertEquals(1, posts.size(), "one restore, never sent again");
        assertEquals(-1, posts.get(0).status(), "its answer was lost");
        assertEquals(1, sim.getRestoreSessions().stream()
                .filter(restore -> restore.getVmRestorePointId().equals(SEED_ORACLE01_VM_RESTORE_POINT_ID)).count());
        assertNull(result.getProperty(VeeamEmProducer.PENDING_CHANGE), "nothing left pending");
    }

    @Test
    void aRedeliveryAfterRestoreTimeoutFollowsTheSameRestore() {
        sim.withRestoreRunTime(Duration.ofMillis(1500));

        Exchange result = template.request("direct:redelivered", exchange -> exchange.getMessage().setHeader("veeamUri",
                uri("restoreVm") + "&restoreTimeout=300&vmRestorePointId=" + SEED_ORACLE01_VM_RESTORE_POINT_ID));

        assertNull(result.getException(), () -> causeChain(result.getException()));
        RestoreSession session = assertInstanceOf(RestoreSession.class, result.getMessage().getBody());
        assertTrue(session.isSucceeded());
        assertTrue(result.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class) > 0, "it was redelivered");
        assertEquals(1, sim.getRequests("POST", "/api/vmRestorePoints/.*").size(), "the redeliveries did not restore again");
    }

    @Test
    void stoppingTheContextEndsTheWaitForTheRestoreSessionPromptly() throws Exception {
        sim.withRestoreRunTime(Duration.ofMinutes(10));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:restore").routeId("restore")
                        .to(plainUri("restoreVm", sim.getBaseUrl()) + "&pollInitialDelay=20&pollMaxDelay=60000"
                            + "&vmRestorePointId=" + SEED_ORACLE01_VM_RESTORE_POINT_ID);
            }
        });
        CompletableFuture<Exchange> pending = template.asyncSend("direct:restore", exchange -> {
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> !sim.getRequests("GET", "/api/restoreSessions/.*").isEmpty());

        long started = System.nanoTime();
        context.stop();
        long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertTrue(stopMillis < 5000, "stop took " + stopMillis + " ms");
        Exchange result = pending.get(5, TimeUnit.SECONDS);
        VeeamEmException failure = assertInstanceOf(VeeamEmException.class, result.getException());
        assertTrue(failure.getMessage().contains("Stopped waiting for EM restore session")
                && failure.getMessage().contains("the CamelContext is stopping"), failure.getMessage());
    }

    private VeeamEmComponent getVeeamEm() {
        return context.getComponent("veeam-em", VeeamEmComponent.class);
    }
}
