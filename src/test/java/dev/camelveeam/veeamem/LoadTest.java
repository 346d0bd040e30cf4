package dev.camelveeam.veeamem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import dev.camelveeam.veeamem.model.Task;
import dev.camelveeam.veeamem.simulator.EmSimulator;
import dev.camelveeam.veeamem.simulator.SimJob;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 500 exchanges at once, each waiting about two seconds for its task: one logon, every exchange its own Task, the
 * component's threads stay at its poller pool, and after stop no poller thread and no connection to EM is left.
 */
class LoadTest extends VeeamEmTestSupport {

    private static final int EXCHANGES = 500;
    private static final String JOB_ID = "9c2e4f65-1a3b-4d7c-8e9f-2b3c4d5e6f70";

    @RegisterExtension
    static final EmSimulatorExtension EM = new EmSimulatorExtension(
            simulator -> simulator.withTaskRunTime(Duration.ofSeconds(2)));

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("seda:decommissioned?concurrentConsumers=50&size=" + EXCHANGES).routeId("decommission")
                        .to(uri("removeInclude") + "&jobId=" + JOB_ID)
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
                "HttpClient's I/O and starter threads, one scheduler thread and the route-work pool: " + componentThreadNames());
        assertTrue(openConnectionsTo(sim.getPort()) > 0, "connections are pooled while the context runs");

        context.stop();

        await().atMost(Duration.ofSeconds(1)).until(() -> componentThreads() == 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> openConnectionsTo(sim.getPort()) == 0);
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

    /** Established TCP connections from this machine to the port, from the kernel's table (Linux). */
    private static int openConnectionsTo(int port) throws IOException {
        String remotePort = String.format(Locale.ROOT, ":%04X", port);
        int count = 0;
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Path.of(table);
            if (!Files.exists(path)) {
                continue;
            }
            for (String line : Files.readAllLines(path)) {
                String[] columns = line.trim().split("\\s+");
                boolean established = columns.length > 3 && "01".equals(columns[3]);
                if (established && columns[2].endsWith(remotePort)) {
                    count++;
                }
            }
        }
        return count;
    }
}
