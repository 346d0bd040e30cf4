package dev.camelveeam.veeamem;

import java.util.List;
import java.util.Map;

import dev.camelveeam.veeamem.internal.RunTimeEstimates;
import dev.camelveeam.veeamem.model.Task;
import dev.camelveeam.veeamem.simulator.EmSimulator;
import dev.camelveeam.veeamem.simulator.RecordedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.apache.camel.main.Main;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE01_INCLUDE_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE_JOB_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In a Camel Main application configured only through properties ({@code camel.component.veeam-em.*}, the password
 * through a placeholder): a route works, the producer health check answers UP or DOWN, and the dev console shows the
 * session state and counters without secrets.
 */
class CamelMainTest {

    private static final String PASSWORD = "Main&Pa55=word";

    private EmSimulator sim;
    private Main main;

    @BeforeEach
    void startSimulator() {
        sim = new EmSimulator().withUser("svc-camel", PASSWORD).start();
    }

    @AfterEach
    void stop() {
        if (main != null) {
            main.stop();
        }
        sim.close();
    }

    private CamelContext startMain(String password) throws Exception {
        main = new Main();
        main.addInitialProperty("veeam.password", password);
        main.addInitialProperty("camel.component.veeam-em.baseUrl", sim.getBaseUrl());
        main.addInitialProperty("camel.component.veeam-em.username", "svc-camel");
        main.addInitialProperty("camel.component.veeam-em.password", "{{veeam.password}}");
        main.addInitialProperty("camel.component.veeam-em.pollInitialDelay", "50ms");
        main.addInitialProperty("camel.health.enabled", "true");
        main.addInitialProperty("camel.health.producersEnabled", "true");
        main.addInitialProperty("camel.health.exposureLevel", "full");
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:remove").routeId("remove").to("veeam-em:removeInclude");
            }
        });
        main.start();
        return main.getCamelContext();
    }

    @Test
    void aRouteConfiguredOnlyThroughPropertiesWorks() throws Exception {
        CamelContext context = startMain(PASSWORD);

        Task task = context.createProducerTemplate().requestBodyAndHeaders("direct:remove", null, Map.of(
                VeeamEmConstants.JOB_ID, SEED_ORACLE_JOB_ID, VeeamEmConstants.INCLUDE_ID, SEED_ORACLE01_INCLUDE_ID),
                Task.class);

        assertEquals("Finished", task.getState());
        RecordedRequest logon = sim.getRequests("POST", "/api/sessionMngr/").get(0);
        assertEquals(VeeamEmTestSupport.basicAuth("svc-camel", PASSWORD), logon.header("Authorization"),
                "the placeholder password reached EM intact");
    }

    @Test
    void theProducerHealthCheckIsUpWhenEmAcceptsTheCredentials() throws Exception {
        CamelContext context = startMain(PASSWORD);

        HealthCheck.Result result = veeamEmCheck(context);

        assertEquals(HealthCheck.State.UP, result.getState());
        assertEquals(1, sim.getLogonCount(), "the check logged on");
    }

    @Test
    void theProducerHealthCheckIsDownWithTheReasonAndNoSecret() throws Exception {
        CamelContext context = startMain("wrong-" + PASSWORD);

        HealthCheck.Result result = veeamEmCheck(context);

        assertEquals(HealthCheck.State.DOWN, result.getState());
        String message = result.getMessage().orElseThrow();
        assertTrue(message.contains("refused the logon"), message);
        assertFalse(message.contains(PASSWORD), message);
        assertEquals(401, result.getDetails().get(AbstractHealthCheck.SERVICE_STATUS_CODE));
    }

    @Test
    void theProducerHealthCheckIsDownWhenEmIsUnreachable() throws Exception {
        CamelContext context = startMain(PASSWORD);
        sim.close();

        HealthCheck.Result result = veeamEmCheck(context);

        assertEquals(HealthCheck.State.DOWN, result.getState());
        assertTrue(result.getMessage().orElseThrow().contains("could not connect"), result.getMessage().orElseThrow());
    }

    @Test
    void theDevConsoleShowsSessionsTasksAndCountsButNoToken() throws Exception {
        CamelContext context = startMain(PASSWORD);
        context.createProducerTemplate().requestBodyAndHeaders("direct:remove", null, Map.of(
                VeeamEmConstants.JOB_ID, SEED_ORACLE_JOB_ID, VeeamEmConstants.INCLUDE_ID, SEED_ORACLE01_INCLUDE_ID));

        DevConsole console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("veeam-em");
        String text = (String) console.call(DevConsole.MediaType.TEXT);
        Map<?, ?> json = assertInstanceOf(Map.class, console.call(DevConsole.MediaType.JSON));

        assertTrue(text.contains("EM " + sim.getBaseUrl() + " as svc-camel: logged on"), text);
        assertTrue(text.contains("operations: 1") && text.contains("logons: 1") && text.contains("failures: 0"), text);
        assertTrue(text.contains("Tasks in flight: 0"), text);
        assertTrue(text.contains("  removeInclude/UpdateJob: learning, 1 of " + RunTimeEstimates.MIN_SAMPLES
                                 + " run times (back-off until then)"),
                text);
        Map<?, ?> connection = (Map<?, ?>) ((List<?>) json.get("connections")).get(0);
        assertEquals(Map.of("removeInclude/UpdateJob", Map.of("samples", 1)), connection.get("runTimeEstimates"));
        assertEquals(1L, json.get("operations"));
        assertTrue((Long) json.get("polls") >= 1);
        String token = sim.getRequests("DELETE", "/api/jobs/.*").get(0).header("X-RestSvcSessionId");
        assertFalse(text.contains(token) || json.toString().contains(token), "no token in the console");
    }

    private static HealthCheck.Result veeamEmCheck(CamelContext context) {
        return HealthCheckHelper.invoke(context).stream()
                .filter(result -> result.getCheck().getId().startsWith("producer:veeam-em:"))
                .findFirst().orElseThrow(() -> new AssertionError("no veeam-em producer check registered"));
    }
}
