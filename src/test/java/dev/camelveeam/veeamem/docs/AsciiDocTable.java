package dev.camelveeam.veeamem.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An AsciiDoc table with a header row, one cell per line so that a changed option shows as a small diff.
 */
final class AsciiDocTable {

    private static final Pattern ATTRIBUTE_REFERENCE = Pattern.compile("\\{(\\w[\\w-]*)}");

    private final String columnWidths;
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    /**
     * @param columnWidths the relative width of each column, for example {@code "2,5,1,2"}
     * @param header       the column titles
     */
    AsciiDocTable(String columnWidths, String... header) {
        this.columnWidths = columnWidths;
        this.header = List.of(header);
    }

    /** Adds a row of cells, each already AsciiDoc markup (see {@link #escape(String)}). */
    AsciiDocTable row(String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException(
                    "A row of " + cells.length + " cells in a table of " + header.size()
                                               + " columns: " + List.of(cells));
        }
        rows.add(List.of(cells));
        return this;
    }

    String render() {
        StringBuilder table = new StringBuilder()
                .append("[width=\"100%\",cols=\"").append(columnWidths).append("\",options=\"header\"]\n")
                .append("|===\n")
                .append("| ").append(String.join(" | ", header)).append('\n');
        for (List<String> row : rows) {
            table.append('\n');
            for (String cell : row) {
                table.append(cell.isEmpty() ? "|" : "| " + cell).append('\n');
            }
        }
        return table.append("|===\n").toString();
    }

    /**
     * Plain text as cell content that renders as written: a {@code |} would end the cell and {@code {name}} would be
     * read as an attribute reference.
     */
    static String escape(String text) {
        String oneLine = text.replaceAll("\\s*\\R\\s*", " ").strip().replace("|", "\\|");
        return ATTRIBUTE_REFERENCE.matcher(oneLine)
                .replaceAll(match -> Matcher.quoteReplacement("\\{" + match.group(1) + "}"));
    }
}
