package dev.camelveeam.veeamem;

import java.util.List;

import dev.camelveeam.veeamem.simulator.TaskFault;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_EXCH01_INCLUDE_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_EXCHANGE_JOB_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE01_INCLUDE_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE_JOB_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the component logs: one INFO line at logon and one at logoff, a DEBUG line per poll, and a line when a task
 * fails: DEBUG when the failure goes to the route, WARN when the failed task is the body, or the level of
 * taskFailedLoggingLevel.
 */
class LoggingTest extends VeeamEmTestSupport {

    @RegisterExtension
    static final EmSimulatorExtension EM = new EmSimulatorExtension();

    @BeforeAll
    static void seed() {
        reseed(sim);
    }

    @Test
    void logsLogonLogoffPollsAndFailedTasks() throws Exception {
        List<String> lines;
        try (LogCapture logs = LogCapture.attach()) {
            removeInclude(uri("removeInclude") + "&jobId=" + SEED_ORACLE_JOB_ID + "&includeId=" + SEED_ORACLE01_INCLUDE_ID);
            removeInclude(uri("removeInclude") + "&jobId=" + SEED_EXCHANGE_JOB_ID + "&includeId=" + SEED_EXCH01_INCLUDE_ID);
            context.stop();
            lines = logs.lines().stream().filter(line -> line.startsWith("dev.camelveeam")).distinct().toList();
        }

        assertEquals(1, count(lines, "EmConnection Logged on to Veeam EM at " + sim.getBaseUrl() + " as " + USER));
        assertEquals(1, count(lines, "EmConnection Logged off from Veeam EM at " + sim.getBaseUrl()));
        assertEquals(sim.getRequests("GET", "/api/tasks/.*").size(), count(lines, "TaskPoller EM task task-"),
                "one DEBUG line per poll");
        assertEquals(1, lines.stream().filter(line -> line.contains(".VeeamEmProducer EM task task-")
                && line.contains("(UpdateJob) failed: Cannot remove the last object"))
                .count());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "'', DEBUG", "&failOnTaskError=false, WARN", "&taskFailedLoggingLevel=ERROR, ERROR",
            "&failOnTaskError=false&taskFailedLoggingLevel=INFO, INFO" })
    void aFailedTaskIsLoggedAtTheChosenLevel(String options, String level) {
        reseed(sim);
        sim.faults().nextTask(TaskFault.fail("Simulated failure"));
        List<String> failures;
        try (LogCapture logs = LogCapture.attach()) {
            removeInclude(uri("removeInclude") + options + "&jobId=" + SEED_ORACLE_JOB_ID + "&includeId="
                          + SEED_ORACLE01_INCLUDE_ID);
            failures = logs.leveledLines().stream().filter(line -> line.contains("failed: Simulated failure")).distinct()
                    .toList();
        }

        assertEquals(1, failures.size(), failures.toString());
        assertTrue(failures.get(0).startsWith(level + " dev.camelveeam.veeamem.VeeamEmProducer EM task "), failures.get(0));
    }

    /** Lines whose logger's simple name and message start with {@code prefix} ("Logger message..."). */
    private static long count(List<String> lines, String prefix) {
        return lines.stream().filter(line -> line.contains("." + prefix)).count();
    }
}
