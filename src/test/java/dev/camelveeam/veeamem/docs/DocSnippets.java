package dev.camelveeam.veeamem.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code blocks of a Markdown or AsciiDoc page and the tagged regions of source files they are copies of.
 * <p>
 * A block names its source in a comment on the line before it: {@code <!-- snippet: path#tag -->} before a Markdown
 * fence, {@code // snippet: path#tag} before an AsciiDoc {@code [source,...]} line; {@code path} is relative to the
 * project directory. The region {@code tag} of that file is what lies between the lines {@code tag::tag[]} and
 * {@code end::tag[]}, each in a comment of the file's language ({@code //}, {@code #}, {@code --} or
 * {@code <!-- ... -->}), without its common indentation and without the marker lines of other regions inside it.
 */
final class DocSnippets {

    /** Languages whose blocks must be copies of a tested region; shell commands and output are left out. */
    static final Set<String> CHECKED_LANGUAGES = Set.of("java", "xml", "yaml", "properties", "sql");

    private static final Pattern MARKDOWN_MARKER = Pattern.compile("<!-- snippet: (\\S+)#([\\w.-]+) -->");
    private static final Pattern ASCIIDOC_MARKER = Pattern.compile("// snippet: (\\S+)#([\\w.-]+)");
    private static final Pattern ASCIIDOC_SOURCE = Pattern.compile("\\[source,(\\w+)]");
    private static final Pattern TAG_LINE
            = Pattern.compile("\\s*(?://|#|--|<!--)\\s*(tag|end)::([\\w.-]+)\\[]\\s*(?:-->)?\\s*");

    /** A code block: its language, its first line's number (1-based), its text and the source it names, if any. */
    record Block(String language, int line, String text, String path, String tag) {

        boolean hasSource() {
            return path != null;
        }
    }

    private DocSnippets() {
    }

    /** The fenced blocks of a Markdown page (a fence without a language is language ""). */
    static List<Block> markdownBlocks(String page) {
        List<String> lines = page.lines().toList();
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith("```")) {
                continue;
            }
            int end = i + 1;
            while (end < lines.size() && !lines.get(end).equals("```")) {
                end++;
            }
            if (end == lines.size()) {
                throw new IllegalArgumentException("The fence on line " + (i + 1) + " is not closed");
            }
            Matcher marker = i > 0 ? MARKDOWN_MARKER.matcher(lines.get(i - 1)) : null;
            boolean named = marker != null && marker.matches();
            blocks.add(new Block(
                    line.substring(3).strip(), i + 2, join(lines.subList(i + 1, end)),
                    named ? marker.group(1) : null, named ? marker.group(2) : null));
            i = end;
        }
        return blocks;
    }

    /** The {@code [source,lang]} blocks of an AsciiDoc page (delimited by {@code ----}). */
    static List<Block> asciidocBlocks(String page) {
        List<String> lines = page.lines().toList();
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher source = ASCIIDOC_SOURCE.matcher(lines.get(i));
            if (!source.matches()) {
                continue;
            }
            if (i + 1 >= lines.size() || !lines.get(i + 1).equals("----")) {
                throw new IllegalArgumentException("No ---- after the [source] line " + (i + 1));
            }
            int end = i + 2;
            while (end < lines.size() && !lines.get(end).equals("----")) {
                end++;
            }
            if (end == lines.size()) {
                throw new IllegalArgumentException("The block after line " + (i + 1) + " is not closed");
            }
            Matcher marker = i > 0 ? ASCIIDOC_MARKER.matcher(lines.get(i - 1)) : null;
            boolean named = marker != null && marker.matches();
            blocks.add(new Block(
                    source.group(1), i + 3, join(lines.subList(i + 2, end)),
                    named ? marker.group(1) : null, named ? marker.group(2) : null));
            i = end;
        }
        return blocks;
    }

    /**
     * The region {@code tag} of a source file's text, as a page shows it (see the class comment). A tag may open and
     * close several times (as AsciiDoc's {@code include::[tag=...]} allows): the region is its parts in order, so that
     * test code can sit between them.
     */
    static String region(String source, String tag) {
        List<String> lines = source.lines().toList();
        List<String> content = new ArrayList<>();
        boolean inside = false;
        boolean found = false;
        for (int i = 0; i < lines.size(); i++) {
            Matcher marker = TAG_LINE.matcher(lines.get(i));
            if (!marker.matches()) {
                if (inside) {
                    content.add(lines.get(i));
                }
            } else if (marker.group(2).equals(tag)) {
                boolean opens = marker.group(1).equals("tag");
                if (opens == inside) {
                    throw new IllegalArgumentException(
                            (opens ? "tag::" : "end::") + tag + "[] on line " + (i + 1)
                                                       + (opens ? " inside the region" : " outside the region"));
                }
                inside = opens;
                found = true;
            }
        }
        if (!found) {
            throw new IllegalArgumentException("No region '" + tag + "' (tag::" + tag + "[] ... end::" + tag + "[])");
        }
        if (inside) {
            throw new IllegalArgumentException("No end::" + tag + "[] after the last tag::" + tag + "[]");
        }
        int indent = content.stream().filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        return join(content.stream().map(line -> line.isBlank() ? "" : line.substring(indent)).toList());
    }

    private static String join(List<String> lines) {
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }
}
