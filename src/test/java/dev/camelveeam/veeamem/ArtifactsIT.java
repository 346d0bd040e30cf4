package dev.camelveeam.veeamem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two jars the build packages (failsafe runs this after {@code package}): the component's holds none of the
 * simulator and needs no JUnit; the simulator's ({@code -simulator} classifier) holds all of it and needs nothing of
 * the component.
 */
class ArtifactsIT {

    private static final String SIMULATOR = "dev/camelveeam/veeamem/simulator/";
    private static final Pattern PROJECT_REFERENCE = Pattern.compile("dev/camelveeam/veeamem/[A-Za-z0-9_/$]*");

    @Test
    void theComponentJarHoldsNoSimulatorClassAndNeedsNoJunit() throws IOException {
        try (JarFile jar = new JarFile(componentJar().toFile())) {
            List<String> names = jar.stream().map(JarEntry::getName).toList();
            assertTrue(names.contains("dev/camelveeam/veeamem/VeeamEmComponent.class"), names::toString);
            assertEquals(List.of(), names.stream().filter(name -> name.startsWith(SIMULATOR) && !name.endsWith("/")).toList());
            assertEquals(List.of(), classesReferring(jar, "org/junit/"));
        }
    }

    @Test
    void theSimulatorJarHoldsTheSimulatorKitAndNothingElse() throws IOException {
        Path simulatorJar
                = componentJar().resolveSibling(componentJar().getFileName().toString().replace(".jar", "-simulator.jar"));
        assertTrue(Files.isRegularFile(simulatorJar), simulatorJar::toString);
        try (JarFile jar = new JarFile(simulatorJar.toFile())) {
            List<String> classes = jar.stream().map(JarEntry::getName).filter(name -> name.endsWith(".class")).toList();
            assertTrue(classes.containsAll(List.of(SIMULATOR + "EmSimulator.class", SIMULATOR + "EmSimulatorMain.class",
                    SIMULATOR + "junit/EmSimulatorExtension.class", SIMULATOR + "tls/TestCertificates.class")),
                    classes::toString);
            assertEquals(List.of(), classes.stream().filter(name -> !name.startsWith(SIMULATOR)).toList());
            // only the extension needs JUnit; nothing needs the component
            assertEquals(List.of(), classesReferring(jar, "org/junit/").stream()
                    .filter(name -> !name.startsWith(SIMULATOR + "junit/")).toList());
            List<String> componentReferences = new ArrayList<>();
            for (String name : classes) {
                Matcher references = PROJECT_REFERENCE.matcher(text(jar, name));
                while (references.find()) {
                    if (!references.group().startsWith(SIMULATOR)) {
                        componentReferences.add(name + " -> " + references.group());
                    }
                }
            }
            assertEquals(List.of(), componentReferences);
        }
    }

    /** The jar failsafe put on the class path in place of target/classes. */
    private static Path componentJar() {
        try {
            Path jar = Path.of(VeeamEmComponent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            assertTrue(jar.getFileName().toString().endsWith(".jar"), () -> "run by failsafe, against the jar: " + jar);
            return jar;
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The classes whose constant pool names something starting with {@code prefix} (a class file holds names as UTF-8).
     */
    private static List<String> classesReferring(JarFile jar, String prefix) throws IOException {
        List<String> found = new ArrayList<>();
        Predicate<String> isClass = name -> name.endsWith(".class");
        for (String name : jar.stream().map(JarEntry::getName).filter(isClass).toList()) {
            if (text(jar, name).contains(prefix)) {
                found.add(name);
            }
        }
        return found;
    }

    private static String text(JarFile jar, String entry) throws IOException {
        try (InputStream in = jar.getInputStream(jar.getEntry(entry))) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
