package dev.camelveeam.veeamem.docs;

import java.util.List;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * The option and header sections of the component page, rendered from the component JSON: component options, endpoint
 * options (path and query parameters) and message headers. Columns: name with its group, description, default and type;
 * required and secret options are marked in the description.
 */
final class OptionTables {

    private static final String COLUMN_WIDTHS = "2,5,1,2";
    private static final String[] COLUMNS = { "Name", "Description", "Default", "Type" };

    private OptionTables() {
    }

    static String componentOptions(ComponentJson component) {
        List<DocumentedOption> options = component.componentOptions();
        return "The " + component.component("title") + " component supports " + count(options.size(), "option")
               + ", which are listed below.\n\n"
               + table(options);
    }

    static String endpointOptions(ComponentJson component) {
        List<DocumentedOption> path = component.pathParameters();
        List<DocumentedOption> query = component.queryParameters();
        return "The " + component.component("title") + " endpoint is configured using URI syntax:\n\n"
               + "----\n" + component.component("syntax") + "\n----\n\n"
               + "with the following path and query parameters:\n\n"
               + "=== Path Parameters (" + count(path.size(), "parameter") + ")\n\n"
               + table(path) + "\n"
               + "=== Query Parameters (" + count(query.size(), "parameter") + ")\n\n"
               + table(query);
    }

    static String headers(ComponentJson component) {
        List<DocumentedOption> headers = component.headers();
        AsciiDocTable table = new AsciiDocTable(COLUMN_WIDTHS, COLUMNS);
        for (DocumentedOption header : headers) {
            table.row("*" + header.name() + "* (" + header.group() + ") +\nConstant: `" + constant(header) + "`",
                    description(header), defaultValue(header), type(header));
        }
        return "The " + component.component("title") + " component supports " + count(headers.size(), "message header")
               + ", which are listed below.\n\n"
               + table.render();
    }

    private static String table(List<DocumentedOption> options) {
        AsciiDocTable table = new AsciiDocTable(COLUMN_WIDTHS, COLUMNS);
        for (DocumentedOption option : options) {
            table.row("*" + option.name() + "* (" + option.group() + ")", description(option), defaultValue(option),
                    type(option));
        }
        return table.render();
    }

    private static String description(DocumentedOption option) {
        StringJoiner text = new StringJoiner(" ");
        if (option.required()) {
            text.add("*Required*");
        }
        if (option.secret()) {
            text.add("*Secret*");
        }
        text.add(AsciiDocTable.escape(asSentence(option.description())));
        if (!option.enumValues().isEmpty()) {
            text.add("Enum values: " + option.enumValues().stream()
                    .map(value -> "`" + AsciiDocTable.escape(value) + "`")
                    .collect(Collectors.joining(", ")) + ".");
        }
        return text.toString();
    }

    private static String asSentence(String description) {
        String text = description.strip();
        return text.isEmpty() || text.matches("(?s).*[.!?]") ? text : text + ".";
    }

    private static String defaultValue(DocumentedOption option) {
        return option.defaultValue() == null ? "" : AsciiDocTable.escape(option.defaultValue());
    }

    /** The Java type without package names; a duration is given as such, since it is written like 30s or 10m. */
    private static String type(DocumentedOption option) {
        if ("duration".equals(option.type())) {
            return "duration";
        }
        return AsciiDocTable.escape(option.javaType().replaceAll("\\b(?:[a-z_][\\w]*\\.)+(?=[A-Za-z_])", ""));
    }

    /** {@code dev.camelveeam.veeamem.VeeamEmConstants#JOB_ID} as {@code VeeamEmConstants.JOB_ID}. */
    private static String constant(DocumentedOption header) {
        String qualified = header.constantName();
        return qualified.substring(qualified.lastIndexOf('.') + 1).replace('#', '.');
    }

    private static String count(int number, String noun) {
        return number + " " + noun + (number == 1 ? "" : "s");
    }
}
