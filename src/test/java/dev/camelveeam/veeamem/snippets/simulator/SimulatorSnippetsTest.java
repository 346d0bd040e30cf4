package dev.camelveeam.veeamem.snippets.simulator;

import java.time.Duration;

import dev.camelveeam.veeamem.simulator.Drop;
import dev.camelveeam.veeamem.simulator.EmSimulator;
import dev.camelveeam.veeamem.simulator.RequestMatcher;
import dev.camelveeam.veeamem.simulator.SimFaults;
import dev.camelveeam.veeamem.simulator.TaskFault;
import dev.camelveeam.veeamem.simulator.tls.TestCertificates;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The short Java snippets of docs/simulator.md, each between {@code tag::name[]} and {@code end::name[]} (the page
 * shows them exactly: SnippetsInDocsTest), run here. Keep the formatter off the regions.
 */
class SimulatorSnippetsTest {

    @Test
    void tryWithResources() {
        // CHECKSTYLE:OFF
        // tag::try-with-resources[]
        try (EmSimulator sim = new EmSimulator().start()) {
            String baseUrl = sim.getBaseUrl();   // the component's baseUrl: http://127.0.0.1:<port>/api
            // end::try-with-resources[]
            assertTrue(baseUrl.startsWith("http://127.0.0.1:"), baseUrl);
            // tag::try-with-resources[]
        }
        // end::try-with-resources[]
        // CHECKSTYLE:ON
    }

    @Test
    void faults() {
        try (EmSimulator sim = new EmSimulator()) {
            // CHECKSTYLE:OFF
            // tag::faults[]
            SimFaults faults = sim.faults();
            RequestMatcher removals = RequestMatcher.of("DELETE", "/api/jobs/.*/includes/.*");

            faults.answerNext(1, removals, 503, "The service is temporarily unavailable.");
            faults.delayNext(1, RequestMatcher.of("GET", "/api/tasks/.*"), Duration.ofSeconds(2));
            faults.dropNext(1, removals, Drop.AFTER_HANDLING);
            faults.malformedNext(1, RequestMatcher.any());
            faults.trickleNext(1, RequestMatcher.of("GET", "/api/tasks/.*"), 40);   // bytes per second
            faults.oversizeNext(1, RequestMatcher.of("GET", "/api/jobs"), 200_000_000L);
            faults.nextTask(TaskFault.fail("Simulated failure."));
            faults.clear();
            // end::faults[]
            // CHECKSTYLE:ON
        }
    }

    @Test
    void tls() {
        // CHECKSTYLE:OFF
        // tag::tls[]
        try (EmSimulator sim = new EmSimulator()
                .withTls(TestCertificates.serverKeyStore(), TestCertificates.PASSWORD.toCharArray())
                .start()) {
            String baseUrl = sim.getBaseUrl();   // https://localhost:<port>/api
            // trust TestCertificates.caTrustStore() (or the file caTrustStorePath(), password TestCertificates.PASSWORD)
            // end::tls[]
            assertTrue(baseUrl.startsWith("https://localhost:"), baseUrl);
            // tag::tls[]
        }
        // end::tls[]
        // CHECKSTYLE:ON
    }
}
