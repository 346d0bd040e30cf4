package dev.camelveeam.veeamem;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import dev.camelveeam.veeamem.model.Backup;
import dev.camelveeam.veeamem.model.BackupJobSession;
import dev.camelveeam.veeamem.model.BackupServer;
import dev.camelveeam.veeamem.model.JobStatisticsReport;
import dev.camelveeam.veeamem.model.OverviewReport;
import dev.camelveeam.veeamem.model.ProcessedVmsReport;
import dev.camelveeam.veeamem.model.ReplicaJobSession;
import dev.camelveeam.veeamem.model.Repository;
import dev.camelveeam.veeamem.model.RepositoryReport;
import dev.camelveeam.veeamem.model.RestorePoint;
import dev.camelveeam.veeamem.model.VmRestorePoint;
import dev.camelveeam.veeamem.model.VmsOverviewReport;
import dev.camelveeam.veeamem.simulator.EmSimulator.JsonCasing;
import dev.camelveeam.veeamem.simulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_DEFAULT_REPOSITORY_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_EXCH01_VM_RESTORE_POINT_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_HARDENED_REPOSITORY_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE01_VM_RESTORE_POINT_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE_BACKUP_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE_RESTORE_POINT_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_WEB_REPLICA_SESSION_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The monitoring reads: backup servers, repositories, summary reports, backups, restore points, VM restore points and
 * replica sessions; in XML and in JSON of both casings, against the simulator's seed.
 */
class MonitoringOperationsTest extends VeeamEmTestSupport {

    private static final long GIB = 1024L * 1024 * 1024;
    private static final String BACKUP_SERVER_ID = QuickBackupOperationsTest.BACKUP_SERVER_ID;

    @RegisterExtension
    static final EmSimulatorExtension EM = new EmSimulatorExtension();

    static Stream<Arguments> formats() {
        return Stream.of(Arguments.of(VeeamEmFormat.xml, JsonCasing.EM12), Arguments.of(VeeamEmFormat.json, JsonCasing.EM12),
                Arguments.of(VeeamEmFormat.json, JsonCasing.EM13));
    }

    private Object body(String operation, VeeamEmFormat format, JsonCasing casing, String options) {
        sim.withJsonCasing(casing);
        Exchange result = template.request(uri(operation) + "&format=" + format + options, exchange -> {
        });
        assertNull(result.getException(), () -> causeChain(result.getException()));
        return result.getMessage().getBody();
    }

    private static <T> List<T> listOf(Object body, Class<T> type) {
        return ((List<?>) assertInstanceOf(List.class, body)).stream().map(type::cast).toList();
    }

    private static RecordedRequest onlyRequest(String path) {
        List<RecordedRequest> requests = sim.getRequests("GET", path);
        assertEquals(1, requests.size(), path);
        return requests.get(0);
    }

    @ParameterizedTest
    @MethodSource("formats")
    void listsBackupServers(VeeamEmFormat format, JsonCasing casing) {
        List<BackupServer> servers = listOf(body("listBackupServers", format, casing, ""), BackupServer.class);

        assertEquals(1, servers.size());
        BackupServer server = servers.get(0);
        assertEquals(BACKUP_SERVER_ID, server.getId());
        assertEquals("vbr01.lab.local", server.getName());
        assertEquals(9392, server.getPort());
        assertEquals("12.3.2.4465", server.getVersion());
        assertTrue(server.findLink("QuickBackup").isPresent());
        assertEquals("format=Entity", onlyRequest("/api/backupServers").query());
    }

    @ParameterizedTest
    @MethodSource("formats")
    void listsRepositoriesWithCapacityAndFreeSpace(VeeamEmFormat format, JsonCasing casing) {
        List<Repository> repositories = listOf(body("listRepositories", format, casing, ""), Repository.class);

        assertEquals(2, repositories.size());
        Repository hardened = repositories.stream().filter(r -> r.getId().equals(SEED_HARDENED_REPOSITORY_ID))
                .findFirst().orElseThrow();
        assertEquals("Linux Hardened Repository", hardened.getName());
        assertEquals("LinuxLocal", hardened.getKind());
        assertEquals(8 * 1024 * GIB, hardened.getCapacity());
        assertEquals(7068 * GIB, hardened.getFreeSpace());
        assertEquals("format=Entity", onlyRequest("/api/repositories").query());
    }

    @ParameterizedTest
    @MethodSource("formats")
    void listsTheRepositoriesOfOneBackupServer(VeeamEmFormat format, JsonCasing casing) {
        List<Repository> repositories = listOf(body("listRepositories", format, casing,
                "&backupServerId=urn:veeam:BackupServer:" + BACKUP_SERVER_ID), Repository.class);

        assertEquals(2, repositories.size());
        assertEquals("format=Entity", onlyRequest("/api/backupServers/" + BACKUP_SERVER_ID + "/repositories").query());
        assertTrue(sim.getRequests("GET", "/api/repositories").isEmpty());
    }

    @ParameterizedTest
    @MethodSource("formats")
    void getsOneRepository(VeeamEmFormat format, JsonCasing casing) {
        Repository repository = assertInstanceOf(Repository.class, body("getRepository", format, casing,
                "&repositoryId=" + SEED_DEFAULT_REPOSITORY_ID));

        assertEquals("Default Backup Repository", repository.getName());
        assertEquals("WindowsLocal", repository.getKind());
        assertEquals(2048 * GIB, repository.getCapacity());
        assertEquals(1648 * GIB, repository.getFreeSpace());
        assertEquals("format=Entity", onlyRequest("/api/repositories/" + SEED_DEFAULT_REPOSITORY_ID).query());
    }

    @ParameterizedTest
    @MethodSource("formats")
    void readsEachSummaryReportTyped(VeeamEmFormat format, JsonCasing casing) {
        OverviewReport overview = assertInstanceOf(OverviewReport.class,
                body("getReport", format, casing, "&report=overview"));
        assertEquals(1, overview.getBackupServers());
        assertEquals(2, overview.getRepositoryServers());
        assertEquals(3, overview.getScheduledJobs());
        assertEquals(1, overview.getWarningVmLastestStates());
        assertEquals(2, overview.getFailedVmLastestStates());

        VmsOverviewReport vms = assertInstanceOf(VmsOverviewReport.class,
                body("getReport", format, casing, "&report=vmsOverview"));
        assertEquals(5, vms.getProtectedVms());
        assertEquals(3, vms.getRestorePoints());
        assertEquals(200 * GIB, vms.getFullBackupPointsSize());
        assertEquals(480 * GIB, vms.getSourceVmsSize());
        assertEquals(33, vms.getSuccessBackupPercents());

        JobStatisticsReport statistics = assertInstanceOf(JobStatisticsReport.class,
                body("getReport", format, casing, "&report=jobStatistics"));
        assertEquals(4, statistics.getTotalJobRuns());
        assertEquals(1, statistics.getFailedJobRuns());
        assertEquals(1860L, statistics.getMaxJobDuration());
        assertEquals("Exchange Backup", statistics.getMaxDurationBackupJobName());
        assertEquals("Web Replica", statistics.getMaxDurationReplicaJobName());

        ProcessedVmsReport processed = assertInstanceOf(ProcessedVmsReport.class,
                body("getReport", format, casing, "&report=PROCESSEDVMS"));
        assertEquals(7, processed.getDays().size());
        assertTrue(processed.getDays().get(0).getStart() != null);
        assertTrue(processed.getDays().get(0).getStart().isAfter(processed.getDays().get(1).getStart()));

        RepositoryReport repositories = assertInstanceOf(RepositoryReport.class,
                body("getReport", format, casing, "&report=repository"));
        assertEquals(2, repositories.getPeriods().size());
        assertEquals(100 * GIB, repositories.getPeriods().get(0).getBackupSize());
        assertTrue(repositories.getCapacityPlanningReportLink().startsWith("Workspace/ViewReport.aspx"));

        List<String> paths = sim.getRequests("GET", "/api/reports/summary/.*").stream().map(RecordedRequest::path).toList();
        assertEquals(List.of("/api/reports/summary/overview", "/api/reports/summary/vms_overview",
                "/api/reports/summary/job_statistics", "/api/reports/summary/processed_vms",
                "/api/reports/summary/repository"), paths);
    }

    @Test
    void anUnknownReportIsRefusedBeforeAnyRequest() {
        Exchange result = template.request(uri("getReport") + "&report=weekly", exchange -> {
        });

        IllegalArgumentException failure = assertInstanceOf(IllegalArgumentException.class, result.getException());
        assertTrue(failure.getMessage().contains("overview, jobStatistics, vmsOverview, repository, processedVms"),
                failure.getMessage());
        assertTrue(sim.getRequests("GET", "/api/reports/.*").isEmpty());
    }

    @ParameterizedTest
    @MethodSource("formats")
    void listsBackupsAndRestorePoints(VeeamEmFormat format, JsonCasing casing) {
        List<Backup> backups = listOf(body("listBackups", format, casing, ""), Backup.class);
        assertEquals(2, backups.size());
        Backup oracle = backups.stream().filter(b -> b.getId().equals(SEED_ORACLE_BACKUP_ID)).findFirst().orElseThrow();
        assertEquals("Oracle Backup", oracle.getName());
        assertEquals("VMware", oracle.getPlatform());

        List<RestorePoint> all = listOf(body("listRestorePoints", format, casing, ""), RestorePoint.class);
        assertEquals(2, all.size());
        List<RestorePoint> ofOracle = listOf(body("listRestorePoints", format, casing,
                "&backupId=urn:veeam:Backup:" + SEED_ORACLE_BACKUP_ID), RestorePoint.class);
        assertEquals(1, ofOracle.size());
        assertEquals(SEED_ORACLE_RESTORE_POINT_ID, ofOracle.get(0).getId());
        assertTrue(ofOracle.get(0).getBackupDate() != null);
        assertEquals("format=Entity", onlyRequest("/api/backups").query());
        assertEquals("format=Entity", onlyRequest("/api/restorePoints").query());
        assertEquals("format=Entity", onlyRequest("/api/backups/" + SEED_ORACLE_BACKUP_ID + "/restorePoints").query());
    }

    @ParameterizedTest
    @MethodSource("formats")
    void listsVmRestorePointsAllOrOfOneVm(VeeamEmFormat format, JsonCasing casing) {
        List<VmRestorePoint> all = listOf(body("listVmRestorePoints", format, casing, ""), VmRestorePoint.class);
        assertEquals(3, all.size());
        VmRestorePoint oracle01 = all.stream().filter(p -> p.getId().equals(SEED_ORACLE01_VM_RESTORE_POINT_ID))
                .findFirst().orElseThrow();
        assertEquals("oracle01", oracle01.getVmDisplayName());
        assertEquals("Full", oracle01.getPointType());
        assertEquals("urn:VMware:Vm:93fe5565-0ae7-4574-abb5-0f4ea8c5e9bd.vm-48911", oracle01.getHierarchyObjRef());
        assertTrue(oracle01.findLink("Restore").isPresent());
        assertEquals("format=Entity", onlyRequest("/api/vmRestorePoints").query());

        List<VmRestorePoint> exch01 = listOf(body("listVmRestorePoints", format, casing, "&vmName=exch01"),
                VmRestorePoint.class);
        assertEquals(1, exch01.size());
        assertEquals(SEED_EXCH01_VM_RESTORE_POINT_ID, exch01.get(0).getId());
        String query = URLDecoder.decode(onlyRequest("/api/query").query(), StandardCharsets.UTF_8);
        assertTrue(query.contains("type=VmRestorePoint") && query.contains("filter=VmDisplayName==\"exch01\"")
                && query.contains("sortDesc=CreationTime"), query);
    }

    @ParameterizedTest
    @MethodSource("formats")
    void getsAVmRestorePointByIdOrTheNewestOfAVm(VeeamEmFormat format, JsonCasing casing) {
        VmRestorePoint byId = assertInstanceOf(VmRestorePoint.class, body("getVmRestorePoint", format, casing,
                "&vmRestorePointId=" + SEED_ORACLE01_VM_RESTORE_POINT_ID));
        assertEquals("oracle01", byId.getVmName());

        VmRestorePoint newest = assertInstanceOf(VmRestorePoint.class, body("getVmRestorePoint", format, casing,
                "&vmName=oracle01&restorePointTime=" + byId.getCreationTime()));
        assertEquals(SEED_ORACLE01_VM_RESTORE_POINT_ID, newest.getId(), "a point created at the time given is taken");
        String query = URLDecoder.decode(onlyRequest("/api/query").query(), StandardCharsets.UTF_8);
        assertTrue(query.contains("CreationTime<=\"" + byId.getCreationTime() + "\"") && query.contains("pageSize=1"), query);
    }

    @ParameterizedTest
    @MethodSource("formats")
    void listsReplicaSessionsWithSessionType(VeeamEmFormat format, JsonCasing casing) {
        List<BackupJobSession> sessions = listOf(body("listBackupSessions", format, casing,
                "&sessionType=ReplicaJobSession"), BackupJobSession.class);

        assertEquals(1, sessions.size());
        ReplicaJobSession replica = assertInstanceOf(ReplicaJobSession.class, sessions.get(0));
        assertEquals(SEED_WEB_REPLICA_SESSION_ID, replica.getId());
        assertEquals("Web Replica", replica.getJobName());
        assertEquals("Replica", replica.getJobType());
        assertEquals("Success", replica.getResult());
        assertTrue(onlyRequest("/api/query").query().startsWith("type=ReplicaJobSession&format=Entities"));
    }
}
