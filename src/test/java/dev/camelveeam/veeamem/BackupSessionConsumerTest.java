package dev.camelveeam.veeamem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import dev.camelveeam.veeamem.model.BackupJobSession;
import dev.camelveeam.veeamem.model.ReplicaJobSession;
import dev.camelveeam.veeamem.simulator.EmSimulator;
import dev.camelveeam.veeamem.simulator.SimBackupSession;
import dev.camelveeam.veeamem.simulator.SimBackupSession.Result;
import dev.camelveeam.veeamem.simulator.SimBackupSession.State;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The backupSessions consumer: each finished session exactly once across polls, page boundaries, out-of-order arrival
 * and a restart with a StateRepository. Every test watches its own job, so they share one simulator.
 */
class BackupSessionConsumerTest extends VeeamEmTestSupport {

    @RegisterExtension
    static final EmSimulatorExtension EM = new EmSimulatorExtension(
            simulator -> simulator.withBackupSessionRunTime(Duration.ofMillis(100)));

    private String consumerUri(String jobName, String extra) {
        return uri("backupSessions") + "&jobName=RAW(" + jobName + ")&delay=50&initialDelay=0&initialLookback=1h" + extra;
    }

    private MockEndpoint consume(String routeId, String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(routeId).to("mock:" + routeId);
            }
        });
        return getMockEndpoint("mock:" + routeId);
    }

    /** Waits until the consumer has polled EM {@code polls} more times, so that duplicates would have shown. */
    private void awaitPolls(int polls) {
        int before = sim.getRequests("GET", "/api/query").size();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> sim.getRequests("GET", "/api/query").size() >= before + polls);
    }

    private static void awaitReceived(MockEndpoint mock, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> mock.getReceivedCounter() >= count);
    }

    private static List<String> ids(MockEndpoint mock) {
        return mock.getExchanges().stream().map(exchange -> exchange.getMessage().getBody(BackupJobSession.class).getId())
                .toList();
    }

    private static SimBackupSession stopped(String jobId, Result result, Instant end) {
        return sim.addBackupSession(jobId, State.Stopped, result, end.minusSeconds(600), end);
    }

    @Test
    void emitsEachFinishedSessionOnceInEndTimeOrderAndCatchesLateOnes() throws Exception {
        String jobId = "2c6e8f10-4b3a-4d9e-8c7b-6a5f4e3d2c1b";
        sim.addJob(jobId, "Orders DB");
        Instant now = Instant.now();
        stopped(jobId, Result.Success, now.minus(Duration.ofHours(3)));
        SimBackupSession recent = stopped(jobId, Result.Failed, now.minus(Duration.ofMinutes(30)));
        sim.addBackupSession(jobId, State.Working, Result.None, now.minusSeconds(60), null);

        MockEndpoint mock = consume("orders", consumerUri("Orders DB", ""));
        mock.expectedMessageCount(1);
        mock.assertIsSatisfied();
        awaitPolls(3);
        assertEquals(List.of(recent.getId()), ids(mock),
                "once; the session beyond initialLookback and the running one are not emitted");
        assertEquals(recent.getId(), mock.getExchanges().get(0).getMessage().getHeader(VeeamEmConstants.BACKUP_SESSION_ID));

        List<SimBackupSession> burst = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            burst.add(stopped(jobId, Result.values()[1 + i % 3], now.plusSeconds(50L - 10L * i)));
        }
        awaitReceived(mock, 6);
        List<String> byEndTime = new ArrayList<>(burst.stream().map(SimBackupSession::getId).toList());
        Collections.reverse(byEndTime);
        assertEquals(byEndTime, ids(mock).subList(1, 6), "emitted in end-time order, not in arrival order");

        SimBackupSession late = stopped(jobId, Result.Warning, now.plusSeconds(5));
        awaitReceived(mock, 7);
        awaitPolls(3);
        assertEquals(7, mock.getReceivedCounter(), "nothing twice");
        assertEquals(late.getId(), ids(mock).get(6), "a session that ended before the latest one emitted, seen late");
    }

    @Test
    void emitsReplicaSessionsWithSessionTypeUnderAPositionOfTheirOwn() throws Exception {
        MemoryStateRepository repository = new MemoryStateRepository();
        context.getRegistry().bind("replicaPositions", repository);

        MockEndpoint mock = consume("replicas",
                uri("backupSessions") + "&sessionType=ReplicaJobSession&jobName=RAW(Web Replica)"
                                                + "&delay=50&initialDelay=0&initialLookback=7h"
                                                + "&stateRepository=#replicaPositions");
        mock.expectedMessageCount(1);
        mock.assertIsSatisfied();
        awaitPolls(2);

        assertEquals(1, mock.getReceivedCounter(), "once");
        ReplicaJobSession replica = mock.getExchanges().get(0).getMessage().getBody(ReplicaJobSession.class);
        assertEquals(EmSimulator.SEED_WEB_REPLICA_SESSION_ID, replica.getId());
        assertEquals("Replica", replica.getJobType());
        assertTrue(sim.getRequests("GET", "/api/query").stream()
                .allMatch(request -> request.query().startsWith("type=ReplicaJobSession&format=Entities")));
        String backupKey = String.join("|", "veeam-em:backupSessions", sim.getBaseUrl(), USER, "Web Replica", "");
        assertTrue(repository.getState(backupKey + "|ReplicaJobSession") != null, "the replica sessions' position");
        assertEquals(null, repository.getState(backupKey), "not the one of the job's backup sessions");
    }

    @Test
    void readsEveryPageAndEmitsNothingTwice() throws Exception {
        String jobId = "3d7f9a21-5c4b-4e0f-9d8c-7b6a5f4e3d2c";
        sim.addJob(jobId, "Web Farm Nightly");
        Instant start = Instant.now().minus(Duration.ofMinutes(50));
        for (int i = 0; i < 250; i++) {
            stopped(jobId, Result.Success, start.plusSeconds(i));
        }

        MockEndpoint mock = consume("webfarm", consumerUri("Web Farm Nightly", "&pageSize=100"));
        mock.expectedMessageCount(250);
        mock.assertIsSatisfied();
        awaitPolls(2);

        assertEquals(250, mock.getReceivedCounter());
        assertEquals(250, Set.copyOf(ids(mock)).size());
        assertTrue(sim.getRequests("GET", "/api/query").stream().anyMatch(request -> request.query().endsWith("page=3")),
                "the third page was read");
    }

    @Test
    void resumesWhereItLeftOffAfterARestart() throws Exception {
        String jobId = "4e8a0b32-6d5c-4f1a-8e9d-8c7b6a5f4e3d";
        sim.addJob(jobId, "Payroll");
        MemoryStateRepository positions = new MemoryStateRepository();
        context.getRegistry().bind("positions", positions);
        Instant now = Instant.now();
        for (int i = 0; i < 3; i++) {
            stopped(jobId, Result.Success, now.minus(Duration.ofMinutes(10 - i)));
        }
        String uri = consumerUri("Payroll", "&stateRepository=#positions");

        MockEndpoint first = consume("payroll", uri);
        first.expectedMessageCount(3);
        first.assertIsSatisfied();
        context.getRouteController().stopRoute("payroll");
        context.removeRoute("payroll");
        List<String> before = ids(first);

        SimBackupSession afterRestart = stopped(jobId, Result.Failed, now.plusSeconds(1));
        first.reset();
        MockEndpoint second = consume("payroll", uri);
        second.expectedMessageCount(1);
        second.assertIsSatisfied();
        awaitPolls(3);

        assertEquals(List.of(afterRestart.getId()), ids(second), "only the session that finished since; before: " + before);
    }

    @Test
    void aFailedExchangeIsEmittedAgainOnTheNextPoll() throws Exception {
        String jobId = "5f9b1c43-7e6d-4a2b-9f0e-9d8c7b6a5f4e";
        sim.addJob(jobId, "Ledger");
        SimBackupSession session = stopped(jobId, Result.Failed, Instant.now().minusSeconds(30));
        List<String> attempts = Collections.synchronizedList(new ArrayList<>());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(consumerUri("Ledger", "")).routeId("ledger")
                        .process(exchange -> {
                            attempts.add(exchange.getMessage().getBody(BackupJobSession.class).getId());
                            if (attempts.size() == 1) {
                                throw new IllegalStateException("alerting system down");
                            }
                        })
                        .to("mock:ledger");
            }
        });

        MockEndpoint mock = getMockEndpoint("mock:ledger");
        mock.expectedMessageCount(1);
        mock.assertIsSatisfied();
        awaitPolls(3);

        assertEquals(List.of(session.getId(), session.getId()), attempts, "at least once: retried after the failure");
        assertEquals(1, mock.getReceivedCounter());
    }

    @Test
    void aMissingPositionIsAWarnAndTheFirstPositionIsSavedAtOnce(@TempDir Path positions) throws Exception {
        String jobId = "6a0c2d54-8f7e-4b3c-a01f-ae9d8c7b6a5f";
        sim.addJob(jobId, "Archive");
        VeeamEmFileStateRepository store = new VeeamEmFileStateRepository(positions);
        context.getRegistry().bind("archivePositions", store);
        String uri = uri("backupSessions") + "&jobName=Archive&delay=50&initialDelay=0&stateRepository=#archivePositions";
        Instant firstStart = Instant.now();

        MockEndpoint first;
        try (LogCapture logs = LogCapture.attach()) {
            first = consume("archive", uri);
            awaitPolls(2);
            String warn = logs.lines().stream().filter(line -> line.contains("has no position")).findFirst().orElseThrow();
            assertTrue(warn.contains("taken for a first start") && warn.contains("now minus initialLookback"), warn);
        }
        try (Stream<Path> files = Files.list(positions)) {
            assertEquals(1, files.count(), "the first position is saved before any session");
        }
        context.getRouteController().stopRoute("archive");
        context.removeRoute("archive");

        // a session ends while no consumer runs; the next one (initialLookback 0) still emits it
        SimBackupSession whileDown = stopped(jobId, Result.Success, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        assertFalse(whileDown.getEndTime().isBefore(firstStart));
        first.reset();
        try (LogCapture logs = LogCapture.attach()) {
            MockEndpoint second = consume("archive", uri);
            second.expectedMessageCount(1);
            second.assertIsSatisfied();
            awaitPolls(2);
            assertEquals(List.of(whileDown.getId()), ids(second));
            assertTrue(logs.lines().stream().noneMatch(line -> line.contains("has no position")), "no WARN this time");
        }
    }
}
