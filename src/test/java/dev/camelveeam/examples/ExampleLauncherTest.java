package dev.camelveeam.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.camelveeam.veeamem.simulator.EmSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE01_INCLUDE_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE_JOB_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example launcher (what {@code mvn -B test-compile exec:exec} runs) in a JVM of its own, as the README describes
 * it: it exits by itself, against the embedded simulator and against "a real EM" given by environment variables (a
 * simulator the test starts), and at once, naming the variable, when one is missing.
 */
class ExampleLauncherTest {

    private static final long EXIT_WITHIN_SECONDS = 90;

    @TempDir
    Path dir;

    private EmSimulator sim;

    @AfterEach
    void closeSimulator() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void aMissingVariableForARealEmEndsItAtOnceNamingTheVariable() throws Exception {
        Result result = launch(Map.of("VEEAM_BASE_URL", "https://em.example.com:9398/api",
                "VEEAM_USERNAME", "svc-camel", "VEEAM_PASSWORD", "secret", "VEEAM_INCLUDE_ID", SEED_ORACLE01_INCLUDE_ID));

        assertEquals(2, result.status(), result.output());
        assertTrue(result.output().contains("missing VEEAM_JOB_ID (or -Dveeam.jobId)."), result.output());
    }

    @Test
    void withoutVariablesItRunsAgainstTheEmbeddedSimulatorAndExits() throws Exception {
        Result result = launch(Map.of());

        assertEquals(0, result.status(), result.output());
        assertTrue(result.output().contains("Talking to the embedded EM simulator"), result.output());
        assertTrue(result.output().contains("Final task: "), result.output());
    }

    @Test
    void withEveryVariableItRunsAgainstThatEmAndExits() throws Exception {
        sim = new EmSimulator().withUser("svc-camel", "s3cret").start();

        Result result = launch(Map.of("VEEAM_BASE_URL", sim.getBaseUrl(), "VEEAM_USERNAME", "svc-camel",
                "VEEAM_PASSWORD", "s3cret", "VEEAM_JOB_ID", SEED_ORACLE_JOB_ID, "VEEAM_INCLUDE_ID", SEED_ORACLE01_INCLUDE_ID));

        assertEquals(0, result.status(), result.output());
        assertTrue(result.output().contains("Talking to Veeam EM at " + sim.getBaseUrl()), result.output());
        assertEquals(1, sim.getRequests("DELETE", "/api/jobs/" + SEED_ORACLE_JOB_ID + "/includes/.*").size());
    }

    @Test
    void aRefusedLogonEndsItWithAFailureStatus() throws Exception {
        sim = new EmSimulator().withUser("svc-camel", "s3cret").start();

        Result result = launch(Map.of("VEEAM_BASE_URL", sim.getBaseUrl(), "VEEAM_USERNAME", "svc-camel",
                "VEEAM_PASSWORD", "wrong", "VEEAM_JOB_ID", SEED_ORACLE_JOB_ID, "VEEAM_INCLUDE_ID", SEED_ORACLE01_INCLUDE_ID));

        assertEquals(1, result.status(), result.output());
        assertTrue(result.output().contains("The example's exchange failed"), result.output());
    }

    @Test
    void theMessageNamesEveryMissingVariable() {
        List<String> missing = ExampleLauncher.missingSettings(Map.of("baseUrl", "https://em.example.com:9398/api"));

        assertEquals(List.of("username", "password", "jobId", "includeId"), missing);
        assertTrue(ExampleLauncher.missingSettingsMessage(missing).startsWith("Cannot run the example against a real"
                                                                              + " EM: missing VEEAM_USERNAME (or -Dveeam.username), VEEAM_PASSWORD (or -Dveeam.password), VEEAM_JOB_ID"
                                                                              + " (or -Dveeam.jobId), VEEAM_INCLUDE_ID (or -Dveeam.includeId)."));
        assertEquals(List.of(), ExampleLauncher.missingSettings(Map.of("format", "json")), "the simulator");
    }

    private record Result(int status, String output) {
    }

    /** Runs the launcher as the pom's exec:exec does (the project directory as working directory). */
    private Result launch(Map<String, String> environment) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path output = dir.resolve("output.txt");
        ProcessBuilder builder = new ProcessBuilder(
                java, "-Dlog4j2.configurationFile=examples/log4j2.properties",
                "-Dsun.net.httpserver.nodelay=true", "-cp", System.getProperty("java.class.path"),
                ExampleLauncher.class.getName())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("VEEAM_"));
        builder.environment().putAll(environment);
        Process child = builder.start();
        try {
            boolean exited = child.waitFor(EXIT_WITHIN_SECONDS, TimeUnit.SECONDS);
            String text = Files.readString(output, StandardCharsets.UTF_8);
            assertTrue(exited, "the example did not exit within " + EXIT_WITHIN_SECONDS + " s:\n" + text);
            return new Result(child.exitValue(), text);
        } finally {
            child.destroyForcibly();
        }
    }
}
