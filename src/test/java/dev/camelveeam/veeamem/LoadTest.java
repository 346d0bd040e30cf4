package dev.camelveeam.veeamem;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import dev.camelveeam.veeamem.model.Task;
import dev.camelveeam.veeamem.simulator.IdleClosingProxy;
import dev.camelveeam.veeamem.simulator.SimJob;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 500 exchanges at once, each waiting about two seconds for its task: one logon, every exchange its own Task, the
 * component's threads stay few, and after stop no component thread and no connection to EM is left. The component
 * reaches the simulator through a counting TCP proxy (whose idle timeout never fires here), which tells on any OS how
 * many connections are open.
 */
class LoadTest extends VeeamEmTestSupport {

    private static final int EXCHANGES = 500;
    private static final String JOB_ID = "9c2e4f65-1a3b-4d7c-8e9f-2b3c4d5e6f70";

    @RegisterExtension
    static final EmSimulatorExtension EM = new EmSimulatorExtension(
            simulator -> simulator.withTaskRunTime(Duration.ofSeconds(2)));

    private static IdleClosingProxy proxy;

    @BeforeAll
    static void startProxy() throws IOException {
        proxy = new IdleClosingProxy("127.0.0.1", sim.getPort(), Duration.ofHours(1));
    }

    @AfterAll
    static void stopProxy() {
        proxy.close();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("seda:decommissioned?concurrentConsumers=50&size=" + EXCHANGES).routeId("decommission")
                        .to(plainUri("removeInclude", proxy.getBaseUrl("/api")) + "&jobId=" + JOB_ID
                            + "&pollInitialDelay=20&pollMaxDelay=200")
                        .to("mock:removed");
            }
        };
    }

    @Test
    void fiveHundredExchangesAtOnce() throws Exception {
        SimJob job = sim.addJob(JOB_ID, "Load");
        List<String> includeIds = new ArrayList<>();
        for (int i = 0; i <= EXCHANGES; i++) {
            String includeId = UUID.randomUUID().toString();
            includeIds.add(includeId);
            job.addInclude(includeId, "urn:VMware:Vm:93fe5565-0ae7-4574-abb5-0f4ea8c5e9bd.vm-" + (1000 + i), "vm" + i);
        }
        sim.clearRequests();
        MockEndpoint removed = getMockEndpoint("mock:removed");

        for (int i = 0; i < EXCHANGES; i++) {
            template.sendBodyAndHeader("seda:decommissioned", null, VeeamEmConstants.INCLUDE_ID, includeIds.get(i));
        }
        AtomicInteger mostComponentThreads = new AtomicInteger();
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            mostComponentThreads.accumulateAndGet(componentThreads(), Math::max);
            return removed.getReceivedCounter() == EXCHANGES;
        });

        assertEquals(EXCHANGES, removed.getReceivedExchanges().stream()
                .map(exchange -> exchange.getMessage().getBody(Task.class).getTaskId()).distinct().count(),
                "every exchange got its own task");
        assertTrue(removed.getReceivedExchanges().stream()
                .allMatch(exchange -> exchange.getMessage().getBody(Task.class).getResult().isSuccess()));
        assertEquals(1, sim.getRequests("POST", "/api/sessionMngr/").size(), "one logon");
        assertEquals(EXCHANGES, sim.getRequests("DELETE", "/api/jobs/.*").size());
        int routeWorkPool = context.getExecutorServiceManager().getDefaultThreadPoolProfile().getPoolSize();
        assertTrue(mostComponentThreads.get() <= 3 + routeWorkPool,
                "HttpClient's I/O and starter threads, one scheduler thread and the route-work pool: "
                                                                    + componentThreadNames());
        assertTrue(proxy.openConnections() > 0, "connections are pooled while the context runs");
        assertTrue(proxy.connectionsAccepted() <= 20, "at most the pool's 20 connections: " + proxy.connectionsAccepted());
        assertEquals(0, proxy.connectionsClosedIdle());

        context.stop();

        await().atMost(Duration.ofSeconds(1)).until(() -> componentThreads() == 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> proxy.openConnections() == 0);
        assertEquals(1, sim.getRequests("DELETE", "/api/logonSessions/.*").size(), "logged off");
    }

    private static List<String> componentThreadNames() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.contains("VeeamEm")).sorted().toList();
    }

    private static int componentThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().contains("VeeamEm")).count();
    }
}
