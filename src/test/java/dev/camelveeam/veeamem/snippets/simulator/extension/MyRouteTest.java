package dev.camelveeam.veeamem.snippets.simulator.extension;

// docs/simulator.md ("Starting it from a test") and README.md ("The EM simulator") show this test as written here,
// from tag::name[] to end::name[] (SnippetsInDocsTest); keep the formatter off it.
// CHECKSTYLE:OFF
// tag::extension-test[]
import java.time.Duration;

import dev.camelveeam.veeamem.model.Task;
import dev.camelveeam.veeamem.simulator.EmSimulator;
import dev.camelveeam.veeamem.simulator.junit.EmSimulatorExtension;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MyRouteTest extends CamelTestSupport {

    // tag::readme-extension[]
    @RegisterExtension
    static final EmSimulatorExtension EM = new EmSimulatorExtension()
            .configure(sim -> sim.withUser("svc-camel", "s3cret")
                    .withTaskRunTime(Duration.ofMillis(30))      // keep tests fast
                    .withTaskCollectTime(Duration.ofMillis(20)))
            .beforeEachTest(sim -> sim.addJob("5b1f2c3d-0000-4000-8000-00000000000a", "My job")); // optional test data

    @Test
    void removesAVm(EmSimulator sim) {                           // or EM.simulator()
        Task task = template.requestBody("veeam-em:removeInclude?baseUrl=" + EM.getBaseUrl()
                + "&username=svc-camel&password=RAW(s3cret)"
                + "&jobId=" + EmSimulator.SEED_ORACLE_JOB_ID + "&includeId=" + EmSimulator.SEED_ORACLE01_INCLUDE_ID,
                null, Task.class);                               // the final EM task
        assertEquals("Finished", task.getState());
        assertEquals(202, sim.getRequests("DELETE", "/api/jobs/.*").get(0).status());   // what crossed the wire
    }
    // end::readme-extension[]
}
// end::extension-test[]
// CHECKSTYLE:ON
