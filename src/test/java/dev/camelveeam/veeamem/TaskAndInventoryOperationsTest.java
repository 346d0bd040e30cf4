package dev.camelveeam.veeamem;

import java.time.Duration;
import java.util.List;

import dev.camelveeam.veeamem.model.EntityRef;
import dev.camelveeam.veeamem.model.HierarchyItem;
import dev.camelveeam.veeamem.model.Task;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE01_INCLUDE_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE_JOB_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * getTask and cancelTask on a task left running, and the inventory: listHierarchyRoots and lookup.
 */
class TaskAndInventoryOperationsTest extends VeeamEmTestSupport {

    private static final String ROOT = "93fe5565-0ae7-4574-abb5-0f4ea8c5e9bd";

    @RegisterExtension
    static final EmSimulatorExtension EM = new EmSimulatorExtension(
            simulator -> simulator.withTaskRunTime(Duration.ofHours(1)));

    @BeforeEach
    void reseed() {
        reseed(sim);
    }

    @ParameterizedTest
    @EnumSource(VeeamEmFormat.class)
    void getTaskThenCancelTaskInTheSameSession(VeeamEmFormat format) {
        Exchange timedOut = template.request(uri("removeInclude") + "&format=" + format + "&taskTimeout=50&jobId="
                                             + SEED_ORACLE_JOB_ID + "&includeId=" + SEED_ORACLE01_INCLUDE_ID,
                exchange -> {
                });
        String taskId = assertInstanceOf(VeeamEmTaskTimeoutException.class, timedOut.getException()).getLastSeen()
                .getTaskId();

        Exchange got = template.request(uri("getTask") + "&format=" + format,
                exchange -> exchange.getMessage().setHeader(VeeamEmConstants.TASK_ID, taskId));
        Task task = assertInstanceOf(Task.class, got.getMessage().getBody());
        assertEquals("Running", task.getState());
        assertEquals(taskId, task.getTaskId());

        Exchange cancelled = template.request(uri("cancelTask") + "&format=" + format + "&taskId=" + taskId,
                exchange -> {
                });
        assertNull(cancelled.getException());
        assertNull(cancelled.getMessage().getBody());
        assertEquals(204, sim.getRequests("DELETE", "/api/tasks/" + taskId).get(0).status());
        assertEquals(1, sim.getRequests("POST", "/api/sessionMngr/").size(), "one session for the three calls");
    }

    @Test
    void aTaskOfAnotherSessionIsAnEmError() {
        Exchange got = template.request(uri("getTask") + "&taskId=task-99", exchange -> {
        });

        VeeamEmApiException failure = assertInstanceOf(VeeamEmApiException.class, got.getException());
        assertEquals(500, failure.getStatusCode());
        assertTrue(failure.getEmMessage().contains("There is no backup task with id [task-99]"), failure.getEmMessage());
    }

    @ParameterizedTest
    @EnumSource(VeeamEmFormat.class)
    void listHierarchyRootsReturnsReferences(VeeamEmFormat format) {
        List<?> roots = assertInstanceOf(List.class,
                template.request(uri("listHierarchyRoots") + "&format=" + format, exchange -> {
                }).getMessage().getBody());

        EntityRef root = (EntityRef) roots.get(0);
        assertEquals(ROOT, root.getId());
        assertEquals("urn:veeam:HierarchyRoot:" + ROOT, root.getUid());
        assertEquals("vcenter01.lab.local", root.getName());
        assertEquals(1, sim.getRequests("GET", "/api/hierarchyRoots").size());
    }

    @ParameterizedTest
    @EnumSource(VeeamEmFormat.class)
    void lookupFindsObjectsByTypeAndName(VeeamEmFormat format) {
        Exchange result = template.request(uri("lookup") + "&format=" + format + "&hierarchyRootId=" + ROOT,
                exchange -> exchange.getMessage().setHeader(VeeamEmConstants.OBJECT_NAME, "dup-vm"));

        List<?> items = assertInstanceOf(List.class, result.getMessage().getBody());
        assertEquals(2, items.size());
        HierarchyItem item = (HierarchyItem) items.get(0);
        assertEquals("dup-vm", item.getObjectName());
        assertTrue(item.getObjectRef().startsWith("urn:VMware:Vm:" + ROOT + ".vm-20"), item.getObjectRef());
        assertEquals("host=urn%3Aveeam%3AHierarchyRoot%3A" + ROOT + "&name=dup-vm&type=Vm",
                sim.getRequests("GET", "/api/lookup").get(0).query());
    }
}
