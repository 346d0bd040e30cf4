package dev.camelveeam.veeamem;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.camelveeam.veeamem.model.BackupJobSession;
import dev.camelveeam.veeamem.simulator.RecordedRequest;
import dev.camelveeam.veeamem.simulator.SimBackupSession;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * listBackupSessions (filter built from options, every page read) and getBackupSession, in XML and JSON.
 */
class BackupSessionOperationsTest extends VeeamEmTestSupport {

    private static final String JOB_ID = "7a3c0b52-90e4-4c1f-8d4e-3b2a1c0d9e8f";
    private static final Instant DAY = Instant.parse("2026-11-27T00:00:00Z");

    @RegisterExtension
    static final EmSimulatorExtension EM = new EmSimulatorExtension();

    /** Before each test: the extension resets the simulator before every test, @BeforeAll data would be gone. */
    @BeforeEach
    void seed() {
        sim.addJob(JOB_ID, "File Server Backup");
        for (int i = 0; i < 250; i++) {
            SimBackupSession.Result result = i % 10 == 0 ? SimBackupSession.Result.Failed
                    : i % 10 == 1 ? SimBackupSession.Result.Warning : SimBackupSession.Result.Success;
            Instant created = DAY.plusSeconds(60L * i);
            sim.addBackupSession(JOB_ID, SimBackupSession.State.Stopped, result, created, created.plusSeconds(30));
        }
    }

    @ParameterizedTest
    @EnumSource(VeeamEmFormat.class)
    void readsEveryPageOfTheFilteredSessions(VeeamEmFormat format) {
        sim.clearRequests();

        Exchange result = template.request(uri("listBackupSessions") + "&format=" + format + "&pageSize=40",
                exchange -> exchange.getMessage().setHeader(VeeamEmConstants.JOB_NAME, "File Server Backup"));

        List<?> sessions = assertInstanceOf(List.class, result.getMessage().getBody());
        assertEquals(250, sessions.size());
        Set<String> ids = sessions.stream().map(session -> ((BackupJobSession) session).getId()).collect(Collectors.toSet());
        assertEquals(250, ids.size(), "no session twice across page boundaries");
        List<RecordedRequest> pages = sim.getRequests("GET", "/api/query");
        assertEquals(7, pages.size(), "250 sessions in pages of 40");
        String first = URLDecoder.decode(pages.get(0).query(), StandardCharsets.UTF_8);
        assertTrue(first.contains("type=BackupJobSession") && first.contains("format=Entities")
                && first.contains("filter=JobName==\"File Server Backup\"") && first.contains("pageSize=40")
                && first.contains("page=1"), first);
        assertTrue(pages.get(6).query().endsWith("page=7"), pages.get(6).query());
    }

    @ParameterizedTest
    @EnumSource(VeeamEmFormat.class)
    void filtersByResultAndCreationTime(VeeamEmFormat format) {
        Exchange result = template.request(uri("listBackupSessions") + "&format=" + format
                                           + "&jobName=RAW(File Server Backup)&sessionResult=Failed,Warning"
                                           + "&createdAfter=" + DAY.plusSeconds(60L * 100)
                                           + "&createdBefore=" + DAY.plusSeconds(60L * 200),
                exchange -> {
                });

        List<?> sessions = assertInstanceOf(List.class, result.getMessage().getBody());
        assertEquals(20, sessions.size(), "sessions 100..199 that failed or warned");
        for (Object item : sessions) {
            BackupJobSession session = (BackupJobSession) item;
            assertTrue(Set.of("Failed", "Warning").contains(session.getResult()), session.toString());
            assertEquals("Stopped", session.getState());
            assertEquals(JOB_ID, session.getJobId());
            assertTrue(!session.getCreationTime().isBefore(DAY.plusSeconds(6000))
                    && session.getCreationTime().isBefore(DAY.plusSeconds(12000)), session.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(VeeamEmFormat.class)
    void getBackupSessionReturnsTheEntity(VeeamEmFormat format) {
        SimBackupSession seeded = sim.getBackupSessions(JOB_ID).get(0);

        Exchange result = template.request(uri("getBackupSession") + "&format=" + format,
                exchange -> exchange.getMessage().setHeader(VeeamEmConstants.BACKUP_SESSION_ID,
                        "urn:veeam:BackupJobSession:" + seeded.getId()));

        BackupJobSession session = assertInstanceOf(BackupJobSession.class, result.getMessage().getBody());
        assertEquals(seeded.getId(), session.getId());
        assertEquals("File Server Backup", session.getJobName());
        assertEquals(seeded.getResult().name(), session.getResult());
        assertTrue(sim.getRequests("GET", "/api/backupSessions/" + seeded.getId()).get(0).query().contains("format=Entity"));
    }
}
