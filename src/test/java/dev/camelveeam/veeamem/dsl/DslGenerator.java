package dev.camelveeam.veeamem.dsl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes the Endpoint DSL and Component DSL builders of the component ({@code <Name>EndpointBuilderFactory} and
 * {@code <Name>ComponentBuilderFactory}, package {@code <component package>.dsl}) from its component JSON, in the shape
 * of Camel's own generated builders. Camel generates those only inside its source tree, so this project generates its
 * own.
 * <p>
 * Usage: {@code DslGenerator <component json> <generated java source root>}; a file is written only when it changed.
 * The build runs it as a single-file source program after camel-package-maven-plugin wrote the JSON and before the
 * generated sources are compiled (see pom.xml), so this file must stay self-contained: one top-level class, no other
 * project class, only Jackson from the compile classpath.
 */
public final class DslGenerator {

    /** What generated files say about their origin; also the value of their {@code @Generated}. */
    static final String GENERATOR = "dev.camelveeam.veeamem.dsl.DslGenerator";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int LINE_WIDTH = 80;

    private final JsonNode root;
    private final String name;
    private final String packageName;
    private final String componentClass;
    private final String method;

    private DslGenerator(JsonNode root) {
        this.root = root;
        this.componentClass = component("javaType");
        String simpleName = componentClass.substring(componentClass.lastIndexOf('.') + 1);
        this.name = simpleName.endsWith("Component")
                ? simpleName.substring(0, simpleName.length() - "Component".length()) : simpleName;
        this.packageName = componentClass.substring(0, componentClass.lastIndexOf('.')) + ".dsl";
        this.method = camelCase(component("scheme"));
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException(
                    "Usage: DslGenerator <component json> <generated java source root>; got " + args.length + " args");
        }
        Map<String, String> sources;
        try (InputStream json = Files.newInputStream(Path.of(args[0]))) {
            sources = generate(json);
        }
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = Path.of(args[1]).resolve(source.getKey());
            if (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(source.getValue())) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
                System.out.println("Updated " + file + " from " + args[0] + "; commit it");
            }
        }
    }

    /**
     * The generated sources by their path below the source root, for example {@code dev/.../dsl/XBuilderFactory.java}.
     */
    public static Map<String, String> generate(InputStream json) throws IOException {
        DslGenerator generator = new DslGenerator(MAPPER.readTree(json));
        String directory = generator.packageName.replace('.', '/') + "/";
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put(directory + generator.name + "EndpointBuilderFactory.java", generator.endpointDsl());
        sources.put(directory + generator.name + "ComponentBuilderFactory.java", generator.componentDsl());
        return sources;
    }

    // ---------------------------------------------------------------------------------------------- Endpoint DSL

    private String endpointDsl() {
        List<Option> options = options("properties", option -> !"path".equals(option.kind));
        Option path = options("properties", option -> "path".equals(option.kind)).get(0);
        String factory = name + "EndpointBuilderFactory";
        Source out = new Source();
        out.line("package " + packageName + ";");
        out.line("");
        out.line("import java.util.Map;");
        out.line("");
        out.line("import javax.annotation.processing.Generated;");
        out.line("");
        out.line("import org.apache.camel.builder.EndpointConsumerBuilder;");
        out.line("import org.apache.camel.builder.EndpointProducerBuilder;");
        out.line("import org.apache.camel.builder.endpoint.AbstractEndpointBuilder;");
        out.line("");
        out.javadoc("", List.of(component("description"), "",
                "Endpoint DSL builders of the " + component("scheme") + " component: {@code from(" + method
                                                              + "(\"" + consumerPathValue(path) + "\"))}, {@code to("
                                                              + method + "(\"" + path.enumValues.get(0) + "\"))}.",
                "", "Generated from " + component("scheme") + ".json - do NOT edit this file!"));
        out.line("@Generated(\"" + GENERATOR + "\")");
        out.line("public interface " + factory + " {");

        Predicate<Option> consumer = option -> option.hasLabel("consumer") && !option.hasLabel("producer");
        Predicate<Option> producer = option -> option.hasLabel("producer") && !option.hasLabel("consumer");
        Predicate<Option> common = consumer.negate().and(producer.negate());
        Predicate<Option> advanced = option -> option.hasLabel("advanced");
        Predicate<Option> basic = advanced.negate();

        String consumerBuilder = name + "EndpointConsumerBuilder";
        String producerBuilder = name + "EndpointProducerBuilder";
        String builder = name + "EndpointBuilder";
        String title = component("title");

        builderInterface(out, "Builder for endpoint consumers for the " + title + " component.", consumerBuilder,
                "EndpointConsumerBuilder", "advanced", "Advanced" + consumerBuilder,
                filter(options, consumer.or(common).and(basic)));
        builderInterface(out, "Advanced builder for endpoint consumers for the " + title + " component.",
                "Advanced" + consumerBuilder, "EndpointConsumerBuilder", "basic", consumerBuilder,
                filter(options, consumer.or(common).and(advanced)));
        builderInterface(out, "Builder for endpoint producers for the " + title + " component.", producerBuilder,
                "EndpointProducerBuilder", "advanced", "Advanced" + producerBuilder,
                filter(options, producer.or(common).and(basic)));
        builderInterface(out, "Advanced builder for endpoint producers for the " + title + " component.",
                "Advanced" + producerBuilder, "EndpointProducerBuilder", "basic", producerBuilder,
                filter(options, producer.or(common).and(advanced)));
        builderInterface(out, "Builder for endpoint for the " + title + " component.", builder,
                consumerBuilder + ", " + producerBuilder, "advanced", "Advanced" + builder,
                filter(options, common.and(basic)));
        builderInterface(out, "Advanced builder for endpoint for the " + title + " component.", "Advanced" + builder,
                "Advanced" + consumerBuilder + ", Advanced" + producerBuilder, "basic", builder,
                filter(options, common.and(advanced)));

        List<String> entryDoc = entryJavadoc(path);
        out.line("");
        out.javadoc("    ", List.of("Mix-in of the " + component("scheme")
                                    + " entry points, in the manner of Camel's EndpointRouteBuilder."));
        out.line("    interface " + name + "Builders {");
        out.javadoc("        ", List.of("The names of the headers of the " + title + " component.", "",
                "@return the dsl builder for the headers' name."));
        out.line("        default " + name + "HeaderNameBuilder " + method + "() {");
        out.line("            return " + name + "HeaderNameBuilder.INSTANCE;");
        out.line("        }");
        out.javadoc("        ", entryDoc(entryDoc, false));
        out.line("        default " + builder + " " + method + "(String path) {");
        out.line("            return " + factory + ".endpointBuilder(\"" + component("scheme") + "\", path);");
        out.line("        }");
        out.javadoc("        ", entryDoc(entryDoc, true));
        out.line("        default " + builder + " " + method + "(String componentName, String path) {");
        out.line("            return " + factory + ".endpointBuilder(componentName, path);");
        out.line("        }");
        out.line("    }");

        headerNameBuilder(out);

        out.line("");
        out.javadoc("    ", entryDoc(entryDoc, false));
        out.line("    static " + builder + " " + method + "(String path) {");
        out.line("        return endpointBuilder(\"" + component("scheme") + "\", path);");
        out.line("    }");
        out.line("");
        out.javadoc("    ", entryDoc(entryDoc, true));
        out.line("    static " + builder + " " + method + "(String componentName, String path) {");
        out.line("        return endpointBuilder(componentName, path);");
        out.line("    }");
        out.line("");
        out.javadoc("    ", List.of("A builder of an endpoint of the component registered under the given name.", "",
                "@param componentName the name of the component, " + component("scheme") + " unless registered"
                                                                                                                      + " under another",
                "@param path the path of the endpoint URI: " + path.name, "@return the dsl builder"));
        out.line("    static " + builder + " endpointBuilder(String componentName, String path) {");
        out.line("        class " + builder + "Impl extends AbstractEndpointBuilder implements " + builder + ", Advanced"
                 + builder + " {");
        out.line("            public " + builder + "Impl(String path) {");
        out.line("                super(componentName, path);");
        out.line("            }");
        out.line("        }");
        out.line("        return new " + builder + "Impl(path);");
        out.line("    }");
        out.line("");
        out.javadoc("    ", List.of(
                "A secret as an endpoint URI parameter that Camel takes as written, whatever characters it holds"
                                    + " (& = + % and so on): RAW(value), or RAW{value} when the value holds a closing"
                                    + " parenthesis. A value that already is RAW, or holds both ) and }, is left as it"
                                    + " is.",
                "", "@param value the secret", "@return the value to put in the endpoint URI"));
        out.line("    private static String raw(String value) {");
        out.line("        if (value == null || value.startsWith(\"RAW(\") || value.startsWith(\"RAW{\")) {");
        out.line("            return value;");
        out.line("        }");
        out.line("        if (!value.contains(\")\")) {");
        out.line("            return \"RAW(\" + value + \")\";");
        out.line("        }");
        out.line("        return value.contains(\"}\") ? value : \"RAW{\" + value + \"}\";");
        out.line("    }");
        out.line("}");
        return out.toString();
    }

    private void builderInterface(
            Source out, String doc, String type, String supertypes, String switchMethod, String switchType,
            List<Option> options) {
        out.line("");
        out.javadoc("    ", List.of(doc));
        out.line("    interface " + type + " extends " + supertypes + " {");
        out.javadoc("        ", List.of("The same builder, offering the " + ("advanced".equals(switchMethod)
                ? "advanced (less common) options." : "basic options."), "", "@return the dsl builder"));
        out.line("        default " + switchType + " " + switchMethod + "() {");
        out.line("            return (" + switchType + ") this;");
        out.line("        }");
        for (Option option : options) {
            endpointSetters(out, type, option);
        }
        out.line("    }");
    }

    private void endpointSetters(Source out, String builder, Option option) {
        if (option.multiValue) {
            multiValueSetters(out, builder, option);
            return;
        }
        String value = option.secret ? "raw(" + option.name + ")" : option.name;
        if (!"java.lang.String".equals(option.javaType)) {
            setter(out, builder, option, parameterType(option.javaType), "The option is a: " + code(option.javaType)
                                                                         + " type.",
                    option.name);
        }
        String typeLine = "java.lang.String".equals(option.javaType)
                ? "The option is a: " + code(option.javaType) + " type."
                : "The option will be converted to a " + code(option.javaType) + " type.";
        setter(out, builder, option, "String", typeLine, value);
    }

    private void setter(Source out, String builder, Option option, String type, String typeLine, String value) {
        List<String> doc = new ArrayList<>(optionDoc(option, typeLine));
        if (value.startsWith("raw(")) {
            doc.add(2, "A secret: it goes into the endpoint URI as RAW(value), so it may hold any character"
                       + " (& = + % and so on); a value that already is RAW(...) is taken as it is.");
            doc.add(3, "");
        }
        doc.add("");
        doc.add("@param " + option.name + " the value to set");
        doc.add("@return the dsl builder");
        out.javadoc("        ", doc);
        out.line("        default " + builder + " " + option.name + "(" + type + " " + option.name + ") {");
        out.line("            doSetProperty(\"" + option.name + "\", " + value + ");");
        out.line("            return this;");
        out.line("        }");
    }

    private void multiValueSetters(Source out, String builder, Option option) {
        String typeLine = "The option is a: " + code(option.javaType) + " type. The option is multivalued, and you can"
                          + " use the " + option.name + "(String, Object) method to add a value (call the method"
                          + " multiple times to set more values).";
        List<String> doc = new ArrayList<>(optionDoc(option, typeLine));
        doc.add("");
        doc.add("@param key the option key");
        doc.add("@param value the option value");
        doc.add("@return the dsl builder");
        out.javadoc("        ", doc);
        out.line("        default " + builder + " " + option.name + "(String key, Object value) {");
        out.line("            doSetMultiValueProperty(\"" + option.name + "\", \"" + option.prefix + "\" + key, value);");
        out.line("            return this;");
        out.line("        }");
        doc = new ArrayList<>(
                optionDoc(option, typeLine.replace("(String, Object) method to add a value",
                        "(Map) method to add values")));
        doc.add("");
        doc.add("@param values the values");
        doc.add("@return the dsl builder");
        out.javadoc("        ", doc);
        out.line("        default " + builder + " " + option.name + "(Map values) {");
        out.line("            doSetMultiValueProperties(\"" + option.name + "\", \"" + option.prefix + "\", values);");
        out.line("            return this;");
        out.line("        }");
    }

    private void headerNameBuilder(Source out) {
        String type = name + "HeaderNameBuilder";
        out.line("");
        out.javadoc("    ", List.of("The names of the headers of the " + component("title") + " component."));
        out.line("    class " + type + " {");
        out.javadoc("        ", List.of("The statically accessible instance."));
        out.line("        public static final " + type + " INSTANCE = new " + type + "();");
        for (Option header : options("headers", option -> true)) {
            String bare = header.name.startsWith("Camel") ? header.name.substring("Camel".length()) : header.name;
            List<String> doc = new ArrayList<>();
            doc.add(asSentence(header.description));
            doc.add("");
            doc.add("The option is a: " + code(header.javaType) + " type.");
            doc.add("");
            doc.add("Group: " + header.group);
            doc.add("");
            doc.add("@return the name of the header {@code " + bare + "}.");
            out.javadoc("        ", doc);
            out.line("        public String " + Character.toLowerCase(bare.charAt(0)) + bare.substring(1) + "() {");
            out.line("            return \"" + header.name + "\";");
            out.line("        }");
        }
        out.line("    }");
    }

    private List<String> entryJavadoc(Option path) {
        List<String> doc = new ArrayList<>();
        doc.add(component("title") + " (" + component("artifactId") + ")");
        doc.add(component("description"));
        doc.add("");
        doc.add("Category: " + component("label"));
        doc.add("Since: " + component("firstVersion"));
        doc.add("Maven coordinates: " + component("groupId") + ":" + component("artifactId"));
        doc.add("");
        doc.add("Syntax: <code>" + component("syntax") + "</code>");
        doc.add("");
        doc.add("Path parameter: " + path.name + (path.required ? " (required)" : ""));
        doc.add(path.description);
        if (!path.enumValues.isEmpty()) {
            doc.add("There are " + path.enumValues.size() + " enums and the value can be one of: "
                    + String.join(", ", path.enumValues));
        }
        doc.add("");
        doc.add("@param path " + path.name);
        return doc;
    }

    private static List<String> entryDoc(List<String> entry, boolean withComponentName) {
        List<String> doc = new ArrayList<>(entry);
        if (withComponentName) {
            doc.add(doc.size() - 1,
                    "@param componentName to use a custom component name for the endpoint instead of the default name");
        }
        doc.add("@return the dsl builder");
        return doc;
    }

    /** The consumer's path value: the last enum value, when the path enumerates operations then the consumer. */
    private static String consumerPathValue(Option path) {
        return path.enumValues.isEmpty() ? "" : path.enumValues.get(path.enumValues.size() - 1);
    }

    // --------------------------------------------------------------------------------------------- Component DSL

    private String componentDsl() {
        List<Option> options = options("componentProperties", option -> true);
        String factory = name + "ComponentBuilderFactory";
        String builder = name + "ComponentBuilder";
        String simpleComponent = componentClass.substring(componentClass.lastIndexOf('.') + 1);
        Source out = new Source();
        out.line("package " + packageName + ";");
        out.line("");
        out.line("import javax.annotation.processing.Generated;");
        out.line("");
        out.line("import " + componentClass + ";");
        out.line("import org.apache.camel.Component;");
        out.line("import org.apache.camel.builder.component.AbstractComponentBuilder;");
        out.line("import org.apache.camel.builder.component.ComponentBuilder;");
        out.line("");
        out.javadoc("", List.of(component("description"), "",
                "Component DSL builder of the " + component("scheme") + " component: {@code " + method
                                                              + "().baseUrl(...).register(context, \"" + component("scheme")
                                                              + "\")}.",
                "", "Generated from " + component("scheme") + ".json - do NOT edit this file!"));
        out.line("@Generated(\"" + GENERATOR + "\")");
        out.line("public interface " + factory + " {");
        out.line("");
        out.javadoc("    ", List.of(component("title") + " (" + component("artifactId") + ")",
                component("description"), "", "Category: " + component("label"),
                "Since: " + component("firstVersion"),
                "Maven coordinates: " + component("groupId") + ":" + component("artifactId"), "",
                "@return the dsl builder"));
        out.line("    static " + builder + " " + method + "() {");
        out.line("        return new " + builder + "Impl();");
        out.line("    }");
        out.line("");
        out.javadoc("    ", List.of("Builder for the " + component("title") + " component."));
        out.line("    interface " + builder + " extends ComponentBuilder<" + simpleComponent + "> {");
        for (Option option : options) {
            List<String> doc = new ArrayList<>(
                    optionDoc(option, "The option is a: " + code(option.javaType)
                                      + " type."));
            doc.add("");
            doc.add("@param " + option.name + " the value to set");
            doc.add("@return the dsl builder");
            out.javadoc("        ", doc);
            out.line("        default " + builder + " " + option.name + "(" + parameterType(option.javaType) + " "
                     + option.name + ") {");
            out.line("            doSetProperty(\"" + option.name + "\", " + option.name + ");");
            out.line("            return this;");
            out.line("        }");
        }
        out.line("    }");
        out.line("");
        out.javadoc("    ", List.of("The implementation of {@code " + builder + "}."));
        out.line("    class " + builder + "Impl extends AbstractComponentBuilder<" + simpleComponent + "> implements "
                 + builder + " {");
        out.line("        @Override");
        out.line("        protected " + simpleComponent + " buildConcreteComponent() {");
        out.line("            return new " + simpleComponent + "();");
        out.line("        }");
        List<String> configurationClasses = options.stream().map(option -> option.configurationClass)
                .filter(type -> type != null).distinct().toList();
        if (configurationClasses.size() > 1) {
            throw new IllegalStateException("More than one configuration class: " + configurationClasses);
        }
        String configurationField = options.stream().map(option -> option.configurationField)
                .filter(field -> field != null).findFirst().orElse(null);
        if (!configurationClasses.isEmpty()) {
            String configuration = configurationClasses.get(0);
            String accessor = capitalize(configurationField);
            out.line("        private " + configuration + " getOrCreateConfiguration(" + simpleComponent
                     + " component) {");
            out.line("            if (component.get" + accessor + "() == null) {");
            out.line("                component.set" + accessor + "(new " + configuration + "());");
            out.line("            }");
            out.line("            return component.get" + accessor + "();");
            out.line("        }");
        }
        out.line("        @Override");
        out.line("        protected boolean setPropertyOnComponent(Component component, String name, Object value) {");
        out.line("            switch (name) {");
        for (Option option : options) {
            String target = option.configurationClass == null
                    ? "((" + simpleComponent + ") component)"
                    : "getOrCreateConfiguration((" + simpleComponent + ") component)";
            out.line("            case \"" + option.name + "\": " + target + ".set" + capitalize(option.name) + "(("
                     + option.javaType + ") value); return true;");
        }
        out.line("            default: return false;");
        out.line("            }");
        out.line("        }");
        out.line("    }");
        out.line("}");
        return out.toString();
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private String component(String field) {
        return root.path("component").path(field).asText();
    }

    private List<Option> options(String section, Predicate<Option> filter) {
        List<Option> options = new ArrayList<>();
        root.path(section).properties().forEach(field -> options.add(Option.of(field.getKey(), field.getValue())));
        return filter(options, filter);
    }

    private static List<Option> filter(List<Option> options, Predicate<Option> filter) {
        return options.stream().filter(filter).toList();
    }

    /** Description, then type, required, default and group, as Camel's generated builders document an option. */
    private static List<String> optionDoc(Option option, String typeLine) {
        List<String> doc = new ArrayList<>();
        doc.add(asSentence(option.description));
        doc.add("");
        doc.add(typeLine);
        doc.add("");
        if (option.required) {
            doc.add("Required: true");
        }
        if (option.defaultValue != null) {
            doc.add("Default: " + option.defaultValue);
        }
        doc.add("Group: " + option.group);
        return doc;
    }

    /** A raw (unparameterised) type is used for multi-value maps, as Camel does: {@code Map} takes any map. */
    private static String parameterType(String javaType) {
        return javaType.startsWith("java.lang.") && !javaType.contains("<") && javaType.indexOf('.', 10) < 0
                ? javaType.substring("java.lang.".length()) : javaType;
    }

    private static String code(String javaType) {
        return "<code>" + javaType + "</code>";
    }

    private static String asSentence(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() || stripped.matches("(?s).*[.!?]") ? stripped : stripped + ".";
    }

    private static String camelCase(String scheme) {
        StringBuilder result = new StringBuilder();
        boolean upper = false;
        for (char c : scheme.toCharArray()) {
            if (c == '-' || c == '.' || c == '+') {
                upper = true;
            } else {
                result.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return result.toString();
    }

    private static String capitalize(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** One option, path parameter or header of the component JSON. */
    private record Option(
            String name, String kind, String group, String label, String description, String defaultValue,
            String javaType, boolean required, boolean secret, boolean multiValue, String prefix,
            List<String> enumValues, String configurationClass, String configurationField) {

        static Option of(String name, JsonNode node) {
            List<String> enumValues = new ArrayList<>();
            node.path("enum").forEach(value -> enumValues.add(value.asText()));
            return new Option(
                    name, node.path("kind").asText(), node.path("group").asText(),
                    node.path("label").asText(), node.path("description").asText(),
                    node.hasNonNull("defaultValue") ? node.get("defaultValue").asText() : null,
                    node.path("javaType").asText(), node.path("required").asBoolean(),
                    node.path("secret").asBoolean(), node.path("multiValue").asBoolean(),
                    node.path("prefix").asText(""), List.copyOf(enumValues),
                    node.hasNonNull("configurationClass") ? node.get("configurationClass").asText() : null,
                    node.hasNonNull("configurationField") ? node.get("configurationField").asText() : null);
        }

        boolean hasLabel(String wanted) {
            for (String part : label.split(",")) {
                if (part.strip().equals(wanted)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Java source text with javadoc comments wrapped at {@value #LINE_WIDTH} columns and escaped for javadoc. */
    private static final class Source {

        private final StringBuilder text = new StringBuilder();

        void line(String line) {
            text.append(line).append('\n');
        }

        /**
         * A javadoc comment: each entry a paragraph line, wrapped; an empty entry an empty comment line. Entries
         * starting with {@code @param}/{@code @return}, and {@code <code>}/{@code {@code}} markup the generator writes,
         * are kept; text from the JSON is escaped.
         */
        void javadoc(String indent, List<String> lines) {
            line(indent + "/**");
            for (String entry : lines) {
                if (entry.isEmpty()) {
                    line(indent + " * ");
                    continue;
                }
                String escaped = escape(entry);
                for (String wrapped : wrap(escaped, LINE_WIDTH - indent.length() - 3)) {
                    line(indent + " * " + wrapped);
                }
            }
            line(indent + " */");
        }

        /**
         * Escapes what javadoc would read as markup or what would end the comment, keeping the markup the generator
         * itself writes ({@code <code>...</code>}, {@code {@code ...}}, leading block tags).
         */
        private static String escape(String entry) {
            StringBuilder escaped = new StringBuilder();
            int i = 0;
            if (entry.startsWith("@param ") || entry.startsWith("@return ")) {
                int space = entry.indexOf(' ');
                escaped.append(entry, 0, space);
                i = space;
            }
            while (i < entry.length()) {
                if (entry.startsWith("<code>", i)) {
                    int end = entry.indexOf("</code>", i);
                    escaped.append("<code>").append(escapeText(entry.substring(i + 6, end))).append("</code>");
                    i = end + "</code>".length();
                } else if (entry.startsWith("{@code ", i)) {
                    int end = entry.indexOf('}', i);
                    escaped.append(entry, i, end + 1);
                    i = end + 1;
                } else {
                    escaped.append(escapeText(String.valueOf(entry.charAt(i))));
                    i++;
                }
            }
            return escaped.toString();
        }

        private static String escapeText(String text) {
            return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("@", "&#64;")
                    .replace("*/", "*&#47;").replace("\\", "&#92;");
        }

        private static List<String> wrap(String text, int width) {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.split(" ")) {
                if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                if (line.length() > 0) {
                    line.append(' ');
                }
                line.append(word);
            }
            lines.add(line.toString());
            return lines;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
