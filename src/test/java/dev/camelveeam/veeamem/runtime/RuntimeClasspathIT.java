package dev.camelveeam.veeamem.runtime;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.camelveeam.veeamem.VeeamEmComponent;
import org.apache.camel.language.simple.SimpleLanguage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The component works with nothing but its declared runtime class path: the packaged jar and the runtime dependencies
 * Maven resolves for a user (so the exclusions on camel-http and camel-jacksonxml leave nothing out that it loads),
 * plus camel-core-languages, which any Camel application has and a bare CamelContext needs, and that class path holds
 * none of the excluded artifacts. The class path comes from the file named by the system property
 * {@code runtimeClasspathFile}, which the release profile writes and sets ({@code mvn -B -Prelease verify}); without it
 * (the plain build) the test is skipped.
 */
class RuntimeClasspathIT {

    /** What the pom excludes: none of it may come back through another dependency. */
    private static final List<String> EXCLUDED = List.of("camel-http-common-", "camel-http-base-",
            "camel-attachments-", "camel-cloud-", "camel-file-", "camel-cluster-", "jakarta.servlet-api-",
            "jackson-module-jakarta-xmlbind-annotations-");

    private static List<String> runtimeClasspath;

    @BeforeAll
    static void readRuntimeClasspath() throws IOException {
        String name = System.getProperty("runtimeClasspathFile");
        assumeTrue(name != null, "no runtimeClasspathFile: run with -Prelease");
        Path file = Paths.get(name);
        assertTrue(Files.isRegularFile(file), "no " + file);
        runtimeClasspath = Arrays.stream(Files.readString(file, StandardCharsets.UTF_8).trim().split(File.pathSeparator))
                .filter(entry -> !entry.isBlank()).toList();
    }

    @Test
    void theRuntimeClasspathHoldsNoExcludedArtifact() {
        List<String> found = runtimeClasspath.stream().map(entry -> Paths.get(entry).getFileName().toString())
                .filter(name -> EXCLUDED.stream().anyMatch(name::startsWith)).toList();
        assertEquals(List.of(), found);
        assertTrue(runtimeClasspath.stream().noneMatch(entry -> entry.contains("junit") || entry.contains("log4j")),
                "a test-scope jar in the runtime class path: " + runtimeClasspath);
    }

    @Test
    void theComponentRunsOnItsRuntimeClasspathAlone() throws Exception {
        String jar = Paths.get(VeeamEmComponent.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        assertTrue(jar.endsWith(".jar"), "failsafe runs against the packaged jar: " + jar);
        String testClasses = Paths.get(RuntimeClasspathMain.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI()).toString();

        // what every Camel application has besides the component (camel-main, camel-core, Spring Boot, Quarkus all
        // bring it) and a bare CamelContext needs to start: the simple language
        String coreLanguages = Paths.get(SimpleLanguage.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI()).toString();
        assertTrue(coreLanguages.contains("camel-core-languages"), coreLanguages);

        List<String> classpath = new ArrayList<>();
        classpath.add(jar);
        classpath.addAll(runtimeClasspath);
        classpath.add(coreLanguages);
        classpath.add(testClasses); // RuntimeClasspathMain only: test-classes holds no jar
        Path output = Files.createTempFile("runtime-classpath", ".log");
        try {
            Process process = new ProcessBuilder(
                    Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", String.join(File.pathSeparator, classpath), RuntimeClasspathMain.class.getName())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            boolean ended = process.waitFor(90, TimeUnit.SECONDS);
            if (!ended) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            String log = Files.readString(output, StandardCharsets.UTF_8);
            assertTrue(ended, "did not end within 90 s:\n" + log);
            assertEquals(0, process.exitValue(), log);
            assertTrue(log.contains("RUNTIME-CLASSPATH-OK"), log);
            assertTrue(!log.contains("NoClassDefFoundError") && !log.contains("ClassNotFoundException"), log);
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
