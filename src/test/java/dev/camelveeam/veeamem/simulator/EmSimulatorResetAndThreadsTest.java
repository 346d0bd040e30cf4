package dev.camelveeam.veeamem.simulator;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link EmSimulator#reset()}, and what the simulator leaves behind in the JVM: no thread after close, no system
 * property.
 */
class EmSimulatorResetAndThreadsTest {

    @Test
    void resetPutsBackTheStartSettingsTheSeedAndNothingElse() {
        try (EmSimulator sim = new EmSimulator().withUser("svc", "pw").withTaskRunTime(Duration.ofMillis(20)).start()) {
            int port = sim.getPort();
            SimTestClient client = new SimTestClient(sim);
            String token = client.logon("svc", "pw").headers().firstValue("X-RestSvcSessionId").orElseThrow();
            sim.removeAllJobs();
            sim.addJob("0f0f0f0f-0000-4000-8000-000000000001", "Test job");
            sim.withUser("other", "pw2").withAnswerDelay(Duration.ofSeconds(3)).withTaskRunTime(Duration.ofMinutes(1));
            sim.faults().answerNext(1, RequestMatcher.any(), 503, "down");

            sim.reset();

            assertEquals(port, sim.getPort());
            assertEquals(List.of(), sim.getRequests());
            assertEquals(0, sim.getLogonCount());
            assertEquals(0, sim.getActiveSessionCount());
            assertTrue(sim.getJob(EmSimulator.SEED_ORACLE_JOB_ID).isPresent());
            assertEquals(2, sim.getJob(EmSimulator.SEED_ORACLE_JOB_ID).orElseThrow().getIncludes().size());
            assertFalse(sim.getJob("0f0f0f0f-0000-4000-8000-000000000001").isPresent());
            assertEquals(2, sim.getBackupSessions(EmSimulator.SEED_ORACLE_JOB_ID).size());

            long started = System.nanoTime();
            assertEquals(401, client.get("/jobs", token).statusCode(), "the old session is gone (no 503: the fault is gone)");
            assertEquals(401, client.logon("other", "pw2").statusCode(), "users as at start");
            HttpResponse<String> logon = client.logon("svc", "pw");
            assertEquals(201, logon.statusCode());
            assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(2)) < 0, "no answer delay");
            String fresh = logon.headers().firstValue("X-RestSvcSessionId").orElseThrow();
            HttpResponse<String> task = client.delete("/jobs/" + EmSimulator.SEED_ORACLE_JOB_ID + "/includes/"
                                                      + EmSimulator.SEED_ORACLE01_INCLUDE_ID,
                    fresh);
            client.awaitTaskState(fresh, SimTestClient.taskId(task), "Finished"); // 20 ms again, not a minute
            assertEquals(1, sim.getLogonCount());
        }
    }

    @Test
    void resetNeedsARunningSimulator() {
        EmSimulator sim = new EmSimulator();
        assertThrows(IllegalStateException.class, sim::reset);
        sim.start().close();
        assertThrows(IllegalStateException.class, sim::reset);
    }

    @Test
    void closeEndsEveryThreadTheSimulatorStartedTheJdkDispatcherIncluded() {
        Set<Thread> before = new HashSet<>(Thread.getAllStackTraces().keySet());
        EmSimulator sim = new EmSimulator().start();
        SimTestClient client = new SimTestClient(sim);
        String token = client.logon();
        client.awaitTaskState(token, SimTestClient.taskId(client.delete("/jobs/" + EmSimulator.SEED_ORACLE_JOB_ID + "/includes/"
                                                                        + EmSimulator.SEED_ORACLE01_INCLUDE_ID,
                token)), "Finished");
        List<Thread> started = Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t))
                .filter(t -> t.getName().startsWith("em-simulator") || t.getName().startsWith("HTTP-Dispatcher")).toList();
        assertTrue(started.stream().anyMatch(t -> t.getName().equals("HTTP-Dispatcher") && !t.isDaemon()),
                () -> "the JDK server's dispatcher (non-daemon) among " + started);
        assertTrue(started.stream().filter(t -> t.getName().startsWith("em-simulator")).allMatch(Thread::isDaemon));

        sim.close();

        assertEquals(List.of(), started.stream().filter(Thread::isAlive).map(Thread::getName).toList());
    }

    @Test
    void startSetsNoSystemProperty() {
        String nodelay = System.getProperty("sun.net.httpserver.nodelay");
        System.clearProperty("sun.net.httpserver.nodelay");
        try (EmSimulator sim = new EmSimulator().start()) {
            assertNull(System.getProperty("sun.net.httpserver.nodelay"));
        } finally {
            if (nodelay != null) {
                System.setProperty("sun.net.httpserver.nodelay", nodelay);
            }
        }
    }
}
