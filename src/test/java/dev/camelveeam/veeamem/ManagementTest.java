package dev.camelveeam.veeamem;

import java.lang.management.ManagementFactory;
import java.util.Set;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.impl.health.DefaultHealthCheckRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE01_INCLUDE_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE_JOB_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JMX shows the component's counters, and each connection (EM server and account) has one health check, whichever
 * endpoints share it, which does not ask EM again while the session is fresh.
 */
class ManagementTest extends VeeamEmTestSupport {

    @RegisterExtension
    static final EmSimulatorExtension EM = new EmSimulatorExtension();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camelContext = super.createCamelContext();
        HealthCheckRegistry registry = new DefaultHealthCheckRegistry();
        registry.setCamelContext(camelContext);
        HealthCheckRepository producers = (HealthCheckRepository) registry.resolveById("producers");
        producers.setEnabled(true);
        registry.register(producers);
        registry.setEnabled(true);
        camelContext.getCamelContextExtension().addContextPlugin(HealthCheckRegistry.class, registry);
        return camelContext;
    }

    @Override
    protected boolean useJmx() {
        return true;
    }

    @BeforeEach
    void seed() {
        reseed(sim);
    }

    @Test
    void jmxShowsTheCounters() throws Exception {
        assertFinishedTask(removeInclude(uri("removeInclude") + "&jobId=" + SEED_ORACLE_JOB_ID + "&includeId="
                                         + SEED_ORACLE01_INCLUDE_ID),
                true, "Ok");

        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> names = server.queryNames(new ObjectName(
                "org.apache.camel:context=" + context.getManagementName() + ",type=components,name=\"veeam-em\""), null);
        assertEquals(1, names.size(), "the component is an MBean");
        ObjectName component = names.iterator().next();
        assertEquals(1L, server.getAttribute(component, "Operations"));
        assertEquals(0L, server.getAttribute(component, "Failures"));
        assertEquals(1L, server.getAttribute(component, "Logons"));
        assertTrue((Long) server.getAttribute(component, "Polls") >= 1);
        assertEquals(0, server.getAttribute(component, "TasksInFlight"));
        assertEquals(1, server.getAttribute(component, "ConnectionCount"));
    }

    @Test
    void oneHealthCheckPerConnectionThatTrustsAFreshSession() {
        String endpoint = uri("removeInclude") + "&jobId=" + SEED_ORACLE_JOB_ID + "&includeId=" + SEED_ORACLE01_INCLUDE_ID;
        assertFinishedTask(removeInclude(endpoint), true, "Ok");
        template.requestBody(uri("listJobs"), null, Object.class);
        sim.clearRequests();

        var checks = HealthCheckHelper.invoke(context).stream()
                .filter(result -> result.getCheck().getId().startsWith("producer:veeam-em:")).toList();

        assertEquals(1, checks.size(), "one check for the one connection: " + checks);
        HealthCheck.Result result = checks.get(0);
        assertEquals("producer:veeam-em:" + sim.getBaseUrl().replaceFirst("^http://", "").replaceFirst("/api$", "")
                     + ":" + USER,
                result.getCheck().getId());
        assertEquals(HealthCheck.State.UP, result.getState());
        assertTrue(sim.getRequests().isEmpty(), "a session EM answered a moment ago needs no request");
    }
}
