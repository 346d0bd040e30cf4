package dev.camelveeam.veeamem;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import dev.camelveeam.veeamem.model.Task;
import dev.camelveeam.veeamem.simulator.EmSimulator;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;

import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_EXCH01_INCLUDE_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_EXCHANGE_JOB_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE01_INCLUDE_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE02_INCLUDE_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE_JOB_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Camel tests against an embedded EM simulator whose tasks finish after a few tens of milliseconds. A test class starts
 * its simulator with an {@link EmSimulatorExtension} (or sets {@link #sim} itself); test classes run one after the
 * other, so one field serves them all.
 */
abstract class VeeamEmTestSupport extends CamelTestSupport {

    static final String USER = "svc-camel";
    static final String PASSWORD = "Pa55&word=!";

    static EmSimulator sim;

    static EmSimulator newSimulator() {
        return new EmSimulator()
                .withUser(USER, PASSWORD)
                .withTaskRunTime(Duration.ofMillis(30))
                .withTaskCollectTime(Duration.ofMillis(20));
    }

    /** Puts the simulator's jobs back to the seed and forgets what it recorded. */
    static void reseed(EmSimulator sim) {
        sim.removeAllJobs();
        sim.addJob(SEED_ORACLE_JOB_ID, "Oracle Backup")
                .addInclude(SEED_ORACLE01_INCLUDE_ID, "urn:VMware:Vm:93fe5565-0ae7-4574-abb5-0f4ea8c5e9bd.vm-48911",
                        "oracle01")
                .addInclude(SEED_ORACLE02_INCLUDE_ID, "urn:VMware:Vm:93fe5565-0ae7-4574-abb5-0f4ea8c5e9bd.vm-48912",
                        "oracle02");
        sim.addJob(SEED_EXCHANGE_JOB_ID, "Exchange Backup")
                .addInclude(SEED_EXCH01_INCLUDE_ID, "urn:VMware:Vm:93fe5565-0ae7-4574-abb5-0f4ea8c5e9bd.vm-7870",
                        "exch01");
        sim.clearRequests();
    }

    /** An endpoint URI with the simulator's address and good credentials (the password needs RAW). */
    String uri(String operation) {
        return simulatorUri(operation, USER, PASSWORD);
    }

    String simulatorUri(String operation, String user, String password) {
        return "veeam-em:" + operation + "?baseUrl=" + sim.getBaseUrl() + "&username=" + user
               + "&password=RAW(" + password + ")&pollInitialDelay=20&pollMaxDelay=200";
    }

    /** An endpoint URI with the given base URL and good credentials, and no other option: the component's defaults. */
    static String plainUri(String operation, String baseUrl) {
        return "veeam-em:" + operation + "?baseUrl=" + baseUrl + "&username=" + USER + "&password=RAW(" + PASSWORD + ")";
    }

    /** The messages of the failure and its causes, one a line. */
    static String causeChain(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }

    /** The names of the live threads whose name contains {@code part}, sorted. */
    static List<String> liveThreads(String part) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().contains(part))
                .map(Thread::getName).sorted().toList();
    }

    Exchange removeInclude(String uri) {
        return template.request(uri, exchange -> {
        });
    }

    static Task assertFinishedTask(Exchange result, boolean success, String message) {
        assertNull(result.getException(), () -> "unexpected failure: " + result.getException());
        Task task = assertInstanceOf(Task.class, result.getMessage().getBody());
        assertEquals("Finished", task.getState());
        assertNotNull(task.getResult());
        assertEquals(success, task.getResult().isSuccess());
        if (message != null) {
            assertEquals(message, task.getResult().getMessage());
        }
        assertEquals(task.getTaskId(), result.getMessage().getHeader(VeeamEmConstants.TASK_ID));
        assertEquals("Finished", result.getMessage().getHeader(VeeamEmConstants.TASK_STATE));
        return task;
    }

    static String basicAuth(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
