package dev.camelveeam.veeamem;

import java.util.List;

import dev.camelveeam.veeamem.model.Task;
import dev.camelveeam.veeamem.simulator.EmSimulator.JsonCasing;
import dev.camelveeam.veeamem.simulator.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE01_INCLUDE_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE_JOB_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * removeInclude with format=json against both JSON dialects: EM 12 (PascalCase, explicit nulls) and EM 13 (camelCase),
 * with and without a byte-order mark.
 */
class RemoveIncludeJsonTest extends VeeamEmTestSupport {

    @AfterEach
    void stopSimulator() {
        sim.close();
    }

    @ParameterizedTest(name = "{0}, byte-order mark {1}")
    @CsvSource({ "EM12, false", "EM12, true", "EM13, false", "EM13, true" })
    void removesTheIncludeInJson(JsonCasing casing, boolean byteOrderMark) {
        sim = newSimulator().withJsonCasing(casing).withJsonByteOrderMark(byteOrderMark).start();
        reseed(sim);

        Task task = assertFinishedTask(removeInclude(uri("removeInclude") + "&format=json&jobId=" + SEED_ORACLE_JOB_ID
                                                     + "&includeId=" + SEED_ORACLE01_INCLUDE_ID),
                true, "Ok");

        assertEquals("UpdateJob", task.getOperation());
        assertTrue(task.getTaskId().startsWith("task-"));
        assertEquals("Delete", task.getLinks().get(0).getRel());
        assertEquals(sim.getBaseUrl() + "/tasks/" + task.getTaskId(), task.getHref());
        assertEquals(1, sim.getJob(SEED_ORACLE_JOB_ID).orElseThrow().getIncludes().size());

        List<RecordedRequest> operationAndPolls = sim.getRequests().subList(1, sim.getRequests().size());
        assertEquals("DELETE", operationAndPolls.get(0).method());
        assertFalse(operationAndPolls.subList(1, operationAndPolls.size()).isEmpty(), "the task was polled");
        for (RecordedRequest request : operationAndPolls) {
            assertEquals("application/json", request.header("Accept"), request.method() + " " + request.path());
        }
    }
}
