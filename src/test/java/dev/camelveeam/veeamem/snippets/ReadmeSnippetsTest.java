package dev.camelveeam.veeamem.snippets;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import dev.camelveeam.veeamem.VeeamEmConstants;
import dev.camelveeam.veeamem.model.Task;
import dev.camelveeam.veeamem.simulator.EmSimulator;
import dev.camelveeam.veeamem.simulator.junit.EmSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE01_INCLUDE_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE_JOB_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Runs README.md's Java snippets ({@link ReadmeSnippets}) against the simulator, {@code jms:} standing on
 * {@code seda:}: the opening route with a body that has {@code getJobId()} and {@code getIncludeId()} (camel-bean reads
 * them), and the Kamelet action configured by README's {@code camel.kamelet.*} properties (snippets/kamelet.properties,
 * with baseUrl pointed at the simulator and {@code env:VEEAM_PASSWORD} answered by the test's {@code env} function).
 */
class ReadmeSnippetsTest {

    @RegisterExtension
    static final EmSimulatorExtension EM = SnippetContexts.simulator();

    private CamelContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
    }

    @Test
    void theOpeningRouteRemovesTheIncludeNamedInTheBody(EmSimulator sim) throws Exception {
        context = SnippetContexts.start(sim, new Properties(), new ReadmeSnippets.RemoveIncludeFromQueue());

        Task task = context.createProducerTemplate().requestBody("jms:queue:vm.decommissioned",
                new Decommissioned(SEED_ORACLE_JOB_ID, SEED_ORACLE01_INCLUDE_ID), Task.class);

        assertEquals("Finished", task.getState());
        assertEquals(1, sim.getRequests("DELETE", "/api/jobs/" + SEED_ORACLE_JOB_ID + "/includes/"
                                                  + SEED_ORACLE01_INCLUDE_ID)
                .size());
    }

    @Test
    void theKameletActionWithItsProperties(EmSimulator sim) throws Exception {
        Properties properties = kameletProperties();
        properties.setProperty("camel.kamelet.veeam-em-remove-include-action.baseUrl", sim.getBaseUrl());
        context = SnippetContexts.start(sim, properties, new ReadmeSnippets.KameletAction());

        Exchange result = context.createProducerTemplate().request("jms:queue:vm.decommissioned",
                exchange -> exchange.getIn().setHeaders(new HashMap<>(
                        Map.of(
                                "jobId", SEED_ORACLE_JOB_ID, "includeId", SEED_ORACLE01_INCLUDE_ID))));

        assertNull(result.getException());
        assertEquals("Finished", result.getMessage().getHeader(VeeamEmConstants.TASK_STATE));
    }

    /** A message body as the opening route expects it: an object with getters (a Map would need ${body[jobId]}). */
    public static final class Decommissioned {

        private final String jobId;
        private final String includeId;

        Decommissioned(String jobId, String includeId) {
            this.jobId = jobId;
            this.includeId = includeId;
        }

        public String getJobId() {
            return jobId;
        }

        public String getIncludeId() {
            return includeId;
        }
    }

    private static Properties kameletProperties() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ReadmeSnippetsTest.class.getResourceAsStream("/snippets/kamelet.properties")) {
            properties.load(in);
        }
        return properties;
    }
}
