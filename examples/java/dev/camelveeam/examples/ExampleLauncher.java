package dev.camelveeam.examples;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.camelveeam.veeamem.simulator.EmSimulator;
import org.apache.camel.main.Main;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Runs the remove-include example once and exits. It talks to a real EM when {@code veeam.baseUrl} (system property) or
 * {@code VEEAM_BASE_URL} (environment) is set, and to an embedded EM simulator otherwise.
 * <p>
 * {@code -Dexample.dsl=java} runs the Java DSL route instead of {@code examples/remove-include.yaml}.
 * <p>
 * It always ends the JVM, with status 0 when the route's exchange completed, 1 when the route failed or could not
 * start, and 2 (before starting anything) when a real EM is asked for without every setting it needs, naming the
 * missing environment variables.
 */
public final class ExampleLauncher {

    private static final String[] SETTINGS = { "baseUrl", "username", "password", "jobId", "includeId", "format" };
    /** What a real EM needs; {@code format} has a default. */
    private static final String[] REQUIRED = { "baseUrl", "username", "password", "jobId", "includeId" };
    /** How long the route may stay without an exchange before Camel Main stops it (a hung request included). */
    private static final int MAX_IDLE_SECONDS = 30;
    /** The longest the example runs, whatever happens. */
    private static final int MAX_SECONDS = 600;

    private ExampleLauncher() {
    }

    public static void main(String[] args) {
        int status;
        try {
            status = launch();
        } catch (Exception e) {
            System.err.println("The example failed: " + e);
            status = 1;
        }
        // Camel Main leaves a non-daemon thread behind when the routes fail to start: end the JVM in every case
        System.exit(status);
    }

    private static int launch() throws Exception {
        Map<String, String> settings = settingsFromEnvironment();
        List<String> missing = missingSettings(settings);
        if (!missing.isEmpty()) {
            System.err.println(missingSettingsMessage(missing));
            return 2;
        }
        EmSimulator simulator = null;
        if (settings.containsKey("baseUrl")) {
            System.out.println("Talking to Veeam EM at " + settings.get("baseUrl"));
        } else {
            simulator = new EmSimulator().start();
            settings.putAll(simulatorSettings(simulator));
            System.out.println("Talking to the embedded EM simulator at " + simulator.getBaseUrl()
                               + " (set VEEAM_BASE_URL, VEEAM_USERNAME, VEEAM_PASSWORD, VEEAM_JOB_ID and"
                               + " VEEAM_INCLUDE_ID to talk to a real EM)");
        }
        try {
            return run(settings, "java".equals(System.getProperty("example.dsl")));
        } finally {
            if (simulator != null) {
                simulator.close();
            }
        }
    }

    private static int run(Map<String, String> settings, boolean javaDsl) throws Exception {
        Main main = new Main();
        settings.forEach((name, value) -> main.addInitialProperty("veeam." + name, value));
        main.configure().withDurationMaxMessages(1).withDurationMaxIdleSeconds(MAX_IDLE_SECONDS)
                .withDurationMaxSeconds(MAX_SECONDS);
        if (javaDsl) {
            main.configure().addRoutesBuilder(new RemoveIncludeRoute());
        } else {
            main.configure().withRoutesIncludePattern("file:examples/remove-include.yaml");
        }
        Outcome outcome = new Outcome();
        main.bind("exampleOutcome", outcome);
        main.run();
        if (outcome.completed.get() > 0) {
            return 0;
        }
        System.err.println(outcome.failed.get() > 0
                ? "The example's exchange failed (see the log above)."
                : "The example ended without an exchange (the route did not start, or EM did not answer; see the log above).");
        return 1;
    }

    /**
     * Counts the exchanges that completed and those that failed (Camel Main picks up event notifiers it finds bound).
     */
    private static final class Outcome extends EventNotifierSupport {

        private final AtomicInteger completed = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();

        Outcome() {
            setIgnoreCamelContextEvents(true);
            setIgnoreRouteEvents(true);
            setIgnoreServiceEvents(true);
            setIgnoreStepEvents(true);
            setIgnoreExchangeCreatedEvent(true);
            setIgnoreExchangeSendingEvents(true);
            setIgnoreExchangeSentEvents(true);
            setIgnoreExchangeRedeliveryEvents(true);
        }

        @Override
        public void notify(CamelEvent event) {
            if (event instanceof CamelEvent.ExchangeFailedEvent) {
                failed.incrementAndGet();
            } else if (event instanceof CamelEvent.ExchangeCompletedEvent completedEvent
                    && completedEvent.getExchange().getException() == null) {
                completed.incrementAndGet();
            }
        }
    }

    /**
     * The settings a real EM needs and that are not given: none when none is given at all (the simulator is used).
     */
    static List<String> missingSettings(Map<String, String> settings) {
        List<String> missing = new ArrayList<>();
        boolean anyGiven = false;
        for (String name : REQUIRED) {
            if (settings.containsKey(name)) {
                anyGiven = true;
            } else {
                missing.add(name);
            }
        }
        return anyGiven ? missing : List.of();
    }

    static String missingSettingsMessage(List<String> missing) {
        StringBuilder message = new StringBuilder("Cannot run the example against a real EM: missing ");
        for (int i = 0; i < missing.size(); i++) {
            message.append(i == 0 ? "" : ", ").append(environmentVariable(missing.get(i)))
                    .append(" (or -Dveeam.").append(missing.get(i)).append(')');
        }
        return message.append(". Set all of VEEAM_BASE_URL, VEEAM_USERNAME, VEEAM_PASSWORD, VEEAM_JOB_ID and"
                              + " VEEAM_INCLUDE_ID for a real EM, or none of them for the embedded simulator.")
                .toString();
    }

    private static String environmentVariable(String setting) {
        return "VEEAM_" + setting.replaceAll("([A-Z])", "_$1").toUpperCase();
    }

    /**
     * {@code veeam.jobId} from the system properties, else {@code VEEAM_JOB_ID} from the environment, and so on. Blank
     * system properties (the Maven build passes every one, empty when unset) are removed so that route defaults apply.
     */
    private static Map<String, String> settingsFromEnvironment() {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String name : SETTINGS) {
            String value = System.getProperty("veeam." + name);
            if (value != null && value.isBlank()) {
                System.clearProperty("veeam." + name);
            }
            if (value == null || value.isBlank()) {
                value = System.getenv(environmentVariable(name));
            }
            if (value != null && !value.isBlank()) {
                settings.put(name, value);
            }
        }
        return settings;
    }

    private static Map<String, String> simulatorSettings(EmSimulator simulator) {
        return Map.of(
                "baseUrl", simulator.getBaseUrl(),
                "username", EmSimulator.DEFAULT_USERNAME,
                "password", EmSimulator.DEFAULT_PASSWORD,
                "jobId", EmSimulator.SEED_ORACLE_JOB_ID,
                "includeId", EmSimulator.SEED_ORACLE01_INCLUDE_ID);
    }
}
