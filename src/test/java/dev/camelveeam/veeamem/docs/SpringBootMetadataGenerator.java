package dev.camelveeam.veeamem.docs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.util.StringHelper;

/**
 * Writes {@code META-INF/spring-configuration-metadata.json}, the IDE completion of the
 * {@code camel.component.veeam-em.*} properties of a Spring Boot application, from the component JSON: one property per
 * component option (kebab-case name, type, description, default, deprecation), plus {@code enabled} and
 * {@code customizer.enabled} of the auto-configuration, and the values of enum options as hints. The build runs it
 * after compiling the tests, like {@link ComponentDocGenerator}; see pom.xml.
 * <p>
 * Usage: {@code SpringBootMetadataGenerator <component json> <metadata json> [<copy>...]}. The metadata file is written
 * only when it changed; each copy (the one in target/classes, so that the jar of this build has the current file) is
 * written when it differs.
 */
public final class SpringBootMetadataGenerator {

    static final String PREFIX = "camel.component.veeam-em";
    static final String AUTO_CONFIGURATION = "dev.camelveeam.veeamem.springboot.VeeamEmComponentAutoConfiguration";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SpringBootMetadataGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException(
                    "Usage: SpringBootMetadataGenerator <component json> <metadata json>"
                                               + " [<copy>...]; got " + args.length + " args");
        }
        String metadata;
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            metadata = render(MAPPER.readTree(in));
        }
        for (int i = 1; i < args.length; i++) {
            Path file = Path.of(args[i]);
            if (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(metadata)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, metadata, StandardCharsets.UTF_8);
                if (i == 1) {
                    System.out.println("Updated " + file + " from " + args[0] + "; commit it");
                }
            }
        }
    }

    /** The metadata file's content for the component JSON. */
    static String render(JsonNode componentJson) throws IOException {
        JsonNode component = componentJson.path("component");
        ObjectNode root = MAPPER.createObjectNode();
        root.putArray("groups").addObject()
                .put("name", PREFIX)
                .put("type", component.path("javaType").asText())
                .put("description", component.path("description").asText())
                .put("sourceType", AUTO_CONFIGURATION);

        List<ObjectNode> properties = new ArrayList<>();
        ArrayNode hints = MAPPER.createArrayNode();
        for (Map.Entry<String, JsonNode> option : componentJson.path("componentProperties").properties()) {
            String name = PREFIX + "." + StringHelper.camelCaseToDash(option.getKey());
            properties.add(property(name, option.getValue()));
            if (option.getValue().has("enum")) {
                ArrayNode values = hints.addObject().put("name", name).putArray("values");
                option.getValue().get("enum").forEach(value -> values.addObject().put("value", value.asText()));
            }
        }
        properties.add(MAPPER.createObjectNode()
                .put("name", PREFIX + ".enabled")
                .put("type", "java.lang.Boolean")
                .put("description", "Whether to enable the auto configuration of the " + component.path("scheme")
                        .asText() + " component: setting the camel.component." + component.path("scheme").asText()
                                    + ".* properties on it. This is enabled by default.")
                .put("sourceType", AUTO_CONFIGURATION)
                .put("defaultValue", true));
        properties.add(MAPPER.createObjectNode()
                .put("name", PREFIX + ".customizer.enabled")
                .put("type", "java.lang.Boolean")
                .put("description", "Whether to set the camel.component." + component.path("scheme").asText()
                                    + ".* properties on the component (camel.component.customizer.enabled sets this"
                                    + " for every component). This is enabled by default.")
                .put("sourceType", AUTO_CONFIGURATION)
                .put("defaultValue", true));
        properties.sort(Comparator.comparing(property -> property.get("name").asText()));
        root.putArray("properties").addAll(properties);
        root.set("hints", hints);

        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
                .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
        return MAPPER.writer(printer).writeValueAsString(root) + "\n";
    }

    private static ObjectNode property(String name, JsonNode option) {
        ObjectNode property = MAPPER.createObjectNode().put("name", name).put("type", type(option));
        String description = option.path("description").asText().strip();
        if ("object".equals(option.path("type").asText())) {
            description += (description.endsWith(".") ? "" : ".") + " The value is a reference to a bean of type "
                           + option.path("javaType").asText() + ": #beanName or #bean:beanName.";
        }
        property.put("description", description);
        JsonNode defaultValue = defaultValue(option);
        if (defaultValue != null) {
            property.set("defaultValue", defaultValue);
        }
        if (option.path("deprecated").asBoolean()) {
            ObjectNode deprecation = property.putObject("deprecation").put("level", "warning");
            if (option.hasNonNull("deprecationNote") && !option.get("deprecationNote").asText().isBlank()) {
                deprecation.put("reason", option.get("deprecationNote").asText());
            }
        }
        return property;
    }

    /** The type an IDE completes and checks the value against: a duration is written like {@code 10s}. */
    private static String type(JsonNode option) {
        if ("duration".equals(option.path("type").asText())) {
            return "java.time.Duration";
        }
        String javaType = option.path("javaType").asText().replace(" ", "");
        return switch (javaType) {
            case "boolean" -> "java.lang.Boolean";
            case "int" -> "java.lang.Integer";
            case "long" -> "java.lang.Long";
            default -> javaType;
        };
    }

    private static JsonNode defaultValue(JsonNode option) {
        JsonNode value = option.get("defaultValue");
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.asText();
        return switch (option.path("type").asText()) {
            case "duration" -> MAPPER.getNodeFactory().textNode(durationText(Long.parseLong(text)));
            case "boolean" -> MAPPER.getNodeFactory().booleanNode(Boolean.parseBoolean(text));
            case "integer" -> MAPPER.getNodeFactory().numberNode(Long.parseLong(text));
            default -> MAPPER.getNodeFactory().textNode(text);
        };
    }

    /** Milliseconds the way Spring and Camel both read a duration: 10m, 30s, 200ms. */
    static String durationText(long millis) {
        if (millis != 0 && millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        } else if (millis != 0 && millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        } else if (millis != 0 && millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }
}
