package dev.camelveeam.veeamem.docs;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AsciiDocTableTest {

    @Test
    void escapedTextCannotEndACellOrReferToAnAttribute() {
        assertEquals("GET /jobs/\\{jobId} \\| DELETE /tasks/\\{task-id} {not an attribute",
                AsciiDocTable.escape("GET /jobs/{jobId} | DELETE /tasks/{task-id} {not an attribute"));
    }

    @Test
    void escapedTextIsOneLine() {
        assertEquals("first line second line", AsciiDocTable.escape("first line\n   second line\n"));
    }

    @Test
    void rendersOneCellPerLineAndEmptyCellsAsABareBar() {
        String table = new AsciiDocTable("1,2", "Name", "Default").row("*a*", "").render();
        assertEquals("""
                [width="100%",cols="1,2",options="header"]
                |===
                | Name | Default

                | *a*
                |
                |===
                """, table);
    }

    @Test
    void refusesARowOfTheWrongWidth() {
        assertThrows(IllegalArgumentException.class, () -> new AsciiDocTable("1,2", "Name", "Default").row("*a*"));
    }
}
