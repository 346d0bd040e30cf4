package dev.camelveeam.veeamem;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import dev.camelveeam.veeamem.simulator.RecordedRequest;
import dev.camelveeam.veeamem.simulator.SimJob;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.SimpleEventNotifierSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stopping the CamelContext while exchanges wait for long EM tasks, their next polls scheduled a minute ahead, ends
 * each of them at once with a clear exception, cancels the polls, sends no new request to EM, leaves no thread of the
 * component behind and logs off, without waiting for the polls, the tasks or the shutdown timeout.
 */
class StopWhileInFlightTest extends VeeamEmTestSupport {

    private static final int IN_FLIGHT = 20;
    private static final String JOB_ID = "8b1d3e54-0f2a-4c6b-9e7d-1a2b3c4d5e6f";

    @RegisterExtension
    static final EmSimulatorExtension EM = new EmSimulatorExtension(
            simulator -> simulator.withTaskRunTime(Duration.ofHours(1)));

    /** Polls far ahead: a stop that waited for them would take a minute. */
    private static String removeUri() {
        return plainUri("removeInclude", sim.getBaseUrl()) + "&jobId=" + JOB_ID + "&pollInitialDelay=60000";
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("seda:decommissioned?concurrentConsumers=" + IN_FLIGHT).routeId("decommission")
                        .doTry()
                        .to(removeUri())
                        .to("mock:removed")
                        .doCatch(Exception.class)
                        .to("mock:failed");
            }
        };
    }

    @Test
    void stoppingEndsEveryWaitPromptlySendsNothingMoreAndLogsOff() throws Exception {
        SimJob job = sim.addJob(JOB_ID, "Batch");
        List<String> includeIds = new ArrayList<>();
        for (int i = 0; i < IN_FLIGHT; i++) {
            String includeId = UUID.randomUUID().toString();
            includeIds.add(includeId);
            job.addInclude(includeId, "urn:VMware:Vm:93fe5565-0ae7-4574-abb5-0f4ea8c5e9bd.vm-" + (300 + i), "batch" + i);
        }
        context.getShutdownStrategy().setTimeout(120);
        for (int i = 0; i < IN_FLIGHT; i++) {
            template.sendBodyAndHeader("seda:decommissioned", null, VeeamEmConstants.INCLUDE_ID, includeIds.get(i));
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> sim.getRequests("DELETE", "/api/jobs/" + JOB_ID + "/includes/.*").size() == IN_FLIGHT);

        // A caller that keeps sending, one exchange after the other, until the stop has returned: removals of
        // includes the job does not have, which EM answers 404 at once. Each has its own include id, so the wire
        // tells which exchange a DELETE belongs to and when that exchange was handed to the component.
        Map<String, Instant> submittedAt = new ConcurrentHashMap<>();
        AtomicBoolean stopReturned = new AtomicBoolean();
        AtomicInteger sent = new AtomicInteger();
        Thread sender = new Thread(() -> {
            while (!stopReturned.get()) {
                String includeId = UUID.randomUUID().toString();
                submittedAt.put(includeId, Instant.now());
                try {
                    template.request(removeUri(),
                            exchange -> exchange.getMessage().setHeader(VeeamEmConstants.INCLUDE_ID, includeId));
                } catch (RuntimeException stopped) {
                    // the template stops with the context
                }
                sent.incrementAndGet();
            }
        }, "test-sender");
        sender.setDaemon(true);
        sender.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> sent.get() >= 5);

        MockEndpoint failedMock = getMockEndpoint("mock:failed");
        MockEndpoint removedMock = getMockEndpoint("mock:removed");
        AtomicReference<Instant> stoppingEvent = new AtomicReference<>();
        context.getManagementStrategy().addEventNotifier(new SimpleEventNotifierSupport() {
            @Override
            public boolean isEnabled(CamelEvent event) {
                return event instanceof CamelEvent.CamelContextStoppingEvent;
            }

            @Override
            public void notify(CamelEvent event) {
                stoppingEvent.compareAndSet(null, Instant.now());
            }
        });
        Instant stopStart = Instant.now();
        long stopStarted = System.nanoTime();
        context.stop();
        long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopStarted);
        Instant stopEnd = Instant.now();
        stopReturned.set(true);

        assertTrue(stopMillis < 5000, "stop took " + stopMillis + " ms: it waited for polls or the shutdown timeout");
        await().atMost(Duration.ofSeconds(1)).until(() -> liveThreads("VeeamEm").isEmpty());
        await().atMost(Duration.ofSeconds(10)).until(() -> !sender.isAlive());

        List<Exchange> failed = failedMock.getReceivedExchanges();
        assertEquals(IN_FLIGHT, failed.size(), "every exchange ended");
        for (Exchange exchange : failed) {
            Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
            assertTrue(failure.getMessage().contains("Stopped waiting for EM task")
                    && failure.getMessage().contains("the CamelContext is stopping")
                    && failure.getMessage().contains("The task may still finish in EM"),
                    "each exchange ends with a clear exception: " + failure);
        }
        assertEquals(0, removedMock.getReceivedCounter());
        assertEquals(1, sim.getRequests("DELETE", "/api/logonSessions/.*").size(), "logged off once");
        assertTrue(sim.getRequests("GET", "/api/tasks/.*").isEmpty(), "the polls a minute ahead never went out");

        long submittedDuringStop = submittedAt.values().stream()
                .filter(at -> !at.isBefore(stopStart) && at.isBefore(stopEnd)).count();
        assertTrue(submittedDuringStop > 0, "the sender kept sending while the context stopped");
        // stopping begins with the CamelContextStoppingEvent, a moment after stop() was called
        Instant stoppingBegan = stoppingEvent.get();
        List<String> sentAfterStopBegan = new ArrayList<>();
        for (RecordedRequest delete : sim.getRequests("DELETE", "/api/jobs/.*")) {
            if (delete.receivedAt().isBefore(stoppingBegan)) {
                continue;
            }
            // A DELETE that was already on its way when the stop began may arrive just after; one handed over later
            // must never reach EM.
            String includeId = delete.path().substring(delete.path().lastIndexOf('/') + 1);
            Instant submitted = submittedAt.get(includeId);
            if (submitted == null || !submitted.isBefore(stoppingBegan)) {
                sentAfterStopBegan.add(delete + " (exchange submitted at " + submitted + ", stopping began at "
                                       + stoppingBegan + ")");
            }
        }
        assertEquals(List.of(), sentAfterStopBegan, "no DELETE of an exchange submitted after the stop began");
    }
}
