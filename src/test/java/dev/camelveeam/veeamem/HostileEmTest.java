package dev.camelveeam.veeamem;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.camelveeam.veeamem.model.Job;
import dev.camelveeam.veeamem.simulator.IdleClosingProxy;
import dev.camelveeam.veeamem.simulator.RequestMatcher;
import dev.camelveeam.veeamem.simulator.SimBackupSession;
import dev.camelveeam.veeamem.simulator.SimJob;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE01_INCLUDE_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE_JOB_ID;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An EM (or a network) that misbehaves in time or size: answers trickled byte by byte, answers far too large, a logon
 * that never answers in time, a refused connection, keep-alive connections closed while idle, and more pages than
 * allowed. Each ends the exchange with the documented exception, within seconds, sending nothing twice.
 */
class HostileEmTest extends VeeamEmTestSupport {

    private static final String INCLUDE = "/api/jobs/" + SEED_ORACLE_JOB_ID + "/includes/" + SEED_ORACLE01_INCLUDE_ID;
    private static final String LOGON = "/api/sessionMngr/";
    /** Far below any answer's length: a trickled answer would take minutes to arrive. */
    private static final int TRICKLE_BYTES_PER_SECOND = 4;
    /** "Failed at once": seconds, where waiting for the trickle or a default timeout would take minutes. */
    private static final Duration PROMPTLY = Duration.ofSeconds(15);

    @RegisterExtension
    static final EmSimulatorExtension EM = new EmSimulatorExtension();

    @BeforeEach
    void reseed() {
        sim.faults().clear();
        sim.withAnswerDelay(Duration.ZERO);
        reseed(sim);
    }

    private Exchange remove(String extraOptions) {
        return removeInclude(uri("removeInclude") + "&jobId=" + SEED_ORACLE_JOB_ID + "&includeId="
                             + SEED_ORACLE01_INCLUDE_ID + extraOptions);
    }

    private static Duration since(Instant start) {
        return Duration.between(start, Instant.now());
    }

    @Test
    void aTrickledAnswerToAChangeFailsAtTheResponseTimeoutWithOutcomeUnknown() {
        sim.faults().trickleNext(1, RequestMatcher.of("DELETE", INCLUDE), TRICKLE_BYTES_PER_SECOND);

        Instant start = Instant.now();
        Exchange result = remove("&responseTimeout=2000");
        Duration took = since(start);

        VeeamEmOutcomeUnknownException unknown = assertInstanceOf(VeeamEmOutcomeUnknownException.class,
                result.getException(), () -> causeChain(result.getException()));
        assertEquals("DELETE", unknown.getMethod());
        assertTrue(causeChain(unknown).contains("responseTimeout"), causeChain(unknown));
        assertTrue(took.compareTo(PROMPTLY) < 0, "failed after " + took.toMillis() + " ms, not when the trickle ended");
        assertEquals(1, sim.getRequests("DELETE", INCLUDE).size(), "sent once, never again");
        assertEquals(202, sim.getRequests("DELETE", INCLUDE).get(0).status(), "EM had accepted it");
        assertTrue(sim.getRequests("GET", "/api/tasks/.*").isEmpty(), "no task to follow");
    }

    @Test
    void aTrickledAnswerToAReadFailsAtTheResponseTimeout() {
        sim.faults().trickleNext(1, RequestMatcher.of("GET", "/api/jobs"), TRICKLE_BYTES_PER_SECOND);

        Instant start = Instant.now();
        Exchange result = template.request(uri("listJobs") + "&responseTimeout=2000", exchange -> {
        });
        Duration took = since(start);

        VeeamEmTransportException transport = assertInstanceOf(VeeamEmTransportException.class, result.getException(),
                () -> causeChain(result.getException()));
        assertTrue(transport.getMessage().contains("responseTimeout"), transport.getMessage());
        assertTrue(transport.isRequestSent());
        assertTrue(took.compareTo(PROMPTLY) < 0, "failed after " + took.toMillis() + " ms, not when the trickle ended");
        assertEquals(1, sim.getRequests("GET", "/api/jobs").size(), "a read that got no answer is not sent again");
    }

    @Test
    void anOversizedAnswerToAReadIsRefusedWithoutReadingIt() {
        sim.faults().oversizeNext(1, RequestMatcher.of("GET", "/api/jobs"), 50_000_000L);

        Instant start = Instant.now();
        Exchange result = template.request(uri("listJobs"), exchange -> {
        });
        Duration took = since(start);

        VeeamEmResponseTooLargeException tooLarge = assertInstanceOf(VeeamEmResponseTooLargeException.class,
                result.getException(), () -> causeChain(result.getException()));
        assertTrue(tooLarge.getMessage().contains("maxResponseSize"), tooLarge.getMessage());
        assertEquals(200, tooLarge.getStatusCode());
        assertTrue(took.compareTo(PROMPTLY) < 0, "refused after " + took.toMillis() + " ms");
        assertEquals(1, sim.getRequests("GET", "/api/jobs").size());

        Exchange again = template.request(uri("listJobs"), exchange -> {
        });
        assertNull(again.getException(), () -> causeChain(again.getException()));
        assertEquals(2, again.getMessage().getBody(List.class).size(), "the next answer is read normally");
        assertInstanceOf(Job.class, again.getMessage().getBody(List.class).get(0));
    }

    @Test
    void anOversizedAcceptedAnswerSaysEmReceivedTheRequest() {
        sim.faults().oversizeNext(1, RequestMatcher.of("DELETE", INCLUDE), 50_000_000L);

        Instant start = Instant.now();
        Exchange result = remove("");
        Duration took = since(start);

        VeeamEmResponseTooLargeException tooLarge = assertInstanceOf(VeeamEmResponseTooLargeException.class,
                result.getException(), () -> causeChain(result.getException()));
        assertTrue(tooLarge.getMessage().contains("maxResponseSize"), tooLarge.getMessage());
        assertTrue(tooLarge.getMessage().contains("EM received the request"), tooLarge.getMessage());
        assertEquals(202, tooLarge.getStatusCode());
        assertTrue(took.compareTo(PROMPTLY) < 0, "refused after " + took.toMillis() + " ms");
        assertEquals(1, sim.getRequests("DELETE", INCLUDE).size(), "sent once");
    }

    @Test
    void aLogonThatTimesOutIsALogonFailureAndTheOperationIsNotSent() {
        sim.faults().delayNext(1, RequestMatcher.of("POST", LOGON), Duration.ofSeconds(5));

        Instant start = Instant.now();
        Exchange failed = remove("&responseTimeout=1000");
        Duration took = since(start);

        VeeamEmLogonException logon = assertInstanceOf(VeeamEmLogonException.class, failed.getException(),
                () -> causeChain(failed.getException()));
        assertTrue(logon.getMessage().contains("the operation was not sent"), logon.getMessage());
        assertEquals(0, logon.getStatusCode());
        assertTrue(took.compareTo(PROMPTLY) < 0, "failed after " + took.toMillis() + " ms");
        assertEquals(1, sim.getRequests("POST", LOGON).size(), "the logon was not repeated");
        assertTrue(sim.getRequests("DELETE", "/api/jobs/.*").isEmpty(), "the operation never went out");

        Exchange next = remove("&responseTimeout=1000");

        assertFinishedTask(next, true, "Ok");
        assertEquals(2, sim.getRequests("POST", LOGON).size(), "the next exchange logged on afresh");
        assertEquals(1, sim.getRequests("DELETE", INCLUDE).size());
    }

    @Test
    void aLogonThatCannotConnectIsALogonFailure() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String uri = plainUri("removeInclude", "http://127.0.0.1:" + closedPort + "/api") + "&jobId="
                     + SEED_ORACLE_JOB_ID + "&includeId=" + SEED_ORACLE01_INCLUDE_ID + "&connectTimeout=2000";

        Instant start = Instant.now();
        Exchange failed = removeInclude(uri);
        Duration took = since(start);

        VeeamEmLogonException logon = assertInstanceOf(VeeamEmLogonException.class, failed.getException(),
                () -> causeChain(failed.getException()));
        assertTrue(logon.getMessage().contains("the operation was not sent"), logon.getMessage());
        assertFalse(causeChain(logon).contains("OutcomeUnknown"), causeChain(logon));
        assertTrue(took.compareTo(PROMPTLY) < 0, "failed after " + took.toMillis() + " ms");
    }

    @Test
    void keepAliveConnectionsClosedWhileIdleCostNoOperation() throws IOException {
        String jobId = "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a";
        SimJob job = sim.addJob(jobId, "Idle connections");
        List<String> includeIds = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String includeId = UUID.randomUUID().toString();
            includeIds.add(includeId);
            job.addInclude(includeId, "urn:VMware:Vm:93fe5565-0ae7-4574-abb5-0f4ea8c5e9bd.vm-" + (700 + i), "idle" + i);
        }
        sim.clearRequests();
        // Idle means a second without a byte: five times the longest wait between two polls, so that only the
        // connections left in the pool between operations are closed, not one in use on a busy machine.
        try (IdleClosingProxy proxy = new IdleClosingProxy("127.0.0.1", sim.getPort(), Duration.ofSeconds(1))) {
            String uri = plainUri("removeInclude", proxy.getBaseUrl("/api")) + "&jobId=" + jobId
                         + "&pollInitialDelay=20&pollMaxDelay=200";

            for (int i = 0; i < 5; i++) {
                if (i > 0) {
                    // The next operation goes as soon as EM has closed every connection: the pool still holds them.
                    int closedBefore = proxy.connectionsClosedIdle();
                    await().atMost(Duration.ofSeconds(20)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                            .until(() -> proxy.openConnections() == 0 && proxy.connectionsClosedIdle() > closedBefore);
                }
                String includeId = includeIds.get(i);
                Exchange result = template.request(uri,
                        exchange -> exchange.getMessage().setHeader(VeeamEmConstants.INCLUDE_ID, includeId));

                assertFinishedTask(result, true, "Ok");
            }

            assertEquals(5, sim.getRequests("DELETE", "/api/jobs/" + jobId + "/includes/.*").size(),
                    "five DELETEs, none sent twice");
            assertEquals(1, sim.getRequests("POST", LOGON).size(), "one logon: the session outlives connections");
            assertTrue(proxy.connectionsClosedIdle() >= 4, "EM closed idle connections " + proxy.connectionsClosedIdle()
                                                           + " times");
            assertEquals(1, job.getIncludes().size());
            context.stop(); // logs off through the proxy
        }
    }

    @Test
    void moreQueryPagesThanMaxPagesFailNamingTheOption() {
        Instant now = Instant.now();
        for (int i = 1; i <= 3; i++) {
            sim.addBackupSession(SEED_ORACLE_JOB_ID, SimBackupSession.State.Stopped, SimBackupSession.Result.Success,
                    now.minus(Duration.ofHours(i + 1)), now.minus(Duration.ofHours(i)));
        }

        Exchange result = template.request(uri("listBackupSessions") + "&pageSize=1&maxPages=2", exchange -> {
        });

        VeeamEmException failure = assertInstanceOf(VeeamEmException.class, result.getException());
        assertTrue(failure.getMessage().contains("maxPages (2)"), failure.getMessage());
        assertEquals(2, sim.getRequests("GET", "/api/query").size(), "two pages read, the third not asked for");
    }
}
