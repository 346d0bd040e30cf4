package dev.camelveeam.veeamem.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The component JSON that camel-package-maven-plugin generates ({@code veeam-em.json}): the component's title and URI
 * syntax, its component options, endpoint options and message headers, in the JSON's order.
 */
final class ComponentJson {

    static final String CLASSPATH_RESOURCE = "/META-INF/dev/camelveeam/veeamem/veeam-em.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonNode root;

    private ComponentJson(JsonNode root) {
        this.root = root;
    }

    static ComponentJson read(Path json) throws IOException {
        try (InputStream in = Files.newInputStream(json)) {
            return read(in);
        }
    }

    static ComponentJson read(InputStream json) throws IOException {
        return new ComponentJson(MAPPER.readTree(json));
    }

    /** The JSON the build put on the classpath, that is, the one of the code under test. */
    /** Where the JSON is read from: target/classes in unit tests, the built jar in integration tests. */
    static URL classpathUrl() {
        return ComponentJson.class.getResource(CLASSPATH_RESOURCE);
    }

    static ComponentJson fromClasspath() {
        try (InputStream in = ComponentJson.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CLASSPATH_RESOURCE + " is not on the classpath; build the project");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A field of the {@code component} section, such as title, syntax, description or firstVersion. */
    String component(String field) {
        return root.path("component").path(field).asText();
    }

    List<DocumentedOption> componentOptions() {
        return options("componentProperties", option -> true);
    }

    List<DocumentedOption> pathParameters() {
        return options("properties", option -> "path".equals(option.kind()));
    }

    List<DocumentedOption> queryParameters() {
        return options("properties", option -> !"path".equals(option.kind()));
    }

    List<DocumentedOption> headers() {
        return options("headers", option -> true);
    }

    private List<DocumentedOption> options(String section, Predicate<DocumentedOption> filter) {
        return root.path(section).properties().stream()
                .map(field -> DocumentedOption.of(field.getKey(), field.getValue()))
                .filter(filter)
                .toList();
    }
}
