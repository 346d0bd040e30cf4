package dev.camelveeam.veeamem.snippets;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import dev.camelveeam.veeamem.VeeamEmConstants;
import dev.camelveeam.veeamem.model.Task;
import dev.camelveeam.veeamem.simulator.EmSimulator;
import dev.camelveeam.veeamem.simulator.junit.EmSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_EXCHANGE_JOB_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE01_INCLUDE_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE_JOB_ID;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the Java snippets of the component page ({@link ComponentPageSnippets}) against the simulator, where they can
 * run: {@code jms:} stands on {@code seda:}; the TLS, consumer, REST, alert and {@code master:} snippets are compiled
 * only (they need a trust store file, a REST component, an alert endpoint or a cluster). Their {@code ${body.x}}
 * expressions run with camel-bean, which the test class path has.
 */
class ComponentPageSnippetsTest {

    @RegisterExtension
    static final EmSimulatorExtension EM = SnippetContexts.simulator();

    private CamelContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
    }

    private ProducerTemplate start(EmSimulator sim, RoutesBuilder... routes) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("veeam.vcenterId", EmSimulator.SEED_HIERARCHY_ROOT_ID);
        properties.setProperty("veeam.repositoryUid", "urn:veeam:Repository:" + EmSimulator.SEED_DEFAULT_REPOSITORY_ID);
        context = SnippetContexts.start(sim, properties, routes);
        return context.createProducerTemplate();
    }

    @Test
    void includes(EmSimulator sim) throws Exception {
        ProducerTemplate template = start(sim, new ComponentPageSnippets.Includes());

        Object include = template.requestBodyAndHeaders("direct:include", null, Map.of(
                VeeamEmConstants.JOB_ID, SEED_ORACLE_JOB_ID, VeeamEmConstants.INCLUDE_ID, SEED_ORACLE01_INCLUDE_ID));

        assertNotNull(include);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !sim.getRequests("GET", "/api/jobs/" + SEED_ORACLE_JOB_ID + "/includes").isEmpty());
    }

    @Test
    void jobs(EmSimulator sim) throws Exception {
        ProducerTemplate template = start(sim, new ComponentPageSnippets.Jobs());

        Task task = template.requestBodyAndHeader("direct:clone-job", null, "application", "Payroll", Task.class);

        assertEquals("Finished", task.getState());
        assertTrue(task.getResult().isSuccess(), task.getResult().getMessage());
        await().atMost(Duration.ofSeconds(10)).until(() -> !sim.getRequests("GET", "/api/jobs").isEmpty());
    }

    @Test
    void tasks(EmSimulator sim) throws Exception {
        ProducerTemplate template = start(sim, new ComponentPageSnippets.Tasks());

        Task added = template.requestBodyAndHeaders("direct:add-vm", null, Map.of(
                VeeamEmConstants.JOB_ID, SEED_EXCHANGE_JOB_ID,
                VeeamEmConstants.HIERARCHY_OBJ_REF, "urn:VMware:Vm:" + EmSimulator.SEED_HIERARCHY_ROOT_ID + ".vm-101",
                VeeamEmConstants.OBJECT_NAME, "web01"), Task.class);
        Task read = template.requestBodyAndHeader("direct:task", null, VeeamEmConstants.TASK_ID, added.getTaskId(),
                Task.class);

        assertEquals("Finished", added.getState());
        assertEquals(added.getTaskId(), read.getTaskId());
    }

    @Test
    void inventory(EmSimulator sim) throws Exception {
        ProducerTemplate template = start(sim, new ComponentPageSnippets.Inventory());

        List<?> found = template.requestBodyAndHeader("direct:find-vm", null, VeeamEmConstants.OBJECT_NAME, "web01",
                List.class);

        assertEquals(1, found.size());
        await().atMost(Duration.ofSeconds(10)).until(() -> !sim.getRequests("GET", "/api/hierarchyRoots").isEmpty());
    }

    @Test
    void backupSessionsList(EmSimulator sim) throws Exception {
        start(sim, new ComponentPageSnippets.BackupSessionsList());

        await().atMost(Duration.ofSeconds(10)).until(() -> sim.getRequests("GET", "/api/query").stream()
                .anyMatch(request -> request.status() == 200));
    }

    @Test
    void addVmIsIdempotent(EmSimulator sim) throws Exception {
        ProducerTemplate template = start(sim, new ComponentPageSnippets.AddVm());
        Map<String, Object> message = Map.of("vmName", "web02", "backupJob", "Exchange Backup");

        Exchange first = template.request("jms:queue:vm.provisioned", exchange -> exchange.getIn().setHeaders(
                new java.util.HashMap<>(message)));
        Exchange again = template.request("jms:queue:vm.provisioned", exchange -> exchange.getIn().setHeaders(
                new java.util.HashMap<>(message)));

        assertNull(first.getException());
        assertTrue(sim.getJob(SEED_EXCHANGE_JOB_ID).orElseThrow().getIncludes().stream()
                .anyMatch(include -> include.getName().equals("web02")));
        assertNull(again.getException());
        assertEquals(Boolean.TRUE, again.getMessage().getHeader(VeeamEmConstants.ALREADY_DONE));
    }

    @Test
    void removeVmByName(EmSimulator sim) throws Exception {
        ProducerTemplate template = start(sim, new ComponentPageSnippets.RemoveVm());

        Exchange result = template.request("jms:queue:vm.decommissioned", exchange -> exchange.getIn().setHeaders(
                new java.util.HashMap<>(Map.of("vmName", "oracle01", "backupJob", "Oracle Backup"))));

        assertNull(result.getException());
        assertTrue(sim.getJob(SEED_ORACLE_JOB_ID).orElseThrow().getIncludes().stream()
                .noneMatch(include -> include.getId().equals(SEED_ORACLE01_INCLUDE_ID)));
    }
}
