package dev.camelveeam.veeamem;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import dev.camelveeam.veeamem.model.BackupJobSession;
import dev.camelveeam.veeamem.model.BackupTaskSession;
import dev.camelveeam.veeamem.model.Task;
import dev.camelveeam.veeamem.model.VmRestorePoint;
import dev.camelveeam.veeamem.simulator.EmSimulator.JsonCasing;
import dev.camelveeam.veeamem.simulator.RecordedRequest;
import dev.camelveeam.veeamem.simulator.SimBackupSession;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_HIERARCHY_ROOT_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE_FAILED_SESSION_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE_JOB_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * quickBackup (by reference and by name, with and without waitForSession), listTaskSessions, and the task failure of a
 * VM no job processes; in XML and in JSON of both casings.
 */
class QuickBackupOperationsTest extends VeeamEmTestSupport {

    static final String BACKUP_SERVER_ID = "5b1f0b6e-3f0c-4a63-9d52-7e8a3c9b2f41";
    static final String ORACLE01 = "urn:VMware:Vm:93fe5565-0ae7-4574-abb5-0f4ea8c5e9bd.vm-48911";

    @RegisterExtension
    static final EmSimulatorExtension EM = new EmSimulatorExtension(
            simulator -> simulator.withBackupSessionRunTime(Duration.ofMillis(300)));

    static Stream<Arguments> formats() {
        return Stream.of(Arguments.of(VeeamEmFormat.xml, JsonCasing.EM12), Arguments.of(VeeamEmFormat.json, JsonCasing.EM12),
                Arguments.of(VeeamEmFormat.json, JsonCasing.EM13));
    }

    @ParameterizedTest
    @MethodSource("formats")
    void backsUpOneVmByReferenceAndAnswersTheSessionItStarted(VeeamEmFormat format, JsonCasing casing) {
        sim.withJsonCasing(casing);

        Exchange result = template.request(uri("quickBackup") + "&format=" + format,
                exchange -> exchange.getMessage().setHeader(VeeamEmConstants.HIERARCHY_OBJ_REF, ORACLE01));

        assertNull(result.getException(), () -> causeChain(result.getException()));
        BackupJobSession session = assertInstanceOf(BackupJobSession.class, result.getMessage().getBody());
        assertEquals("Oracle Backup", session.getJobName());
        assertEquals(SEED_ORACLE_JOB_ID, session.getJobId());
        assertEquals(session.getId(), result.getMessage().getHeader(VeeamEmConstants.BACKUP_SESSION_ID));
        assertTrue(sim.getBackupSessions(SEED_ORACLE_JOB_ID).stream().anyMatch(s -> s.getId().equals(session.getId())));
        assertEquals(1, sim.getRequests("GET", "/api/backupServers").size(), "the only backup server is looked up");
        RecordedRequest post = sim.getRequests("POST", "/api/backupServers/" + BACKUP_SERVER_ID).get(0);
        assertEquals("action=quickbackup", post.query());
        String body = post.body().replace(" ", "");
        assertTrue(format == VeeamEmFormat.xml
                ? body.contains("<VmRef>" + ORACLE01 + "</VmRef>")
                        && body.contains("QuickBackupStartupSpec")
                : body.equals("{\"VmRef\":\"" + ORACLE01 + "\"}"), body);
        assertEquals("format=Entity", sim.getRequests("GET", "/api/backupSessions/" + session.getId()).get(0).query());
    }

    @ParameterizedTest
    @MethodSource("formats")
    void backsUpAVmGivenByNameAndWaitsForTheSession(VeeamEmFormat format, JsonCasing casing) {
        sim.withJsonCasing(casing).withNextBackupSessionResult(SimBackupSession.Result.Warning);

        Exchange result = template.request(uri("quickBackup") + "&format=" + format + "&waitForSession=true"
                                           + "&backupServerId=urn:veeam:BackupServer:" + BACKUP_SERVER_ID
                                           + "&hierarchyRootId=" + SEED_HIERARCHY_ROOT_ID,
                exchange -> exchange.getMessage().setHeader(VeeamEmConstants.OBJECT_NAME, "oracle02"));

        assertNull(result.getException(), () -> causeChain(result.getException()));
        BackupJobSession session = assertInstanceOf(BackupJobSession.class, result.getMessage().getBody());
        assertEquals("Stopped", session.getState());
        assertEquals("Warning", session.getResult());
        assertTrue(sim.getRequests("GET", "/api/backupServers").isEmpty(), "the server was given");
        assertEquals(1, sim.getRequests("GET", "/api/lookup").size());
        assertTrue(sim.getRequests("POST", "/api/backupServers/" + BACKUP_SERVER_ID).get(0).body()
                .contains("vm-48912"));

        Exchange tasks = template.request(uri("listTaskSessions") + "&format=" + format,
                exchange -> exchange.getMessage().setHeader(VeeamEmConstants.BACKUP_SESSION_ID, session.getUid()));
        List<?> taskSessions = assertInstanceOf(List.class, tasks.getMessage().getBody());
        assertEquals(1, taskSessions.size(), "a quick backup processes one VM");
        BackupTaskSession vm = (BackupTaskSession) taskSessions.get(0);
        assertEquals("oracle02", vm.getVmDisplayName());
        assertEquals("Warning", vm.getResult());
        assertEquals(session.getUid(), vm.getJobSessionUid());
    }

    @Test
    void aVmThatNoJobProcessesFailsTheTask() {
        Exchange result = template.request(uri("quickBackup") + "&hierarchyObjRef="
                                           + "urn:VMware:Vm:93fe5565-0ae7-4574-abb5-0f4ea8c5e9bd.vm-101",
                exchange -> {
                });

        VeeamEmTaskFailedException failure = assertInstanceOf(VeeamEmTaskFailedException.class, result.getException());
        Task task = failure.getTask();
        assertEquals("QuickBackup", task.getOperation());
        assertTrue(task.getResult().getMessage().contains("not processed by any backup job"), task.toString());
        assertTrue(sim.getRequests("GET", "/api/backupSessions/.*").isEmpty());
    }

    @ParameterizedTest
    @MethodSource("formats")
    void listTaskSessionsGivesThePerVmResultsAndReasons(VeeamEmFormat format, JsonCasing casing) {
        sim.withJsonCasing(casing);

        Exchange result = template.request(uri("listTaskSessions") + "&format=" + format
                                           + "&backupSessionId=" + SEED_ORACLE_FAILED_SESSION_ID,
                exchange -> {
                });

        List<?> tasks = assertInstanceOf(List.class, result.getMessage().getBody());
        assertEquals(2, tasks.size());
        for (Object item : tasks) {
            BackupTaskSession task = (BackupTaskSession) item;
            assertEquals("Failed", task.getResult());
            assertTrue(task.getReason() != null && !task.getReason().isBlank(), task.toString());
            assertTrue(task.getVmUid().startsWith("urn:VMware:Vm:"), task.toString());
            assertEquals(0L, task.getTotalSize());
        }
        RecordedRequest request = sim.getRequests("GET", "/api/backupSessions/" + SEED_ORACLE_FAILED_SESSION_ID
                                                         + "/taskSessions")
                .get(0);
        assertEquals("format=Entity", request.query());
    }

    @ParameterizedTest
    @MethodSource("formats")
    void stopBackupSessionStopsTheRunningSession(VeeamEmFormat format, JsonCasing casing) {
        sim.withJsonCasing(casing).withBackupSessionRunTime(Duration.ofMinutes(10));
        Exchange started = template.request(uri("quickBackup") + "&format=" + format + "&hierarchyObjRef=" + ORACLE01,
                exchange -> {
                });
        BackupJobSession running = assertInstanceOf(BackupJobSession.class, started.getMessage().getBody());
        assertEquals("Working", running.getState());

        Exchange result = template.request(uri("stopBackupSession") + "&format=" + format,
                exchange -> exchange.getMessage().setHeader(VeeamEmConstants.BACKUP_SESSION_ID, running.getId()));

        Task task = assertFinishedTask(result, true, null);
        assertEquals("StopJobSession", task.getOperation());
        assertTrue(task.getResult().getMessage().endsWith("triggered to stop."), task.toString());
        RecordedRequest post = sim.getRequests("POST", "/api/backupSessions/" + running.getId()).get(0);
        assertEquals("action=stop", post.query());
        SimBackupSession stopped = sim.getBackupSessions(SEED_ORACLE_JOB_ID).stream()
                .filter(session -> session.getId().equals(running.getId())).findFirst().orElseThrow();
        assertEquals(SimBackupSession.State.Stopped, stopped.getState());
        assertEquals(SimBackupSession.Result.Failed, stopped.getResult());

        Exchange again = template.request(uri("stopBackupSession") + "&format=" + format,
                exchange -> exchange.getMessage().setHeader(VeeamEmConstants.BACKUP_SESSION_ID, running.getId()));
        VeeamEmTaskFailedException failure = assertInstanceOf(VeeamEmTaskFailedException.class, again.getException());
        assertTrue(failure.getMessage().contains("is not running"), failure.getMessage());
    }

    private Object body(String operation, VeeamEmFormat format, String options) {
        Exchange result = template.request(uri(operation) + "&format=" + format + options, exchange -> {
        });
        assertNull(result.getException(), () -> causeChain(result.getException()));
        return result.getMessage().getBody();
    }

    @ParameterizedTest
    @MethodSource("formats")
    void theNewestRestorePointOfAVmIsTheQuickBackupsOneUnlessAnEarlierTimeIsGiven(VeeamEmFormat format, JsonCasing casing) {
        sim.withJsonCasing(casing);
        VmRestorePoint seeded = assertInstanceOf(VmRestorePoint.class,
                body("getVmRestorePoint", format, "&vmName=oracle01"));
        BackupJobSession backup = assertInstanceOf(BackupJobSession.class,
                body("quickBackup", format, "&waitForSession=true&hierarchyObjRef=" + ORACLE01));
        assertEquals("Success", backup.getResult());

        VmRestorePoint newest = assertInstanceOf(VmRestorePoint.class,
                body("getVmRestorePoint", format, "&vmName=oracle01"));
        assertNotEquals(seeded.getId(), newest.getId(), "the quick backup made a newer point");
        assertTrue(newest.getCreationTime().isAfter(seeded.getCreationTime()));
        assertEquals("Increment", newest.getPointType());

        VmRestorePoint then = assertInstanceOf(VmRestorePoint.class, body("getVmRestorePoint", format,
                "&vmName=oracle01&restorePointTime=" + newest.getCreationTime().minusMillis(1)));
        assertEquals(seeded.getId(), then.getId(), "the newest at or before the time given");

        List<?> both = assertInstanceOf(List.class,
                body("listVmRestorePoints", format, "&vmName=oracle01&pageSize=1"));
        assertEquals(List.of(newest.getId(), seeded.getId()),
                both.stream().map(point -> ((VmRestorePoint) point).getId()).toList(), "newest first, one page at a time");
    }
}
