package dev.camelveeam.veeamem.snippets.simulator.manual;

// docs/simulator.md ("Starting it from a test") shows this test as written here, from tag::name[] to end::name[]
// (SnippetsInDocsTest); keep the formatter off it.
// CHECKSTYLE:OFF
// tag::manual-test[]
import java.time.Duration;

import dev.camelveeam.veeamem.model.Task;
import dev.camelveeam.veeamem.simulator.EmSimulator;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MyRouteTest extends CamelTestSupport {

    static EmSimulator sim;

    @BeforeAll
    static void startEm() {
        sim = new EmSimulator()
                .withUser("svc-camel", "s3cret")
                .withTaskRunTime(Duration.ofMillis(30))      // keep tests fast
                .withTaskCollectTime(Duration.ofMillis(20))
                .withBackupSessionRunTime(Duration.ofMillis(50)) // job runs started by ?action=start
                .start();
    }

    @AfterAll
    static void stopEm() {
        sim.close();
    }

    @Test
    void removesAVm() {
        Task task = template.requestBody("veeam-em:removeInclude?baseUrl=" + sim.getBaseUrl()
                + "&username=svc-camel&password=RAW(s3cret)"
                + "&jobId=" + EmSimulator.SEED_ORACLE_JOB_ID + "&includeId=" + EmSimulator.SEED_ORACLE01_INCLUDE_ID,
                null, Task.class);
        assertEquals("Finished", task.getState());
        assertEquals(202, sim.getRequests("DELETE", "/api/jobs/.*").get(0).status());
    }
}
// end::manual-test[]
// CHECKSTYLE:ON
