package dev.camelveeam.veeamem;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import dev.camelveeam.veeamem.model.BackupJobSession;
import dev.camelveeam.veeamem.simulator.SimBackupSession;
import dev.camelveeam.veeamem.simulator.SimBackupSession.Result;
import dev.camelveeam.veeamem.simulator.SimBackupSession.State;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.StateRepository;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two replicas of one application, as two Camel contexts in this JVM (each with its own FileLockClusterService on a
 * shared directory, its own instance of the shared state repository and its own route under {@code master:}), while
 * backup sessions finish steadily (twenty a second, some listed late, some sharing an end time). The leader changes
 * three times: a failover (the leader's route stops), a crash of the new leader (its exchange in flight fails, then its
 * context goes down) and so a failback to the first context, which had been leader before and must not resume from what
 * it knew then. Every session the simulator holds must have been emitted exactly once by the two together.
 */
class BackupSessionReplicasTest extends VeeamEmTestSupport {

    @RegisterExtension
    static final EmSimulatorExtension EM = new EmSimulatorExtension();

    private static final String NAMESPACE = "veeam-em-sessions";

    @TempDir
    Path shared;

    private final List<String> emittedByA = Collections.synchronizedList(new ArrayList<>());
    private final List<String> emittedByB = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean crashB = new AtomicBoolean();
    private final AtomicBoolean crashedB = new AtomicBoolean();
    private ScheduledExecutorService generator;
    private CamelContext contextB;

    @AfterEach
    void stopAll() throws Exception {
        if (generator != null) {
            generator.shutdownNow();
        }
        if (contextB != null) {
            contextB.stop();
        }
    }

    @Test
    void fileStateRepository() throws Exception {
        Path positions = shared.resolve("positions");
        failoverCrashAndFailback("Replicated File", () -> new VeeamEmFileStateRepository(positions));
    }

    @Test
    void jdbcStateRepository() throws Exception {
        failoverCrashAndFailback("Replicated JDBC", () -> {
            JdbcDataSource dataSource = new JdbcDataSource();
            dataSource.setURL("jdbc:h2:mem:replicas;DB_CLOSE_DELAY=-1");
            return new VeeamEmJdbcStateRepository(dataSource);
        });
    }

    private void failoverCrashAndFailback(String jobName, Supplier<StateRepository<String, String>> store)
            throws Exception {
        String jobId = java.util.UUID.nameUUIDFromBytes(jobName.getBytes()).toString();
        sim.addJob(jobId, jobName);
        startFinishingSessions(jobId);

        // A leads alone at first
        replica(context, "A", store.get(), jobName, emittedByA, new AtomicBoolean(), new AtomicBoolean());
        awaitMore(emittedByA, 20);

        // B joins as a follower: it emits nothing while A leads
        contextB = new DefaultCamelContext();
        replica(contextB, "B", store.get(), jobName, emittedByB, crashB, crashedB);
        contextB.start();
        awaitMore(emittedByA, 20);
        assertEquals(List.of(), emittedByB, "a follower emits nothing");

        // failover: A's route stops, B takes over
        context.getRouteController().stopRoute("sessions-A");
        int aBeforeFailback = emittedByA.size();
        awaitMore(emittedByB, 20);
        assertEquals(aBeforeFailback, emittedByA.size(), "A stopped emitting");

        // A comes back as a follower, then B crashes in the middle of an exchange: A leads again
        context.getRouteController().startRoute("sessions-A");
        awaitMore(emittedByB, 10);
        assertEquals(aBeforeFailback, emittedByA.size(), "A follows while B leads");
        crashB.set(true);
        await().atMost(Duration.ofSeconds(30)).untilTrue(crashedB);
        contextB.getShutdownStrategy().setTimeout(1);
        contextB.stop();
        awaitMore(emittedByA, 20);

        // the sessions stop finishing; every one of them is emitted, once
        generator.shutdown();
        assertTrue(generator.awaitTermination(10, TimeUnit.SECONDS));
        Set<String> all = new HashSet<>(sim.getBackupSessions(jobId).stream().map(SimBackupSession::getId).toList());
        await().atMost(Duration.ofSeconds(30)).until(() -> union().containsAll(all));
        awaitPolls(3);

        List<String> union = union();
        Set<String> distinct = new HashSet<>(union);
        assertEquals(union.size(), distinct.size(), () -> "duplicates: " + duplicates(union));
        assertEquals(all, distinct, "no gaps and nothing else");
        assertTrue(emittedByA.size() > aBeforeFailback, "A emitted again after the failback");
        assertTrue(all.size() > 100, "sessions: " + all.size());
    }

    /** Sessions finish every 50 ms; one in seven is listed 3 s late, one in ten shares the previous one's end time. */
    private void startFinishingSessions(String jobId) {
        AtomicInteger count = new AtomicInteger();
        Instant[] previous = new Instant[1];
        generator = Executors.newSingleThreadScheduledExecutor();
        generator.scheduleAtFixedRate(() -> {
            int n = count.incrementAndGet();
            Instant end = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            if (n % 7 == 0) {
                end = end.minusSeconds(3);
            } else if (n % 10 == 0 && previous[0] != null) {
                end = previous[0];
            }
            previous[0] = end;
            sim.addBackupSession(jobId, State.Stopped, Result.values()[1 + n % 3], end.minusSeconds(60), end);
        }, 0, 50, TimeUnit.MILLISECONDS);
    }

    private void replica(
            CamelContext camel, String name, StateRepository<String, String> store, String jobName,
            List<String> emitted, AtomicBoolean crash, AtomicBoolean crashed)
            throws Exception {
        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setId("replica-" + name);
        cluster.setRoot(shared.resolve("cluster").toString());
        cluster.setAcquireLockDelay(100, TimeUnit.MILLISECONDS);
        cluster.setAcquireLockInterval(200, TimeUnit.MILLISECONDS);
        camel.addService(cluster);
        camel.getRegistry().bind("positions", store);
        String consumer = uri("backupSessions") + "&jobName=RAW(" + jobName + ")&delay=100&initialDelay=0"
                          + "&initialLookback=1h&stateRepository=#positions";
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("master:" + NAMESPACE + ":" + consumer).routeId("sessions-" + name)
                        .process(exchange -> {
                            if (crash.get()) {
                                // the process dies here: this session never reached the sink
                                crashed.set(true);
                                throw new IllegalStateException("replica " + name + " crashed");
                            }
                            emitted.add(exchange.getMessage().getBody(BackupJobSession.class).getId());
                        });
            }
        });
    }

    private List<String> union() {
        List<String> union = new ArrayList<>();
        synchronized (emittedByA) {
            union.addAll(emittedByA);
        }
        synchronized (emittedByB) {
            union.addAll(emittedByB);
        }
        return union;
    }

    private static List<String> duplicates(List<String> ids) {
        Set<String> seen = new HashSet<>();
        return ids.stream().filter(id -> !seen.add(id)).toList();
    }

    private static void awaitMore(List<String> emitted, int more) {
        int before = emitted.size();
        await().atMost(Duration.ofSeconds(30)).until(() -> emitted.size() >= before + more);
    }

    private void awaitPolls(int polls) {
        int before = sim.getRequests("GET", "/api/query").size();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> sim.getRequests("GET", "/api/query").size() >= before + polls);
        assertEquals(ServiceStatus.Started, context.getRouteController().getRouteStatus("sessions-A"));
    }
}
