package dev.camelveeam.veeamem.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every Java, YAML, XML, properties and SQL block of README.md and of the component page, and every Java block of
 * docs/simulator.md, is a copy of a tagged region of a file that a test compiles or runs, and shows it exactly (see
 * {@link DocSnippets} for the markers). Shell commands and console output are left out. To change a snippet, change its
 * region and copy it to the page.
 */
class SnippetsInDocsTest {

    @Test
    void theReadmeShowsOnlyTestedSnippets() throws IOException {
        check("README.md", DocSnippets.markdownBlocks(read("README.md")), DocSnippets.CHECKED_LANGUAGES);
    }

    @Test
    void theComponentPageShowsOnlyTestedSnippets() throws IOException {
        String page = "src/main/docs/veeam-em-component.adoc";
        check(page, DocSnippets.asciidocBlocks(read(page)), DocSnippets.CHECKED_LANGUAGES);
    }

    @Test
    void theSimulatorPageShowsOnlyTestedJava() throws IOException {
        check("docs/simulator.md", DocSnippets.markdownBlocks(read("docs/simulator.md")), List.of("java"));
    }

    private static void check(String page, List<DocSnippets.Block> blocks, Iterable<String> checkedLanguages)
            throws IOException {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (DocSnippets.Block block : blocks) {
            String where = page + ":" + block.line() + " (" + block.language() + ")";
            boolean mustHaveSource = contains(checkedLanguages, block.language());
            if (!block.hasSource()) {
                if (mustHaveSource) {
                    problems.add(where + ": no snippet marker before the block");
                }
                continue;
            }
            Path source = Path.of(block.path());
            if (!Files.isRegularFile(source)) {
                problems.add(where + ": no file " + block.path());
                continue;
            }
            String region;
            try {
                region = DocSnippets.region(read(block.path()), block.tag());
            } catch (IllegalArgumentException e) {
                problems.add(where + ": " + block.path() + ": " + e.getMessage());
                continue;
            }
            if (!region.equals(block.text())) {
                problems.add(where + " differs from " + block.path() + "#" + block.tag() + ":\n--- page\n" + block.text()
                             + "--- source\n" + region);
            }
            checked++;
        }
        assertEquals(List.of(), problems, String.join("\n\n", problems));
        assertTrue(checked > 0, "no snippet found in " + page);
    }

    private static boolean contains(Iterable<String> languages, String language) {
        for (String candidate : languages) {
            if (candidate.equals(language)) {
                return true;
            }
        }
        return false;
    }

    private static String read(String path) throws IOException {
        return Files.readString(Path.of(path), StandardCharsets.UTF_8);
    }
}
