package dev.camelveeam.veeamem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.camelveeam.veeamem.model.Task;
import dev.camelveeam.veeamem.simulator.RecordedRequest;
import dev.camelveeam.veeamem.simulator.SimJob;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 200 exchanges arriving together share one logon, and their 200 task waits share two poller threads.
 */
class ConcurrentExchangesTest extends VeeamEmTestSupport {

    private static final int EXCHANGES = 200;
    private static final String JOB_ID = "6f0e2b7a-1c1e-4c55-9d2a-0c2f3f7f9a10";

    @RegisterExtension
    static final EmSimulatorExtension EM = new EmSimulatorExtension();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camelContext = super.createCamelContext();
        camelContext.addComponent("veeam-em", new VeeamEmComponent());
        return camelContext;
    }

    @Test
    void twoHundredConcurrentExchangesLogOnOnce() throws Exception {
        sim.removeAllJobs();
        SimJob job = sim.addJob(JOB_ID, "Web Farm");
        List<String> includeIds = new ArrayList<>();
        for (int i = 0; i <= EXCHANGES; i++) {
            String includeId = UUID.randomUUID().toString();
            includeIds.add(includeId);
            job.addInclude(includeId, "urn:VMware:Vm:93fe5565-0ae7-4574-abb5-0f4ea8c5e9bd.vm-" + (1000 + i), "web" + i);
        }
        sim.clearRequests();

        List<CompletableFuture<Exchange>> results = new ArrayList<>();
        for (int i = 0; i < EXCHANGES; i++) {
            String includeId = includeIds.get(i);
            results.add(template.asyncSend(uri("removeInclude") + "&jobId=" + JOB_ID,
                    exchange -> exchange.getMessage().setHeader(VeeamEmConstants.INCLUDE_ID, includeId)));
        }

        Set<String> taskIds = new HashSet<>();
        for (CompletableFuture<Exchange> result : results) {
            Task task = assertFinishedTask(result.get(60, TimeUnit.SECONDS), true, "Ok");
            taskIds.add(task.getTaskId());
        }
        assertEquals(EXCHANGES, taskIds.size(), "every exchange got its own task");
        assertEquals(1, sim.getLogonCount(), "one logon for all exchanges");
        assertEquals(1, sim.getRequests("POST", "/api/sessionMngr/").size());
        List<RecordedRequest> deletes = sim.getRequests("DELETE", "/api/jobs/.*");
        assertEquals(EXCHANGES, deletes.size());
        assertEquals(1, deletes.stream().map(request -> request.header("X-RestSvcSessionId")).distinct().count(),
                "all in one session");
        assertTrue(deletes.stream().allMatch(request -> request.status() == 202));
        assertEquals(1, job.getIncludes().size(), "only the include no exchange removed is left");
    }
}
