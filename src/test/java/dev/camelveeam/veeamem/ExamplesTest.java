package dev.camelveeam.veeamem;

import java.time.Duration;
import java.util.Map;

import dev.camelveeam.examples.RemoveIncludeRoute;
import dev.camelveeam.veeamem.simulator.EmSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_EXCHANGE_JOB_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_HIERARCHY_ROOT_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE01_INCLUDE_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE_JOB_ID;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The routes in examples/ run against the simulator in Camel Main: YAML DSL (timer-triggered remove, failed-session
 * alert), XML DSL (queue-triggered add, seda standing in for a broker) and Java DSL.
 */
class ExamplesTest {

    private EmSimulator sim;
    private Main main;

    @BeforeEach
    void startSimulator() {
        sim = new EmSimulator().start();
    }

    @AfterEach
    void stop() {
        main.stop();
        sim.close();
    }

    private CamelContext startMain(Map<String, String> extra, RoutesBuilder... routes) {
        main = new Main();
        for (RoutesBuilder route : routes) {
            main.configure().addRoutesBuilder(route);
        }
        Map.of("veeam.baseUrl", sim.getBaseUrl(), "veeam.username", EmSimulator.DEFAULT_USERNAME,
                "veeam.password", EmSimulator.DEFAULT_PASSWORD, "veeam.jobId", SEED_ORACLE_JOB_ID,
                "veeam.includeId", SEED_ORACLE01_INCLUDE_ID, "veeam.hierarchyRootId", SEED_HIERARCHY_ROOT_ID,
                "camel.component.veeam-em.baseUrl", sim.getBaseUrl(),
                "camel.component.veeam-em.username", EmSimulator.DEFAULT_USERNAME,
                "camel.component.veeam-em.password", "{{veeam.password}}")
                .forEach(main::addInitialProperty);
        extra.forEach(main::addInitialProperty);
        main.start();
        return main.getCamelContext();
    }

    @Test
    void yamlAndXmlExamplesRunOnTheirTriggers() {
        try (LogCapture logs = LogCapture.attach()) {
            runYamlAndXmlExamples(logs);
        }
    }

    private void runYamlAndXmlExamples(LogCapture logs) {
        CamelContext context = startMain(Map.of(
                "camel.main.routesIncludePattern",
                "file:examples/remove-include.yaml,file:examples/add-include-from-queue.xml,file:examples/alert-failed-sessions.yaml",
                "veeam.pollDelay", "100", "veeam.initialLookback", "24h"));

        await().atMost(Duration.ofSeconds(20)).until(() -> sim.getJob(SEED_ORACLE_JOB_ID).orElseThrow().getIncludes()
                .stream().noneMatch(include -> include.getId().equals(SEED_ORACLE01_INCLUDE_ID)));
        assertEquals(1, sim.getRequests("DELETE", "/api/jobs/" + SEED_ORACLE_JOB_ID + "/includes/.*").size(),
                "the timer route removed the include");

        context.createProducerTemplate().sendBodyAndHeaders("seda:vm.provisioned", null,
                Map.of(VeeamEmConstants.OBJECT_NAME, "web02", VeeamEmConstants.JOB_ID, "Exchange Backup"));
        await().atMost(Duration.ofSeconds(20)).until(() -> sim.getJob(SEED_EXCHANGE_JOB_ID).orElseThrow().getIncludes()
                .stream().anyMatch(include -> include.getName().equals("web02")));
        assertEquals(1, sim.getRequests("POST", "/api/jobs/" + SEED_EXCHANGE_JOB_ID + "/includes").size(),
                "the queue route added the VM after looking it up");
        assertEquals(1, sim.getRequests("GET", "/api/lookup").size());

        await().atMost(Duration.ofSeconds(20)).until(() -> logs.lines().stream()
                .anyMatch(line -> line.contains("Backup failed: job Oracle Backup, session "
                                                + EmSimulator.SEED_ORACLE_FAILED_SESSION_ID)));
        assertEquals(0, logs.lines().stream().filter(line -> line.contains("Backup failed: job Exchange Backup")).count(),
                "the Warning session is filtered out");
    }

    @Test
    void theJavaDslExampleRemovesTheInclude() {
        startMain(Map.of(), new RemoveIncludeRoute());

        await().atMost(Duration.ofSeconds(20)).until(() -> sim.getJob(SEED_ORACLE_JOB_ID).orElseThrow().getIncludes()
                .stream().noneMatch(include -> include.getId().equals(SEED_ORACLE01_INCLUDE_ID)));
        assertEquals(1, sim.getRequests("DELETE", "/api/jobs/.*").size());
    }
}
