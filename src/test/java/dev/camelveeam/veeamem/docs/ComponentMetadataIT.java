package dev.camelveeam.veeamem.docs;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.camelveeam.veeamem.VeeamEmConstants;
import dev.camelveeam.veeamem.VeeamEmEndpoint;
import dev.camelveeam.veeamem.VeeamEmOperation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The component JSON in the built jar (failsafe runs this test against the packaged jar) describes the code: its
 * operations, its headers, and options that are described, labelled and, for credentials, secret.
 */
class ComponentMetadataIT {

    private static final Set<String> LABELS = Set.of("common", "producer", "consumer", "security", "advanced");
    /**
     * Labels Camel itself gives options the component inherits (from ScheduledPollEndpoint and HealthCheckComponent);
     * the component cannot relabel those.
     */
    private static final Set<String> INHERITED_CAMEL_LABELS = Set.of("scheduler", "health");

    private static ComponentJson json;

    @BeforeAll
    static void read() {
        json = ComponentJson.fromClasspath();
    }

    @Test
    void theJsonIsReadFromTheBuiltJar() {
        String source = ComponentJson.classpathUrl().toString();
        assertTrue(source.startsWith("jar:") && source.contains("camel-veeam-em"), source);
    }

    @Test
    void everyOperationAndTheConsumerAreValuesOfThePathParameter() {
        DocumentedOption operation = byName(json.pathParameters()).get("operation");
        Set<String> operations = Arrays.stream(VeeamEmOperation.values()).map(Enum::name).collect(Collectors.toSet());
        operations.add(VeeamEmEndpoint.CONSUMER);
        assertEquals(operations, Set.copyOf(operation.enumValues()));
    }

    @Test
    void everyHeaderConstantIsADescribedHeader() throws IllegalAccessException {
        Map<String, DocumentedOption> headers = byName(json.headers());
        List<String> problems = new ArrayList<>();
        for (Field field : VeeamEmConstants.class.getFields()) {
            if (!Modifier.isStatic(field.getModifiers()) || field.getType() != String.class) {
                continue;
            }
            String name = (String) field.get(null);
            DocumentedOption header = headers.get(name);
            if (header == null) {
                problems.add(field.getName() + " (" + name + ") is not a header of the JSON");
            } else if (header.description().isBlank()) {
                problems.add(name + " has no description");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyOptionIsDescribed() {
        assertEquals(List.of(), allOptions().filter(option -> option.description().isBlank())
                .map(DocumentedOption::name).toList());
    }

    @Test
    void credentialsAreSecret() {
        List<DocumentedOption> credentials = allOptions()
                .filter(option -> Set.of("username", "password").contains(option.name())).toList();
        assertEquals(4, credentials.size(), "username and password, as component and as endpoint options");
        assertAll(credentials.stream().map(option -> () -> assertTrue(
                option.secret(), option.kind() + " " + option.name() + " is not secret")));
    }

    @Test
    void everyOptionHasLabelsFromTheProjectsVocabulary() {
        List<String> problems = new ArrayList<>();
        allOptions().forEach(option -> {
            if (option.label().isBlank()) {
                problems.add(option.name() + " has no label");
                return;
            }
            for (String label : option.label().split(",")) {
                if (!LABELS.contains(label) && !INHERITED_CAMEL_LABELS.contains(label)) {
                    problems.add(option.name() + " has the label '" + label + "'");
                }
            }
        });
        assertEquals(List.of(), problems, "labels must be among " + LABELS);
    }

    private static Stream<DocumentedOption> allOptions() {
        return Stream.of(json.componentOptions(), json.pathParameters(), json.queryParameters()).flatMap(List::stream);
    }

    private static Map<String, DocumentedOption> byName(List<DocumentedOption> options) {
        return options.stream().collect(Collectors.toMap(DocumentedOption::name, Function.identity()));
    }
}
