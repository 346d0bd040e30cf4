package dev.camelveeam.examples;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.camelveeam.veeamem.simulator.EmSimulator;
import org.apache.camel.main.Main;

/**
 * Runs the remove-include example once and exits. It talks to a real EM when {@code veeam.baseUrl} (system property)
 * or {@code VEEAM_BASE_URL} (environment) is set, and to an embedded EM simulator otherwise.
 * <p>
 * {@code -Dexample.dsl=java} runs the Java DSL route instead of {@code examples/remove-include.yaml}.
 */
public final class ExampleLauncher {

    private static final String[] SETTINGS = { "baseUrl", "username", "password", "jobId", "includeId", "format" };

    private ExampleLauncher() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> settings = settingsFromEnvironment();
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
            run(settings, "java".equals(System.getProperty("example.dsl")));
        } finally {
            if (simulator != null) {
                simulator.close();
            }
        }
    }

    private static void run(Map<String, String> settings, boolean javaDsl) throws Exception {
        Main main = new Main();
        settings.forEach((name, value) -> main.addInitialProperty("veeam." + name, value));
        main.configure().withDurationMaxMessages(1).withDurationMaxIdleSeconds(30);
        if (javaDsl) {
            main.configure().addRoutesBuilder(new RemoveIncludeRoute());
        } else {
            main.configure().withRoutesIncludePattern("file:examples/remove-include.yaml");
        }
        main.run();
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
                value = System.getenv("VEEAM_" + name.replaceAll("([A-Z])", "_$1").toUpperCase());
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
