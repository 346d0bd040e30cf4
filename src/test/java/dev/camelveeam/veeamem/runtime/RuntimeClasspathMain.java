package dev.camelveeam.veeamem.runtime;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.camelveeam.veeamem.VeeamEmConstants;
import dev.camelveeam.veeamem.model.BackupJobSession;
import dev.camelveeam.veeamem.model.Job;
import dev.camelveeam.veeamem.model.Task;
import dev.camelveeam.veeamem.simulator.EmSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;

/**
 * Run by {@link RuntimeClasspathIT} in its own JVM whose class path is the packaged jar and its runtime dependencies
 * only (no test-scope jar): the producer in XML and JSON with task polling, the backupSessions consumer, the dev
 * console, and a clean stop. Prints {@code RUNTIME-CLASSPATH-OK} and exits 0, or fails with a stack trace.
 */
public final class RuntimeClasspathMain {

    private RuntimeClasspathMain() {
    }

    public static void main(String[] args) throws Exception {
        BlockingQueue<BackupJobSession> sessions = new LinkedBlockingQueue<>();
        try (EmSimulator em = new EmSimulator().withUser("svc-camel", "secret").start()) {
            String connection = "baseUrl=" + em.getBaseUrl() + "&username=svc-camel&password=secret";
            CamelContext context = new DefaultCamelContext();
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("veeam-em:backupSessions?" + connection + "&delay=100&initialDelay=0&initialLookback=24h")
                            .process(exchange -> sessions.add(exchange.getMessage().getBody(BackupJobSession.class)));
                }
            });
            context.start();
            ProducerTemplate template = context.createProducerTemplate();

            Exchange removed = template.request("veeam-em:removeInclude?" + connection, exchange -> exchange.getMessage()
                    .setHeaders(Map.of(VeeamEmConstants.JOB_ID, EmSimulator.SEED_ORACLE_JOB_ID,
                            VeeamEmConstants.INCLUDE_ID, EmSimulator.SEED_ORACLE01_INCLUDE_ID)));
            check(removed.getException() == null, "removeInclude failed: " + removed.getException());
            Task task = removed.getMessage().getBody(Task.class);
            check(task != null && "Finished".equals(task.getState()), "removeInclude: no finished task: " + task);

            Exchange jobs = template.request("veeam-em:listJobs?format=json&" + connection, exchange -> {
            });
            check(jobs.getException() == null, "listJobs in JSON failed: " + jobs.getException());
            List<?> list = jobs.getMessage().getBody(List.class);
            check(list != null && !list.isEmpty() && list.get(0) instanceof Job, "listJobs in JSON: " + list);

            BackupJobSession session = sessions.poll(20, TimeUnit.SECONDS);
            check(session != null && session.getJobName() != null, "the consumer emitted no session");

            DevConsole console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("veeam-em");
            check(console != null, "no veeam-em dev console");
            String text = (String) console.call(DevConsole.MediaType.TEXT);
            check(text.contains("logged on"), "dev console: " + text);

            context.stop();
        }
        System.out.println("RUNTIME-CLASSPATH-OK");
        System.exit(0); // threads are another test's business (StopWhileInFlightTest)
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
