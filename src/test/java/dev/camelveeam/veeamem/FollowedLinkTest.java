package dev.camelveeam.veeamem;

import java.util.List;

import dev.camelveeam.veeamem.internal.ApiRoot;
import dev.camelveeam.veeamem.model.Link;
import dev.camelveeam.veeamem.model.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What restoreVm and quickBackup follow from a finished task: only a Related link of the expected type to
 * {@code /<collection>/<GUID>} on the endpoint's own API root.
 */
class FollowedLinkTest {

    private static final ApiRoot ROOT = ApiRoot.parse("https://em.example.com:9398/api");
    private static final String ID = "b67a3603-81f4-46af-be68-9f2c2307465c";

    private static Task task(String rel, String type, String href) {
        Link link = new Link();
        link.setRel(rel);
        link.setType(type);
        link.setHref(href);
        Link delete = new Link();
        delete.setRel("Delete");
        delete.setType("Task");
        delete.setHref("https://em.example.com:9398/api/tasks/task-1");
        Task task = new Task();
        task.setTaskId("task-1");
        task.setOperation("StartVMRestore");
        task.setLinks(List.of(delete, link));
        return task;
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://em.example.com:9398/api/restoreSessions/" + ID + "?format=Entity",
            "https://em.example.com:9398/api/restoreSessions/" + ID,
            "HTTPS://EM.example.com:9398/API/restoreSessions/" + ID + "?format=entity" })
    void followsARestoreSessionOnTheSameApiRoot(String href) {
        assertEquals(ID, EmOperations.followedId(task("Related", "RestoreSession", href), "RestoreSession",
                "restoreSessions", ROOT));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://evil.example.com:9398/api/restoreSessions/" + ID + "?format=Entity",
            "https://em.example.com:443/api/restoreSessions/" + ID,
            "http://em.example.com:9398/api/restoreSessions/" + ID,
            "https://user@em.example.com:9398/api/restoreSessions/" + ID,
            "https://em.example.com:9398/api/logonSessions/" + ID,
            "https://em.example.com:9398/api/restoreSessions/" + ID + "/../../logonSessions/x",
            "https://em.example.com:9398/api/restoreSessions/%2e%2e",
            "https://em.example.com:9398/api/restoreSessions/" + ID + "?format=Entity&x=1",
            "https://em.example.com:9398/api/restoreSessions/" + ID + "#frag",
            "/api/restoreSessions/" + ID,
            "not a url at all" })
    void refusesAnyOtherLink(String href) {
        VeeamEmException refused = assertThrows(VeeamEmException.class, () -> EmOperations.followedId(
                task("Related", "RestoreSession", href), "RestoreSession", "restoreSessions", ROOT));
        assertTrue(refused.getMessage().contains("it is not followed"), refused.getMessage());
    }

    @Test
    void aTaskWithoutTheRelatedLinkCannotBeFollowed() {
        VeeamEmException refused = assertThrows(VeeamEmException.class, () -> EmOperations.followedId(
                task("Related", "Job", "https://em.example.com:9398/api/jobs/" + ID), "RestoreSession",
                "restoreSessions", ROOT));
        assertTrue(refused.getMessage().contains("without a Related RestoreSession link"), refused.getMessage());
    }
}
