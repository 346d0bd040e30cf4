package dev.camelveeam.veeamem;

import java.io.FileOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.camelveeam.veeamem.model.BackupJobSession;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * One replica in a JVM of its own, for {@link BackupSessionCrashTest}: the backupSessions consumer under
 * {@code master:} with a FileLockClusterService and a VeeamEmFileStateRepository on shared directories; each emitted
 * session's id is appended to a file (one write per line) before its exchange completes. It runs until killed.
 * <p>
 * Arguments: consumer URI (without master:), cluster root, positions directory, output file.
 */
public final class ReplicaMain {

    private ReplicaMain() {
    }

    public static void main(String[] args) throws Exception {
        String consumerUri = args[0];
        FileOutputStream out = new FileOutputStream(args[3], true);
        CamelContext camel = new DefaultCamelContext();
        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setId("replica-child");
        cluster.setRoot(args[1]);
        cluster.setAcquireLockDelay(100, TimeUnit.MILLISECONDS);
        cluster.setAcquireLockInterval(200, TimeUnit.MILLISECONDS);
        camel.addService(cluster);
        camel.getRegistry().bind("positions", new VeeamEmFileStateRepository(Path.of(args[2])));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("master:" + BackupSessionCrashTest.NAMESPACE + ":" + consumerUri).routeId("sessions-child")
                        .process(exchange -> {
                            String id = exchange.getMessage().getBody(BackupJobSession.class).getId();
                            synchronized (out) {
                                out.write((id + "\n").getBytes(StandardCharsets.UTF_8));
                            }
                        });
            }
        });
        camel.start();
        new CountDownLatch(1).await();
    }
}
