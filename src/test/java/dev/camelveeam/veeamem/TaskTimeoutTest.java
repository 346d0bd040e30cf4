package dev.camelveeam.veeamem;

import java.time.Duration;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE01_INCLUDE_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE_JOB_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A task that outlives taskTimeout ends the exchange with an exception that names it and its last state.
 */
class TaskTimeoutTest extends VeeamEmTestSupport {

    @RegisterExtension
    static final EmSimulatorExtension EM = new EmSimulatorExtension(
            simulator -> simulator.withTaskRunTime(Duration.ofHours(1)));

    @BeforeAll
    static void seed() {
        reseed(sim);
    }

    @Test
    void aTaskStillRunningAtTheTimeoutFailsTheExchange() {
        Exchange result = removeInclude(uri("removeInclude") + "&taskTimeout=300&jobId=" + SEED_ORACLE_JOB_ID
                                        + "&includeId=" + SEED_ORACLE01_INCLUDE_ID);

        VeeamEmTaskTimeoutException timeout = assertInstanceOf(VeeamEmTaskTimeoutException.class, result.getException());
        assertEquals("task-1", timeout.getLastSeen().getTaskId());
        assertEquals("Running", timeout.getLastSeen().getState());
        assertTrue(timeout.getMessage().contains("task-1") && timeout.getMessage().contains("Running"),
                timeout.getMessage());
        assertTrue(sim.getRequests("GET", "/api/tasks/task-1").size() >= 2, "polled until the deadline");
        assertEquals(2, sim.getJob(SEED_ORACLE_JOB_ID).orElseThrow().getIncludes().size(),
                "nothing happened yet on EM");
    }
}
