package dev.camelveeam.veeamem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import dev.camelveeam.veeamem.simulator.SimJob;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Many more waits than Camel's default thread-pool queue holds (1,000) are all scheduled; none is refused. */
class ManyWaitsTest extends VeeamEmTestSupport {

    private static final int WAITS = 1_500;
    private static final String JOB_ID = "6f0e2b1a-3c4d-4e5f-8a9b-0c1d2e3f4a5b";

    @RegisterExtension
    static final EmSimulatorExtension EM = new EmSimulatorExtension(
            simulator -> simulator.withTaskRunTime(Duration.ofHours(1)));

    @Test
    void moreWaitsThanTheDefaultQueueHoldsAreAllScheduled() {
        SimJob job = sim.addJob(JOB_ID, "Many");
        List<String> includeIds = new ArrayList<>();
        for (int i = 0; i <= WAITS; i++) {
            String includeId = UUID.randomUUID().toString();
            includeIds.add(includeId);
            job.addInclude(includeId, "urn:VMware:Vm:93fe5565-0ae7-4574-abb5-0f4ea8c5e9bd.vm-" + (5000 + i), "vm" + i);
        }
        String endpoint = plainUri("removeInclude", sim.getBaseUrl()) + "&jobId=" + JOB_ID
                          + "&pollInitialDelay=60000&pollMaxDelay=60000";

        List<CompletableFuture<Exchange>> waits = new ArrayList<>();
        for (int i = 0; i < WAITS; i++) {
            String includeId = includeIds.get(i);
            waits.add(template.asyncSend(endpoint,
                    exchange -> exchange.getMessage().setHeader(VeeamEmConstants.INCLUDE_ID, includeId)));
        }
        VeeamEmComponent component = context.getComponent("veeam-em", VeeamEmComponent.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> component.getTasksInFlight() == WAITS);

        assertTrue(waits.stream().noneMatch(CompletableFuture::isDone), "no wait was refused");
        assertEquals(WAITS, sim.getRequests("DELETE", "/api/jobs/.*").size());
        context.stop();
        assertTrue(waits.stream().map(CompletableFuture::join)
                .allMatch(exchange -> exchange.getException().getMessage().contains("Stopped waiting for EM task")));
    }
}
