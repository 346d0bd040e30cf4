package dev.camelveeam.veeamem.docs;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MarkedRegionsTest {

    private static final String PAGE = """
            = Title

            // options: START
            old table
            // options: END

            hand-written text
            """;

    @Test
    void replacesOnlyWhatIsBetweenTheMarkers() {
        assertEquals("""
                = Title

                // options: START
                new table
                // options: END

                hand-written text
                """, MarkedRegions.replace(PAGE, "options", "new table\n"));
    }

    @Test
    void readsWhatIsBetweenTheMarkers() {
        assertEquals("old table\n", MarkedRegions.content(PAGE, "options"));
    }

    @Test
    void refusesAPageWithoutTheRegion() {
        IllegalArgumentException failure
                = assertThrows(IllegalArgumentException.class, () -> MarkedRegions.replace(PAGE, "headers", ""));
        assertEquals("No line '// headers: START' for the region 'headers'", failure.getMessage());
    }

    @Test
    void refusesMarkersInTheWrongOrder() {
        String swapped = "// options: END\n// options: START\n";
        assertThrows(IllegalArgumentException.class, () -> MarkedRegions.replace(swapped, "options", ""));
    }
}
