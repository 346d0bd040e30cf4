package dev.camelveeam.veeamem.simulator.junit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.camelveeam.veeamem.simulator.EmSimulator;
import dev.camelveeam.veeamem.simulator.RequestMatcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The public extension as a test class uses it: configured once, one simulator for the class, fresh for each test. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmSimulatorExtensionTest {

    private static final String EXTRA_JOB_ID = "0f0f0f0f-0000-4000-8000-000000000002";
    private static final List<EmSimulator> SEEN = new ArrayList<>();

    @RegisterExtension
    static final EmSimulatorExtension EM = new EmSimulatorExtension()
            .configure(sim -> sim.withUser("svc", "pw"))
            .configure(sim -> sim.withTaskRunTime(Duration.ofMillis(20)))
            .beforeEachTest(sim -> sim.addJob(EXTRA_JOB_ID, "Per-test job"));

    @BeforeAll
    static void runningBeforeTheClassesOwnSetUp() {
        assertTrue(EM.getBaseUrl().startsWith("http://127.0.0.1:"));
        assertThrows(IllegalStateException.class, () -> EM.configure(sim -> {
        }));
    }

    @AfterAll
    static void oneSimulatorForTheClassClosedAfterIt() {
        assertEquals(3, SEEN.size());
        assertTrue(SEEN.stream().allMatch(sim -> sim == SEEN.get(0)));
    }

    @Test
    @Order(1)
    void aTestMayChangeAnything(EmSimulator sim) {
        SEEN.add(sim);
        assertSame(EM.simulator(), sim);
        sim.removeAllJobs();
        sim.withAnswerDelay(Duration.ofSeconds(5)).withUser("late", "pw");
        sim.faults().answerNext(5, RequestMatcher.any(), 500, "broken");
        sim.expireAllSessions();
    }

    @Test
    @Order(2)
    void theNextStartsFromTheSeedTheConfigurationAndTheBeforeEachStep(EmSimulator sim) {
        SEEN.add(sim);
        assertTrue(sim.getJob(EmSimulator.SEED_ORACLE_JOB_ID).isPresent());
        assertTrue(sim.getJob(EXTRA_JOB_ID).isPresent());
        assertEquals(0, sim.getRequests().size());
        assertEquals(0, sim.getLogonCount());
    }

    @Test
    @Order(3)
    void theConfigurationHolds() throws Exception {
        SEEN.add(EM.simulator());
        java.net.http.HttpResponse<String> logon
                = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build().send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(EM.getBaseUrl() + "/sessionMngr/?v=latest"))
                                .header("Authorization",
                                        "Basic " + java.util.Base64.getEncoder().encodeToString("svc:pw".getBytes()))
                                .timeout(Duration.ofSeconds(2)) // the 5 s answer delay of the first test is gone
                                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(201, logon.statusCode());
    }

    @Nested
    class Nested1 {

        @Test
        void sharesTheOuterSimulator(EmSimulator sim) {
            assertSame(EM.simulator(), sim);
            assertTrue(sim.getJob(EXTRA_JOB_ID).isPresent());
        }
    }

    @Test
    void outsideATestClassThereIsNoSimulator() {
        assertThrows(IllegalStateException.class, () -> new EmSimulatorExtension().simulator());
    }
}
