package dev.camelveeam.veeamem.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The component page agrees with the component JSON of the code under test: its generated tables are the ones the
 * generator writes now, and its header attributes say what the JSON says.
 */
class ComponentDocTest {

    private static final Path PAGE = Path.of("src/main/docs/veeam-em-component.adoc");

    private static String page;
    private static ComponentJson json;

    @BeforeAll
    static void read() throws IOException {
        page = Files.readString(PAGE, StandardCharsets.UTF_8);
        json = ComponentJson.fromClasspath();
    }

    @Test
    void tablesAreTheOnesTheGeneratorWritesFromTheJson() {
        assertAll(ComponentDocGenerator.regions(json).entrySet().stream().map(region -> () -> assertEquals(
                region.getValue(), MarkedRegions.content(page, region.getKey()),
                "The '" + region.getKey() + "' region of " + PAGE + " is stale: run mvn process-test-classes"
                                                                                 + " (it rewrites the page) and commit the page")));
    }

    @Test
    void headerAttributesAgreeWithTheJson() {
        assertAll(
                () -> assertEquals(json.component("title"), attribute("doctitle")),
                () -> assertEquals(json.component("scheme"), attribute("shortname")),
                () -> assertEquals(json.component("artifactId"), attribute("artifactid")),
                () -> assertEquals(json.component("description"), attribute("description")),
                () -> assertEquals(json.component("firstVersion"), attribute("since")),
                () -> assertEquals(json.component("supportLevel"), attribute("supportlevel")));
    }

    private static String attribute(String name) {
        Pattern line = Pattern.compile("^:" + Pattern.quote(name) + ":[ \\t]*(.*)$", Pattern.MULTILINE);
        Matcher matcher = line.matcher(page);
        return matcher.find() ? matcher.group(1).strip() : null;
    }
}
