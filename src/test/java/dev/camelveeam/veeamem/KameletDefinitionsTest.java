package dev.camelveeam.veeamem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kamelet files follow the conventions of the Apache Camel Kamelet catalog (metadata, labels, annotations, a
 * JSON-schema definition, dependencies), name this project's version, and their templates use only the properties they
 * define and only options the component has.
 */
@SuppressWarnings("unchecked")
class KameletDefinitionsTest {

    private static final Path KAMELETS = Path.of("src/main/resources/kamelets");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\??)([A-Za-z0-9]+)}}");

    private static String projectVersion;
    private static Set<String> componentOptions;

    @BeforeAll
    static void read() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher version = Pattern.compile("<artifactId>camel-veeam-em</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        assertTrue(version.find(), "the project's version in pom.xml");
        projectVersion = version.group(1);
        try (InputStream json = KameletDefinitionsTest.class
                .getResourceAsStream("/META-INF/dev/camelveeam/veeamem/veeam-em.json")) {
            assertNotNull(json, "veeam-em.json on the classpath");
            componentOptions = new HashSet<>();
            new ObjectMapper().readTree(json).get("properties").fieldNames().forEachRemaining(componentOptions::add);
        }
    }

    static Stream<Path> kamelets() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(KAMELETS)) {
            files = list.filter(file -> file.getFileName().toString().endsWith(".kamelet.yaml")).sorted().toList();
        }
        assertEquals(List.of("veeam-em-backup-session-source.kamelet.yaml", "veeam-em-remove-include-action.kamelet.yaml",
                "veeam-em-start-job-action.kamelet.yaml"), files.stream().map(file -> file.getFileName().toString()).toList());
        return files.stream();
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertTrue(value instanceof Map, () -> key + " is a mapping: " + value);
        return (Map<String, Object>) value;
    }

    private static Map<String, Object> load(Path file) throws IOException {
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void followsTheCatalogConventions(Path file) throws IOException {
        Map<String, Object> kamelet = load(file);
        assertEquals("camel.apache.org/v1", kamelet.get("apiVersion"));
        assertEquals("Kamelet", kamelet.get("kind"));

        Map<String, Object> metadata = map(kamelet, "metadata");
        String name = (String) metadata.get("name");
        assertEquals(name + ".kamelet.yaml", file.getFileName().toString(), "camel-kamelet finds it by its name");
        String type = name.substring(name.lastIndexOf('-') + 1);
        assertTrue(Set.of("source", "sink", "action").contains(type), name);
        assertEquals(type, map(metadata, "labels").get("camel.apache.org/kamelet.type"));

        Map<String, Object> annotations = map(metadata, "annotations");
        assertEquals("Preview", annotations.get("camel.apache.org/kamelet.support.level"));
        assertEquals(projectVersion, annotations.get("camel.apache.org/catalog.version"), "the project's version");
        assertTrue(((String) annotations.get("camel.apache.org/kamelet.icon")).startsWith("data:image/svg+xml;base64,"));
        for (String annotation : List.of("provider", "kamelet.group", "kamelet.namespace")) {
            assertFalse(((String) annotations.get("camel.apache.org/" + annotation)).isBlank(), annotation);
        }

        Map<String, Object> spec = map(kamelet, "spec");
        List<String> dependencies = (List<String>) spec.get("dependencies");
        assertTrue(dependencies.containsAll(List.of("camel:core", "camel:kamelet",
                "mvn:dev.camelveeam:camel-veeam-em:" + projectVersion)), dependencies.toString());
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void definesThePropertiesItsTemplateUses(Path file) throws IOException {
        Map<String, Object> spec = map(load(file), "spec");
        Map<String, Object> definition = map(spec, "definition");
        assertEquals("object", definition.get("type"));
        assertFalse(((String) definition.get("title")).isBlank());
        assertFalse(((String) definition.get("description")).isBlank());
        Map<String, Object> properties = map(definition, "properties");
        List<String> required = (List<String>) definition.get("required");
        assertEquals(List.of("baseUrl", "username", "password"), required);
        assertTrue(properties.keySet().containsAll(required));
        for (String property : properties.keySet()) {
            Map<String, Object> schema = map(properties, property);
            assertFalse(((String) schema.get("title")).isBlank(), property);
            assertFalse(((String) schema.get("description")).isBlank(), property);
            assertTrue(Set.of("string", "integer", "boolean").contains(schema.get("type")), property);
        }
        Map<String, Object> password = map(properties, "password");
        assertEquals("password", password.get("format"), "the password is a secret");
        assertTrue(((List<String>) password.get("x-descriptors")).contains("urn:camel:group:credentials"));

        String template = Files.readString(file);
        template = template.substring(template.indexOf("\n  template:"));
        Map<String, Boolean> used = new LinkedHashMap<>();
        Matcher placeholder = PLACEHOLDER.matcher(template);
        while (placeholder.find()) {
            used.put(placeholder.group(2), placeholder.group(1).isEmpty());
        }
        assertEquals(properties.keySet(), used.keySet(), "the template uses every property and no other");
        used.forEach((property, mandatory) -> {
            if (mandatory) {
                assertTrue(required.contains(property) || map(properties, property).containsKey("default"),
                        () -> property + ": {{" + property + "}} needs a value; make it {{?" + property + "}}");
            }
        });
    }

    @ParameterizedTest
    @MethodSource("kamelets")
    void givesTheEndpointOnlyOptionsItHas(Path file) throws IOException {
        Map<String, Object> template = map(map(load(file), "spec"), "template");
        Map<String, Object> from = map(template, "from");
        List<Map<String, Object>> endpoints = new ArrayList<>();
        endpoints.add(from);
        for (Object step : (List<Object>) from.get("steps")) {
            Object to = ((Map<String, Object>) step).get("to");
            if (to instanceof Map) {
                endpoints.add((Map<String, Object>) to);
            }
        }
        List<Map<String, Object>> veeamEm = endpoints.stream()
                .filter(endpoint -> ((String) endpoint.get("uri")).startsWith("veeam-em:")).toList();
        assertEquals(1, veeamEm.size(), "one veeam-em endpoint");
        Map<String, Object> parameters = map(veeamEm.get(0), "parameters");
        assertTrue(componentOptions.containsAll(parameters.keySet()),
                () -> "unknown options: " + parameters.keySet().stream().filter(o -> !componentOptions.contains(o)).toList());
    }
}
