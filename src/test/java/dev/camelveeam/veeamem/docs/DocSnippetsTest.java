package dev.camelveeam.veeamem.docs;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DocSnippetsTest {

    @Test
    void findsMarkdownBlocksAndTheSourceTheyName() {
        List<DocSnippets.Block> blocks = DocSnippets.markdownBlocks("""
                Text

                <!-- snippet: src/test/java/A.java#route -->
                ```java
                from("direct:a")
                    .to("log:a");
                ```

                ```
                mvn -B verify
                ```
                """);

        assertEquals(2, blocks.size());
        assertEquals(new DocSnippets.Block(
                "java", 5, "from(\"direct:a\")\n    .to(\"log:a\");\n",
                "src/test/java/A.java", "route"), blocks.get(0));
        assertEquals("", blocks.get(1).language());
        assertFalse(blocks.get(1).hasSource());
    }

    @Test
    void findsAsciidocSourceBlocksButNotLiteralOnes() {
        List<DocSnippets.Block> blocks = DocSnippets.asciidocBlocks("""
                ----
                veeam-em:operation[?options]
                ----

                // snippet: src/test/resources/a.properties#connection
                [source,properties]
                ----
                a = b
                ----
                """);

        assertEquals(List.of(new DocSnippets.Block(
                "properties", 8, "a = b\n", "src/test/resources/a.properties",
                "connection")), blocks);
    }

    @Test
    void aRegionLosesItsIndentationAndTheMarkersOfOtherRegions() {
        String source = """
                class A {
                    void configure() {
                        // tag::outer[]
                        from("direct:a")
                            // tag::inner[]
                            .to("log:a");
                            // end::inner[]

                        from("direct:b");
                        // end::outer[]
                    }
                }
                """;

        assertEquals("from(\"direct:a\")\n    .to(\"log:a\");\n\nfrom(\"direct:b\");\n",
                DocSnippets.region(source, "outer"));
        assertEquals(".to(\"log:a\");\n", DocSnippets.region(source, "inner"));
    }

    @Test
    void regionsInPropertiesXmlAndSqlFiles() {
        assertEquals("a = b\n", DocSnippets.region("# tag::p[]\na = b\n# end::p[]\n", "p"));
        assertEquals("<a/>\n", DocSnippets.region("<r>\n    <!-- tag::x[] -->\n    <a/>\n    <!-- end::x[] -->\n</r>\n",
                "x"));
        assertEquals("SELECT 1\n", DocSnippets.region("-- tag::q[]\nSELECT 1\n-- end::q[]\n", "q"));
    }

    @Test
    void aRegionMayComeInParts() {
        assertEquals("try {\n}\n", DocSnippets.region("""
                // tag::a[]
                try {
                    // end::a[]
                    check();
                    // tag::a[]
                }
                // end::a[]
                """, "a"));
    }

    @Test
    void refusesAMissingOrUnbalancedRegion() {
        assertEquals("No region 'b' (tag::b[] ... end::b[])", assertThrows(IllegalArgumentException.class,
                () -> DocSnippets.region("// tag::a[]\n// end::a[]\n", "b")).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> DocSnippets.region("// tag::a[]\n// tag::a[]\n// end::a[]\n", "a"));
        assertThrows(IllegalArgumentException.class, () -> DocSnippets.region("// end::a[]\n// tag::a[]\n", "a"));
        assertThrows(IllegalArgumentException.class, () -> DocSnippets.region("// tag::a[]\nx\n", "a"));
    }
}
