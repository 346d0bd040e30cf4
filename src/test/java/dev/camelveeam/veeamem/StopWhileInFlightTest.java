package dev.camelveeam.veeamem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.camelveeam.veeamem.simulator.EmSimulator;
import dev.camelveeam.veeamem.simulator.SimJob;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stopping the CamelContext while exchanges wait for long EM tasks ends each of them with a clear exception, leaves
 * no poller thread behind and logs off, without waiting for the tasks or for the shutdown timeout.
 */
class StopWhileInFlightTest extends VeeamEmTestSupport {

    private static final int IN_FLIGHT = 20;
    private static final String JOB_ID = "8b1d3e54-0f2a-4c6b-9e7d-1a2b3c4d5e6f";

    @RegisterExtension
    static final EmSimulatorExtension EM = new EmSimulatorExtension(
            simulator -> simulator.withTaskRunTime(Duration.ofHours(1)));

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("seda:decommissioned?concurrentConsumers=" + IN_FLIGHT).routeId("decommission")
                        .doTry()
                            .to(uri("removeInclude") + "&jobId=" + JOB_ID)
                            .to("mock:removed")
                        .doCatch(Exception.class)
                            .to("mock:failed");
            }
        };
    }

    @Test
    void stoppingEndsEveryWaitPromptlyAndLogsOff() throws Exception {
        SimJob job = sim.addJob(JOB_ID, "Batch");
        List<String> includeIds = new ArrayList<>();
        for (int i = 0; i <= IN_FLIGHT; i++) {
            String includeId = UUID.randomUUID().toString();
            includeIds.add(includeId);
            job.addInclude(includeId, "urn:VMware:Vm:93fe5565-0ae7-4574-abb5-0f4ea8c5e9bd.vm-" + (300 + i), "batch" + i);
        }
        context.getShutdownStrategy().setTimeout(120);
        for (int i = 0; i < IN_FLIGHT; i++) {
            template.sendBodyAndHeader("seda:decommissioned", null, VeeamEmConstants.INCLUDE_ID, includeIds.get(i));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> sim.getRequests("DELETE", "/api/jobs/.*").size() == IN_FLIGHT);

        MockEndpoint failedMock = getMockEndpoint("mock:failed");
        MockEndpoint removedMock = getMockEndpoint("mock:removed");
        long stopStarted = System.nanoTime();
        context.stop();
        long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopStarted);

        List<Exchange> failed = failedMock.getReceivedExchanges();
        assertEquals(IN_FLIGHT, failed.size(), "every exchange ended");
        for (Exchange exchange : failed) {
            Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
            assertTrue(failure.getMessage().contains("Stopped waiting for EM task")
                       && failure.getMessage().contains("the CamelContext is stopping"),
                    "each exchange ends with a clear exception: " + failure);
        }
        assertEquals(0, removedMock.getReceivedCounter());
        assertTrue(stopMillis < TimeUnit.SECONDS.toMillis(context.getShutdownStrategy().getTimeout()),
                "stop did not wait for the shutdown timeout (" + stopMillis + " ms)");
        assertEquals(1, sim.getRequests("DELETE", "/api/logonSessions/.*").size(), "logged off");
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(thread -> thread.getName().contains("VeeamEmTaskPoller")), "no poller thread left");
    }
}
