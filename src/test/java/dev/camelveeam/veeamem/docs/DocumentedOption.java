package dev.camelveeam.veeamem.docs;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One option, path parameter or header as the component JSON describes it.
 *
 * @param defaultValue the default as written in the JSON, or null when it has none
 * @param enumValues   the allowed values, empty when any value is allowed
 * @param constantName for a header, the constant that names it ({@code VeeamEmConstants#JOB_ID}); else null
 */
record DocumentedOption(
        String name, String kind, String group, String label, String description, String defaultValue, String type,
        String javaType, boolean required, boolean secret, List<String> enumValues, String constantName) {

    static DocumentedOption of(String name, JsonNode node) {
        List<String> enumValues = new ArrayList<>();
        node.path("enum").forEach(value -> enumValues.add(value.asText()));
        return new DocumentedOption(
                name,
                node.path("kind").asText(),
                node.path("group").asText(),
                node.path("label").asText(),
                node.path("description").asText(),
                node.hasNonNull("defaultValue") ? node.get("defaultValue").asText() : null,
                node.path("type").asText(null),
                node.path("javaType").asText(),
                node.path("required").asBoolean(),
                node.path("secret").asBoolean(),
                List.copyOf(enumValues),
                node.path("constantName").asText(null));
    }
}
