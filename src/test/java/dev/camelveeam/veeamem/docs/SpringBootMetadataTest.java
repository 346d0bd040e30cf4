package dev.camelveeam.veeamem.docs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed Spring Boot IDE metadata is the one the generator writes from the component JSON of the code under
 * test, and it has what an IDE needs for every component option.
 */
class SpringBootMetadataTest {

    static final Path METADATA = Path.of("src/main/resources/META-INF/spring-configuration-metadata.json");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode componentJson;
    private static Map<String, JsonNode> properties;

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = ComponentJson.classpathUrl().openStream()) {
            componentJson = MAPPER.readTree(in);
        }
        properties = byName(MAPPER.readTree(METADATA.toFile()));
    }

    @Test
    void theCommittedFileIsTheOneTheGeneratorWrites() throws IOException {
        assertEquals(SpringBootMetadataGenerator.render(componentJson),
                Files.readString(METADATA, StandardCharsets.UTF_8),
                METADATA + " is stale: run mvn process-test-classes (it rewrites the file) and commit it");
    }

    @Test
    void everyComponentOptionIsAKebabCasePropertyWithTypeAndDescription() {
        List<String> problems = new ArrayList<>();
        componentJson.path("componentProperties").properties().forEach(option -> {
            String name = "camel.component.veeam-em." + option.getKey().replaceAll("([A-Z])", "-$1").toLowerCase();
            JsonNode property = properties.get(name);
            if (property == null) {
                problems.add(option.getKey() + ": no property " + name);
            } else if (property.path("type").asText().isBlank() || property.path("description").asText().isBlank()) {
                problems.add(name + " has no type or no description");
            } else if (property.has("deprecation") != option.getValue().path("deprecated").asBoolean()) {
                problems.add(name + ": deprecation differs from the JSON");
            }
        });
        assertEquals(List.of(), problems);
        assertEquals(componentJson.path("componentProperties").size() + 2, properties.size(),
                "the options, enabled and customizer.enabled");
    }

    @Test
    void defaultsAndTypesAreWrittenAsSpringReadsThem() {
        assertAll(
                () -> assertEquals("java.lang.String",
                        properties.get("camel.component.veeam-em.base-url").path("type").asText()),
                () -> assertEquals("java.time.Duration",
                        properties.get("camel.component.veeam-em.poll-initial-delay").path("type").asText()),
                () -> assertEquals("200ms",
                        properties.get("camel.component.veeam-em.poll-initial-delay").path("defaultValue").asText()),
                () -> assertEquals("10m",
                        properties.get("camel.component.veeam-em.task-timeout").path("defaultValue").asText()),
                () -> assertTrue(
                        properties.get("camel.component.veeam-em.fail-on-task-error").path("defaultValue").isBoolean()),
                () -> assertEquals(1000, properties.get("camel.component.veeam-em.max-pages").path("defaultValue").asInt()),
                () -> assertTrue(properties.get("camel.component.veeam-em.enabled").path("defaultValue").asBoolean()),
                () -> assertTrue(properties.get("camel.component.veeam-em.ssl-context-parameters").path("description")
                        .asText().contains("#beanName")));
    }

    @Test
    void durationsAreWrittenInTheLargestWholeUnit() {
        assertAll(
                () -> assertEquals("1h", SpringBootMetadataGenerator.durationText(3_600_000)),
                () -> assertEquals("10m", SpringBootMetadataGenerator.durationText(600_000)),
                () -> assertEquals("90s", SpringBootMetadataGenerator.durationText(90_000)),
                () -> assertEquals("1500ms", SpringBootMetadataGenerator.durationText(1500)),
                () -> assertEquals("0ms", SpringBootMetadataGenerator.durationText(0)));
    }

    static Map<String, JsonNode> byName(JsonNode metadata) {
        List<JsonNode> list = new ArrayList<>();
        metadata.path("properties").forEach(list::add);
        return list.stream().collect(Collectors.toMap(node -> node.path("name").asText(), Function.identity()));
    }
}
