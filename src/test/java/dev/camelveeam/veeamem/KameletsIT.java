package dev.camelveeam.veeamem;

import java.net.URL;
import java.util.List;

import dev.camelveeam.veeamem.model.Task;
import dev.camelveeam.veeamem.simulator.EmSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE_JOB_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kamelets ship in the component jar (failsafe runs this test against the packaged jar), where camel-kamelet finds
 * them with its default location, classpath:kamelets.
 */
class KameletsIT {

    @Test
    void theKameletsAreInTheJar() {
        for (String name : List.of("veeam-em-remove-include-action", "veeam-em-start-job-action",
                "veeam-em-backup-session-source")) {
            URL kamelet = KameletsIT.class.getClassLoader().getResource("kamelets/" + name + ".kamelet.yaml");
            assertNotNull(kamelet, name);
            assertTrue(kamelet.toString().startsWith("jar:") && kamelet.toString().contains("camel-veeam-em"),
                    kamelet.toString());
        }
    }

    @Test
    void aKameletFromTheJarRuns() throws Exception {
        try (EmSimulator em = new EmSimulator().start(); CamelContext context = new DefaultCamelContext()) {
            context.getPropertiesComponent().addInitialProperty("veeam.password", EmSimulator.DEFAULT_PASSWORD);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:start").to("kamelet:veeam-em-start-job-action?baseUrl=" + em.getBaseUrl()
                                            + "&username=" + EmSimulator.DEFAULT_USERNAME
                                            + "&password=RAW({{veeam.password}})");
                }
            });
            context.start();

            Exchange result = context.createProducerTemplate().request("direct:start",
                    exchange -> exchange.getMessage().setHeader("jobId", SEED_ORACLE_JOB_ID));

            assertNull(result.getException());
            assertEquals("StartJob", assertInstanceOf(Task.class, result.getMessage().getBody()).getOperation());
            assertEquals(1, em.getRequests("POST", "/api/jobs/" + SEED_ORACLE_JOB_ID).size());
        }
    }
}
