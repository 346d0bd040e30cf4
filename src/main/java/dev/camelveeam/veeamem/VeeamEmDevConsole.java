package dev.camelveeam.veeamem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.camelveeam.veeamem.internal.EmConnection;
import dev.camelveeam.veeamem.internal.RunTimeEstimates;
import dev.camelveeam.veeamem.internal.RunTimeEstimates.Quantiles;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;

/**
 * The state of the veeam-em component: its EM connections and whether each has a logon session (never the token), what
 * the adaptive poll strategy learnt of each operation's run times, the tasks being waited for, and counts of
 * operations, polls, logons and failures.
 */
@DevConsole(name = "veeam-em", displayName = "Veeam EM",
            description = "Veeam Backup Enterprise Manager sessions, tasks in flight and counters")
public class VeeamEmDevConsole extends AbstractDevConsole {

    private static final int MIN_SAMPLES = RunTimeEstimates.MIN_SAMPLES;

    public VeeamEmDevConsole() {
        super("camel", "veeam-em", "Veeam EM", "Veeam Backup Enterprise Manager sessions, tasks in flight and counters");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        VeeamEmComponent component = component();
        if (component == null) {
            return "The veeam-em component is not in use.";
        }
        StringBuilder text = new StringBuilder();
        for (EmConnection connection : component.getConnections()) {
            text.append(String.format("EM %s as %s: %s%n", connection.getRoot(), connection.getUsername(),
                    connection.isLoggedOn() ? "logged on" : "not logged on"));
            estimates(component, connection).forEach((operation, learnt) -> text.append(learnt.samples() < MIN_SAMPLES
                    ? String.format("  %s: learning, %d of %d run times (back-off until then)%n", operation,
                            learnt.samples(), MIN_SAMPLES)
                    : String.format("  %s: run time q10 %d ms, median %d ms, q95 %d ms (last %d tasks)%n", operation,
                            learnt.low(), learnt.median(), learnt.high(), learnt.samples())));
        }
        text.append(String.format("Tasks in flight: %d%n", tasksInFlight(component)));
        component.getStatistics().snapshot().forEach((name, count) -> text.append(String.format("%s: %d%n", name, count)));
        return text.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        Map<String, Object> json = new LinkedHashMap<>();
        VeeamEmComponent component = component();
        if (component == null) {
            return json;
        }
        List<Map<String, Object>> connections = new ArrayList<>();
        for (EmConnection connection : component.getConnections()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("baseUrl", connection.getRoot().toString());
            entry.put("username", connection.getUsername());
            entry.put("loggedOn", connection.isLoggedOn());
            Map<String, Object> runTimes = new LinkedHashMap<>();
            estimates(component, connection).forEach((operation, learnt) -> {
                Map<String, Object> estimate = new LinkedHashMap<>();
                estimate.put("samples", learnt.samples());
                if (learnt.samples() >= MIN_SAMPLES) {
                    estimate.put("q10Millis", learnt.low());
                    estimate.put("medianMillis", learnt.median());
                    estimate.put("q95Millis", learnt.high());
                }
                runTimes.put(operation, estimate);
            });
            entry.put("runTimeEstimates", runTimes);
            connections.add(entry);
        }
        json.put("connections", connections);
        json.put("tasksInFlight", tasksInFlight(component));
        json.putAll(component.getStatistics().snapshot());
        return json;
    }

    /** What the adaptive poll strategy learnt on the connection, by operation/TaskOperation. */
    private static Map<String, Quantiles> estimates(VeeamEmComponent component, EmConnection connection) {
        RunTimeEstimates estimates = component.findRunTimeEstimates(connection);
        return estimates == null ? Map.of() : estimates.snapshot();
    }

    private static int tasksInFlight(VeeamEmComponent component) {
        return component.getTasksInFlight();
    }

    private VeeamEmComponent component() {
        return getCamelContext().hasComponent("veeam-em") instanceof VeeamEmComponent component ? component : null;
    }
}
