package dev.camelveeam.veeamem.simulator;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The monitoring and restore surface: repositories, backups, restore points, sessions, reports, restore and quick
 * backup.
 */
class EmSimulatorMonitoringTest {

    private static final String VM_REF_PREFIX = "urn:VMware:Vm:93fe5565-0ae7-4574-abb5-0f4ea8c5e9bd.";
    private static final String SERVER = "/backupServers/" + EmLinks.BACKUP_SERVER_ID;
    private static final long GIB = 1024L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String XML_TYPE = "application/xml; charset=utf-8";
    private static final String JSON_TYPE = "application/json; charset=utf-8";

    /**
     * One collection or entity: its path, XML root, JSON key holding the items ({@code null}: a single object) and item
     * Type.
     */
    private record Answer(String path, String xmlRoot, String jsonListKey, String type) {
    }

    private static final List<Answer> ANSWERS = List.of(
            new Answer("/backupServers", "EntityReferences", "Refs", "BackupServerReference"),
            new Answer("/backupServers?format=Entity", "BackupServers", "BackupServers", "BackupServer"),
            new Answer(SERVER, "EntityRef", null, "BackupServerReference"),
            new Answer(SERVER + "?format=Entity", "BackupServer", null, "BackupServer"),
            new Answer(SERVER + "/repositories", "EntityReferences", "Refs", "RepositoryReference"),
            new Answer(SERVER + "/repositories?format=Entity", "Repositories", "Repositories", "Repository"),
            new Answer("/repositories", "EntityReferences", "Refs", "RepositoryReference"),
            new Answer("/repositories?format=Entity", "Repositories", "Repositories", "Repository"),
            new Answer(
                    "/repositories/" + EmSimulator.SEED_DEFAULT_REPOSITORY_ID + "?format=Entity", "Repository", null,
                    "Repository"),
            new Answer("/backups", "EntityReferences", "Refs", "BackupReference"),
            new Answer("/backups?format=Entity", "Backups", "Backups", "Backup"),
            new Answer("/backups/" + EmSimulator.SEED_ORACLE_BACKUP_ID, "EntityRef", null, "BackupReference"),
            new Answer("/backups/" + EmSimulator.SEED_ORACLE_BACKUP_ID + "?format=Entity", "Backup", null, "Backup"),
            new Answer(
                    "/backups/" + EmSimulator.SEED_ORACLE_BACKUP_ID + "/restorePoints", "EntityReferences", "Refs",
                    "RestorePointReference"),
            new Answer(
                    "/restorePoints/" + EmSimulator.SEED_ORACLE_RESTORE_POINT_ID + "?format=Entity", "RestorePoint", null,
                    "RestorePoint"),
            new Answer(
                    "/restorePoints/" + EmSimulator.SEED_ORACLE_RESTORE_POINT_ID + "/vmRestorePoints", "EntityReferences",
                    "Refs",
                    "VmRestorePointReference"),
            new Answer("/vmRestorePoints", "EntityReferences", "Refs", "VmRestorePointReference"),
            new Answer("/vmRestorePoints?format=Entity", "VmRestorePoints", "VmRestorePoints", "VmRestorePoint"),
            new Answer(
                    "/vmRestorePoints/" + EmSimulator.SEED_EXCH01_VM_RESTORE_POINT_ID, "EntityRef", null,
                    "VmRestorePointReference"),
            new Answer(
                    "/vmRestorePoints/" + EmSimulator.SEED_EXCH01_VM_RESTORE_POINT_ID + "?format=Entity", "VmRestorePoint",
                    null,
                    "VmRestorePoint"),
            new Answer(
                    "/backupSessions/" + EmSimulator.SEED_ORACLE_SUCCESS_SESSION_ID + "/taskSessions", "EntityReferences",
                    "Refs",
                    "BackupTaskSessionReference"),
            new Answer(
                    "/backupSessions/" + EmSimulator.SEED_ORACLE_SUCCESS_SESSION_ID + "/taskSessions?format=Entity",
                    "BackupTaskSessions",
                    "BackupTaskSessions", "BackupTaskSession"),
            new Answer("/replicaSessions", "EntityReferences", "Refs", "ReplicaJobSessionReference"),
            new Answer("/replicaSessions?format=Entity", "ReplicaJobSessions", "ReplicaJobSessions", "ReplicaJobSession"),
            new Answer("/restoreSessions", "EntityReferences", "Refs", "RestoreSessionReference"),
            new Answer("/restoreSessions?format=Entity", "RestoreSessions", "RestoreSessions", "RestoreSession"),
            new Answer(
                    "/restoreSessions/" + EmSimulator.SEED_EXCH01_RESTORE_SESSION_ID + "?format=Entity", "RestoreSession", null,
                    "RestoreSession"),
            new Answer("/agents/discoveredComputers", "EntityReferences", "Refs", "DiscoveredComputerReference"),
            new Answer(
                    "/agents/discoveredComputers?format=Entity", "DiscoveredComputers", "DiscoveredComputers",
                    "DiscoveredComputer"),
            new Answer("/reports/summary", "SummaryReport", null, "SummaryReport"),
            new Answer("/reports/summary/overview", "OverviewReportFrame", null, "OverviewReportFrame"),
            new Answer("/reports/summary/vms_overview", "VmsOverviewReportFrame", null, "VmsOverviewReportFrame"),
            new Answer("/reports/summary/job_statistics", "JobStatisticsReportFrame", null, "JobStatisticsReportFrame"),
            new Answer("/reports/summary/processed_vms", "ProcessedVmsReportFrame", "Days", null),
            new Answer("/reports/summary/repository", "RepositoryReportFrame", "Periods", null),
            new Answer("/logonSessions", "LogonSessions", "LogonSessions", "LogonSession"));

    private static EmSimulator sim;
    private static SimTestClient client;
    private static String token;

    @BeforeAll
    static void start() {
        sim = new EmSimulator().withTaskRunTime(Duration.ofMillis(20)).withTaskCollectTime(Duration.ofMillis(10))
                .withBackupSessionRunTime(Duration.ofMillis(200)).withRestoreRunTime(Duration.ofMillis(200)).start();
        client = new SimTestClient(sim);
        token = client.logon();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    // --- every endpoint, XML and JSON

    @Test
    void everyEndpointAnswersXmlAndEm12Json() throws Exception {
        for (Answer answer : ANSWERS) {
            HttpResponse<String> xml = client.get(answer.path(), token);
            assertEquals(200, xml.statusCode(), answer.path() + ": " + xml.body());
            assertEquals(XML_TYPE, xml.headers().firstValue("Content-Type").orElseThrow(), answer.path());
            XmlAnswer parsed = XmlAnswer.of(xml.body());
            assertEquals(answer.xmlRoot(), parsed.rootName(), answer.path());
            if (answer.type() != null && answer.jsonListKey() != null) {
                assertFalse(
                        parsed.attributes(answer.xmlRoot().equals("EntityReferences") ? "Ref" : answer.type(), "Type")
                                .isEmpty(),
                        answer.path());
            }

            HttpResponse<String> json = client.get(answer.path(), token, "application/json");
            assertEquals(200, json.statusCode(), answer.path());
            assertEquals(JSON_TYPE, json.headers().firstValue("Content-Type").orElseThrow(), answer.path());
            JsonNode node = JSON.readTree(json.body());
            JsonNode item = answer.jsonListKey() == null ? node : node.get(answer.jsonListKey()).get(0);
            assertTrue(item != null && item.isObject(), answer.path() + ": " + json.body());
            if (answer.type() != null) {
                assertEquals(answer.type(), item.get("Type").textValue(), answer.path());
            }
        }
    }

    @Test
    void em13JsonUsesCamelCaseKeysOnTheNewResources() throws Exception {
        try (EmSimulator own = new EmSimulator().withJsonCasing(EmSimulator.JsonCasing.EM13).start()) {
            SimTestClient ownClient = new SimTestClient(own);
            String ownToken = ownClient.logon();
            JsonNode repositories
                    = JSON.readTree(ownClient.get("/repositories?format=Entity", ownToken, "application/json").body());
            JsonNode repository = repositories.get("repositories").get(0);
            assertEquals(List.of("capacity", "freeSpace", "kind", "name", "uid", "links", "href", "type"), keys(repository));
            JsonNode point = JSON.readTree(
                    ownClient.get("/vmRestorePoints/" + EmSimulator.SEED_EXCH01_VM_RESTORE_POINT_ID + "?format=Entity",
                            ownToken, "application/json").body());
            assertEquals("exch01", point.get("vmDisplayName").textValue());
            assertEquals("Restore", point.get("links").get(0).get("rel").textValue());
            JsonNode task = JSON.readTree(ownClient.get("/backupSessions/" + EmSimulator.SEED_EXCHANGE_WARNING_SESSION_ID
                                                        + "/taskSessions?format=Entity",
                    ownToken, "application/json").body()).get("backupTaskSessions").get(0);
            assertEquals(
                    List.of("jobSessionUid", "creationTimeUTC", "endTimeUTC", "state", "result", "reason", "totalSize", "vmUid",
                            "vmDisplayName", "name", "uid", "links", "href", "type"),
                    keys(task));
            JsonNode report = JSON.readTree(ownClient.get("/reports/summary/repository", ownToken, "application/json").body());
            assertEquals(List.of("periods", "capacityPlanningReportLink", "links", "href", "type"), keys(report));
            assertEquals(List.of("name", "capacity", "freeSpace", "backupSize"), keys(report.get("periods").get(0)));
            JsonNode days = JSON.readTree(ownClient.get("/reports/summary/processed_vms", ownToken, "application/json").body())
                    .get("days");
            assertEquals(List.of("timestamp", "replicatedVms", "backupedVms"), keys(days.get(0)));
            JsonNode overview
                    = JSON.readTree(ownClient.get("/reports/summary/vms_overview", ownToken, "application/json").body());
            assertEquals(3, overview.get("backedUpVms").intValue());
            JsonNode query = JSON
                    .readTree(ownClient.get("/query?type=VmRestorePoint&format=Entities", ownToken, "application/json").body());
            assertEquals(3, query.get("entities").get("vmRestorePoints").get("vmRestorePoints").size());
        }
    }

    @Test
    void em12JsonEntitiesFollowDotNetOrderWithTypedNumbers() throws Exception {
        JsonNode repository
                = JSON.readTree(client.get("/repositories/" + EmSimulator.SEED_HARDENED_REPOSITORY_ID + "?format=Entity", token,
                        "application/json").body());
        assertEquals(List.of("Capacity", "FreeSpace", "Kind", "Name", "UID", "Links", "Href", "Type"), keys(repository));
        assertTrue(repository.get("Capacity").isIntegralNumber());
        assertEquals(8L * 1024 * GIB, repository.get("Capacity").longValue());
        JsonNode point = JSON.readTree(
                client.get("/vmRestorePoints/" + EmSimulator.SEED_EXCH01_VM_RESTORE_POINT_ID + "?format=Entity", token,
                        "application/json").body());
        assertEquals(List.of("CreationTimeUTC", "VmName", "Algorithm", "PointType", "HierarchyObjRef", "SqlInfo",
                "VmDisplayName", "Name",
                "UID", "Links", "Href", "Type"), keys(point));
        JsonNode restore = JSON
                .readTree(client.get("/restoreSessions/" + EmSimulator.SEED_EXCH01_RESTORE_SESSION_ID + "?format=Entity", token,
                        "application/json").body());
        assertEquals(List.of("RestoredObjRef", "VmDisplayName", "JobUid", "JobName", "JobType", "CreationTimeUTC", "EndTimeUTC",
                "State",
                "Result", "Progress", "FailureMessage", "Name", "UID", "Links", "Href", "Type"), keys(restore));
        JsonNode report = JSON.readTree(client.get("/reports/summary/job_statistics", token, "application/json").body());
        assertTrue(report.get("Links").isNull());
        assertTrue(report.get("MaxJobDuration").isInt());
    }

    @Test
    void logonSessionLinksEveryNewCollection() {
        XmlAnswer logon = XmlAnswer.of(client.logon("veeam", "veeam").body());
        List<String> types = logon.attributes("Link", "Type");
        for (String type : List.of("BackupServerReferenceList", "RepositoryReferenceList", "BackupReferenceList",
                "VmRestorePointReferenceList",
                "ReplicaJobSessionReferenceList", "RestoreSessionReferenceList", "BackupTaskSessionReferenceList",
                "DiscoveredComputerReferenceList", "Report")) {
            assertTrue(types.contains(type), type + " in " + types);
        }
        for (String href : logon.attributes("Link", "Href")) {
            if (!href.contains("/logonSessions/")) {
                assertEquals(200, client.get(href.substring(sim.getBaseUrl().length()), token).statusCode(), href);
            }
        }
    }

    // --- seed data and reports

    @Test
    void seededDataHangsTogether() {
        XmlAnswer servers = xml("/backupServers?format=Entity");
        assertEquals(List.of("vbr01.lab.local"), servers.attributes("BackupServer", "Name"));
        assertEquals(List.of("9392"), servers.texts("Port"));

        XmlAnswer repositories = xml("/repositories?format=Entity");
        assertEquals(List.of("Default Backup Repository", "Linux Hardened Repository"),
                repositories.attributes("Repository", "Name"));
        assertEquals(List.of(Long.toString(2048 * GIB), Long.toString(8192 * GIB)), repositories.texts("Capacity"));
        // free space = capacity - other data - the simulated backups: Oracle (120+80 GiB)/2 and exch01 200 GiB/2
        assertEquals(List.of(Long.toString((2048 - 300 - 100) * GIB), Long.toString((8192 - 1024 - 100) * GIB)),
                repositories.texts("FreeSpace"));

        XmlAnswer backups = xml("/backups?format=Entity");
        assertEquals(List.of("Exchange Backup", "Oracle Backup"), backups.attributes("Backup", "Name"));
        XmlAnswer oraclePoints
                = xml("/restorePoints/" + EmSimulator.SEED_ORACLE_RESTORE_POINT_ID + "/vmRestorePoints?format=Entity");
        assertEquals(List.of("oracle01", "oracle02").stream().sorted().toList(),
                oraclePoints.texts("VmName").stream().sorted().toList());
        assertEquals(List.of("Full", "Full"), oraclePoints.texts("Algorithm"));

        XmlAnswer failedTasks
                = xml("/backupSessions/" + EmSimulator.SEED_ORACLE_FAILED_SESSION_ID + "/taskSessions?format=Entity");
        assertEquals(List.of("Failed", "Failed"), failedTasks.texts("Result"));
        assertEquals(List.of("Completed", "Completed"), failedTasks.texts("State"));
        assertEquals(List.of("0", "0"), failedTasks.texts("TotalSize"));
        assertEquals(List.of("Simulated failure.", "Simulated failure."), failedTasks.texts("Reason"));
        XmlAnswer warningTasks
                = xml("/backupSessions/" + EmSimulator.SEED_EXCHANGE_WARNING_SESSION_ID + "/taskSessions?format=Entity");
        assertEquals(List.of(Long.toString(200 * GIB)), warningTasks.texts("TotalSize"));
        assertEquals(List.of(VM_REF_PREFIX + "vm-7870"), warningTasks.texts("VmUid"));
        assertTrue(
                warningTasks.attributes("Link", "Href").stream()
                        .anyMatch(href -> href.contains(EmSimulator.SEED_EXCH01_VM_RESTORE_POINT_ID)),
                "a task session links the point it made");

        XmlAnswer restore = xml("/restoreSessions/" + EmSimulator.SEED_EXCH01_RESTORE_SESSION_ID + "?format=Entity");
        assertEquals(List.of("Stopped"), restore.texts("State"));
        assertEquals(List.of("Success"), restore.texts("Result"));
        assertEquals(List.of(VM_REF_PREFIX + "vm-7870"), restore.texts("RestoredObjRef"));

        XmlAnswer computer = xml("/agents/discoveredComputers/" + EmSimulator.SEED_WINDOWS_COMPUTER_ID + "?format=Entity");
        assertTrue(computer.attributes("DiscoveredComputer", "Href").get(0)
                .endsWith("/backupTaskSessions/" + EmSimulator.SEED_WINDOWS_COMPUTER_ID
                          + "?format=Entity"),
                "EM's Href bug is reproduced");
    }

    @Test
    void reportsAddUpFromTheData() {
        XmlAnswer summary = xml("/reports/summary");
        assertEquals(List.of("Overview", "VmsOverview", "JobStatistics", "ProcessedVms", "Repositories"),
                summary.attributes("Link", "Name"));

        XmlAnswer overview = xml("/reports/summary/overview");
        assertEquals(List.of("1"), overview.texts("BackupServers"));
        assertEquals(List.of("2"), overview.texts("RepositoryServers"));
        assertEquals(List.of("0"), overview.texts("RunningJobs"));
        assertEquals(List.of("3"), overview.texts("ScheduledJobs"));
        assertEquals(List.of("0"), overview.texts("SuccessfulVmLastestStates"));
        assertEquals(List.of("1"), overview.texts("WarningVmLastestStates"), "exch01's last run warned");
        assertEquals(List.of("2"), overview.texts("FailedVmLastestStates"), "oracle01 and oracle02's last run failed");

        XmlAnswer vms = xml("/reports/summary/vms_overview");
        int points = xml("/vmRestorePoints").attributes("Ref", "UID").size();
        assertEquals(3, points);
        assertEquals(List.of(Integer.toString(points)), vms.texts("RestorePoints"));
        assertEquals(List.of("5"), vms.texts("ProtectedVms"));
        assertEquals(List.of("3"), vms.texts("BackedUpVms"));
        assertEquals(List.of("2"), vms.texts("ReplicatedVms"));
        assertEquals(List.of(Long.toString(200 * GIB)), vms.texts("FullBackupPointsSize"));
        assertEquals(List.of("0"), vms.texts("IncrementalBackupPointsSize"));
        assertEquals(List.of(Long.toString(40 * GIB)), vms.texts("ReplicaRestorePointsSize"));
        assertEquals(List.of(Long.toString(480 * GIB)), vms.texts("SourceVmsSize"));
        assertEquals(List.of("33"), vms.texts("SuccessBackupPercents"));

        XmlAnswer stats = xml("/reports/summary/job_statistics");
        assertEquals(List.of("4"), stats.texts("TotalJobRuns"));
        assertEquals(List.of("2"), stats.texts("SuccessfulJobRuns"));
        assertEquals(List.of("1"), stats.texts("WarningsJobRuns"));
        assertEquals(List.of("1"), stats.texts("FailedJobRuns"));
        assertEquals(List.of("1860"), stats.texts("MaxJobDuration"));
        assertEquals(List.of("1860"), stats.texts("MaxBackupJobDuration"));
        assertEquals(List.of("540"), stats.texts("MaxReplicaJobDuration"));
        assertEquals(List.of("Exchange Backup"), stats.texts("MaxDurationBackupJobName"));
        assertEquals(List.of("Web Replica"), stats.texts("MaxDurationReplicaJobName"));

        XmlAnswer processed = xml("/reports/summary/processed_vms");
        assertEquals(7, processed.attributes("Day", "Timestamp").size());
        assertTrue(processed.attributes("Day", "Timestamp").get(0).endsWith("T00:00:00Z"));
        assertEquals(3, processed.attributes("Day", "BackupedVms").stream().mapToInt(Integer::parseInt).sum());
        assertEquals(2, processed.attributes("Day", "ReplicatedVms").stream().mapToInt(Integer::parseInt).sum());

        XmlAnswer repositoryReport = xml("/reports/summary/repository");
        assertEquals(List.of("Default Backup Repository", "Linux Hardened Repository"), repositoryReport.texts("Name"));
        assertEquals(xml("/repositories?format=Entity").texts("FreeSpace"), repositoryReport.texts("FreeSpace"));
        assertEquals(List.of(Long.toString(100 * GIB), Long.toString(100 * GIB)), repositoryReport.texts("BackupSize"));
    }

    // --- restore

    @Test
    void restoreStartsASessionThatRunsAndSucceeds() {
        try (EmSimulator own = new EmSimulator().withTaskRunTime(Duration.ZERO).withTaskCollectTime(Duration.ZERO)
                .withRestoreRunTime(Duration.ofSeconds(2)).start()) {
            SimTestClient ownClient = new SimTestClient(own);
            String ownToken = ownClient.logon();
            HttpResponse<String> accepted = ownClient.post(
                    "/vmRestorePoints/" + EmSimulator.SEED_ORACLE01_VM_RESTORE_POINT_ID + "?action=restore",
                    ownToken, "application/json", "{\"VmRestoreSpec\":{\"PowerOnAfterRestore\":true,\"QuickRollback\":false}}");
            assertEquals(202, accepted.statusCode(), accepted.body());
            assertTrue(accepted.body().contains("<Operation>StartVMRestore</Operation>"), accepted.body());
            String finished = ownClient.awaitTaskState(ownToken, SimTestClient.taskId(accepted), "Finished");
            assertTrue(finished.contains("<Message>Ok</Message>") && finished.contains("Success=\"true\""), finished);
            String sessionPath = relatedPath(own, finished, "RestoreSession");

            List<String> states = new CopyOnWriteArrayList<>();
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> {
                XmlAnswer session = XmlAnswer.of(ownClient.get(sessionPath, ownToken).body());
                String state = session.texts("State").get(0);
                if (states.isEmpty() || !states.get(states.size() - 1).equals(state)) {
                    states.add(state);
                }
                return state.equals("Stopped");
            });
            assertEquals(List.of("Working", "Stopped"), states.subList(states.size() - 2, states.size()), states.toString());
            assertTrue(states.size() == 2 || states.equals(List.of("Starting", "Working", "Stopped")), states.toString());
            XmlAnswer done = XmlAnswer.of(ownClient.get(sessionPath, ownToken).body());
            assertEquals(List.of("Success"), done.texts("Result"));
            assertEquals(List.of("100"), done.texts("Progress"));
            assertEquals(List.of("RestoreVm"), done.texts("JobType"));
            assertEquals(List.of(VM_REF_PREFIX + "vm-48911"), done.texts("RestoredObjRef"));
            assertEquals(1, done.texts("EndTimeUTC").size());
            assertEquals(2, own.getRestoreSessions().size(), "the seeded one and this one");
        }
    }

    @Test
    void aNewRestoreSessionIsStartingAndRunningResultNone() {
        try (EmSimulator own = new EmSimulator().withTaskRunTime(Duration.ZERO).withTaskCollectTime(Duration.ZERO)
                .withRestoreRunTime(Duration.ofHours(1)).start()) {
            SimTestClient ownClient = new SimTestClient(own);
            String ownToken = ownClient.logon();
            HttpResponse<String> accepted = ownClient.post("/vmRestorePoints/urn:veeam:VmRestorePoint:"
                                                           + EmSimulator.SEED_EXCH01_VM_RESTORE_POINT_ID + "?action=Restore",
                    ownToken);
            assertEquals(202, accepted.statusCode(), "an empty body restores with the defaults: " + accepted.body());
            String sessionPath = relatedPath(own,
                    ownClient.awaitTaskState(ownToken, SimTestClient.taskId(accepted), "Finished"), "RestoreSession");
            XmlAnswer session = XmlAnswer.of(ownClient.get(sessionPath, ownToken).body());
            assertEquals(List.of("Starting"), session.texts("State"));
            assertEquals(List.of("None"), session.texts("Result"));
            assertEquals(List.of(), session.texts("EndTimeUTC"));
            assertTrue(session.attributes("Link", "Href").stream()
                    .anyMatch(h -> h.endsWith("/vmRestorePoints/" + EmSimulator.SEED_EXCH01_VM_RESTORE_POINT_ID)));
        }
    }

    @Test
    void nextRestoreFailureFailsOnlyTheNextRestoreSession() throws Exception {
        try (EmSimulator own = new EmSimulator().withTaskRunTime(Duration.ZERO).withTaskCollectTime(Duration.ZERO)
                .withRestoreRunTime(Duration.ofMillis(100))
                .withNextRestoreFailure("Simulated restore failure: datastore is full.").start()) {
            SimTestClient ownClient = new SimTestClient(own);
            String ownToken = ownClient.logon();
            String failedPath = restoreAndAwaitStop(own, ownClient, ownToken);
            JsonNode failed = JSON.readTree(ownClient.get(failedPath, ownToken, "application/json").body());
            assertEquals("Stopped", failed.get("State").textValue());
            assertEquals("Failed", failed.get("Result").textValue());
            assertEquals("Simulated restore failure: datastore is full.", failed.get("FailureMessage").textValue());

            String nextPath = restoreAndAwaitStop(own, ownClient, ownToken);
            JsonNode next = JSON.readTree(ownClient.get(nextPath, ownToken, "application/json").body());
            assertEquals("Success", next.get("Result").textValue());
            assertTrue(next.get("FailureMessage").isNull());
        }
    }

    @Test
    void restoreRequestsAreChecked() {
        String point = "/vmRestorePoints/" + EmSimulator.SEED_ORACLE01_VM_RESTORE_POINT_ID;
        assertEquals(400, client.post(point + "?action=mount", token).statusCode());
        assertEquals(400, client.post(point, token).statusCode());
        assertEquals(400, client.post("/vmRestorePoints/null?action=restore", token).statusCode());
        assertEquals(404,
                client.post("/vmRestorePoints/" + java.util.UUID.randomUUID() + "?action=restore", token).statusCode());
        assertEquals(400, client.post(point + "?action=restore", token, "application/xml",
                "<RestoreSpec xmlns=\"http://www.veeam.com/ent/v1.0\"><VmRestoreSpec><PowerOnAfterRestore>maybe</PowerOnAfterRestore>"
                                                                                           + "<QuickRollback>false</QuickRollback></VmRestoreSpec></RestoreSpec>")
                .statusCode());
        assertEquals(400, client.post(point + "?action=restore", token, "application/json",
                "{\"vmRestoreSpec\":{\"powerOnAfterRestore\":false,\"quickRollback\":true,\"keepOriginalVM\":true}}")
                .statusCode());
        assertEquals(400, client.post(point + "?action=restore", token, "application/json",
                "{\"vCloudVmRestoreSpec\":{\"PowerOnAfterRestore\":false}}").statusCode());
        assertEquals(401, client.post(point + "?action=restore", "bogus").statusCode());
    }

    // --- quick backup

    @Test
    void quickBackupRunsTheJobForOneVmAndMakesAnIncrementalPoint() {
        try (EmSimulator own = new EmSimulator().withTaskRunTime(Duration.ZERO).withTaskCollectTime(Duration.ZERO)
                .withBackupSessionRunTime(Duration.ofMillis(300)).start()) {
            SimTestClient ownClient = new SimTestClient(own);
            String ownToken = ownClient.logon();
            // lower-case "vm" as a public OpenFaaS client sends it
            HttpResponse<String> accepted = ownClient.post(SERVER + "?action=quickBackup", ownToken, "application/json",
                    "{\"VmRef\":\"urn:VMware:vm:93fe5565-0ae7-4574-abb5-0f4ea8c5e9bd.vm-48912\"}");
            assertEquals(202, accepted.statusCode(), accepted.body());
            assertTrue(accepted.body().contains("<Operation>QuickBackup</Operation>"), accepted.body());
            String finished = ownClient.awaitTaskState(ownToken, SimTestClient.taskId(accepted), "Finished");
            assertTrue(finished.contains("Success=\"true\"") && finished.contains("<Message>Ok</Message>"), finished);
            String sessionPath = relatedPath(own, finished, "BackupJobSession");
            XmlAnswer running = XmlAnswer.of(ownClient.get(sessionPath, ownToken).body());
            assertEquals(List.of("Oracle Backup"), running.texts("JobName"));

            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> ownClient.get(sessionPath, ownToken).body().contains("<State>Stopped</State>"));
            String sessionId = sessionPath.substring("/backupSessions/".length(), sessionPath.indexOf('?'));
            XmlAnswer tasks = XmlAnswer
                    .of(ownClient.get("/backupSessions/" + sessionId + "/taskSessions?format=Entity", ownToken).body());
            assertEquals(List.of("oracle02"), tasks.attributes("BackupTaskSession", "VmDisplayName"),
                    "a quick backup processes one VM");
            assertEquals(List.of("Success"), tasks.texts("Result"));

            XmlAnswer points = XmlAnswer
                    .of(ownClient.get("/backups/" + EmSimulator.SEED_ORACLE_BACKUP_ID + "/restorePoints", ownToken).body());
            assertEquals(2, points.attributes("Ref", "UID").size());
            XmlAnswer newest
                    = XmlAnswer.of(ownClient.get("/query?type=VmRestorePoint&format=Entities&sortDesc=CreationTime&pageSize=1"
                                                 + "&filter=VmDisplayName%3d%3d%22oracle02%22",
                            ownToken).body());
            assertEquals(List.of("Incremental"), newest.texts("Algorithm"));
            assertEquals(List.of("Increment"), newest.texts("PointType"));
            XmlAnswer vms = XmlAnswer.of(ownClient.get("/reports/summary/vms_overview", ownToken).body());
            assertEquals(List.of(Long.toString(80 * GIB / 20)), vms.texts("IncrementalBackupPointsSize"));
        }
    }

    @Test
    void quickBackupOfAVmInNoJobOrOfARunningJobFailsTheTask() {
        try (EmSimulator own = new EmSimulator().withTaskRunTime(Duration.ZERO).withTaskCollectTime(Duration.ZERO)
                .withBackupSessionRunTime(Duration.ofHours(1)).start()) {
            SimTestClient ownClient = new SimTestClient(own);
            String ownToken = ownClient.logon();
            String spec = "<QuickBackupStartupSpec xmlns=\"http://www.veeam.com/ent/v1.0\"><VmRef>" + VM_REF_PREFIX
                          + "%s</VmRef></QuickBackupStartupSpec>";
            String notInJob = ownClient.awaitTaskState(ownToken,
                    SimTestClient.taskId(ownClient.post(SERVER + "?action=quickbackup", ownToken,
                            "application/xml", spec.formatted("vm-101"))),
                    "Finished");
            assertTrue(notInJob.contains("Success=\"false\"") && notInJob.contains("not processed by any backup job"),
                    notInJob);

            own.addBackupSession(EmSimulator.SEED_EXCHANGE_JOB_ID, SimBackupSession.State.Working, SimBackupSession.Result.None,
                    java.time.Instant.now(), null);
            String running = ownClient.awaitTaskState(ownToken,
                    SimTestClient.taskId(ownClient.post(SERVER + "?action=quickbackup", ownToken,
                            "application/xml", spec.formatted("vm-7870"))),
                    "Finished");
            assertTrue(running.contains("Success=\"false\"") && running.contains("is already running"), running);

            assertEquals(400, ownClient.post(SERVER + "?action=quickbackup", ownToken, "application/xml",
                    "<QuickBackupStartupSpec xmlns=\"http://www.veeam.com/ent/v1.0\"/>").statusCode());
            assertEquals(400,
                    ownClient.post(SERVER + "?action=quickbackup", ownToken, "application/json", "{\"VmRef\":\"vm-7870\"}")
                            .statusCode());
            assertEquals(400, ownClient.post(SERVER + "?action=veeamZip", ownToken).statusCode());
            assertEquals(404, ownClient.post("/backupServers/" + java.util.UUID.randomUUID() + "?action=quickbackup", ownToken)
                    .statusCode());
        }
    }

    // --- queries, ids, sessions

    @Test
    void newQueryTypesFilterAndSort() {
        XmlAnswer repositories = xml("/query?type=repository&format=Entities&filter=FreeSpace%3c" + 3000 * GIB);
        assertEquals(List.of("Default Backup Repository"), repositories.attributes("Repository", "Name"));
        XmlAnswer replica
                = xml("/query?type=ReplicaJobSession&filter=BackupServerName%3d%3d%22vbr01.lab.local%22%3bResult%3d%3dSuccess");
        assertEquals(1, replica.attributes("Ref", "UID").size());
        XmlAnswer newest = xml("/query?type=VmRestorePoint&format=Entities&sortDesc=CreationTime&pageSize=1&page=1"
                               + "&filter=VmDisplayName%3d%3d%22exch01%22");
        assertEquals(List.of("exch01"), newest.texts("VmName"));
        XmlAnswer tasks = xml(
                "/query?type=BackupTaskSession&format=Entities&filter=JobSessionUid%3d%3d%22urn%3aveeam%3aBackupJobSession%3a"
                              + EmSimulator.SEED_ORACLE_FAILED_SESSION_ID + "%22");
        assertEquals(List.of("Failed", "Failed"), tasks.texts("Result"));
        XmlAnswer servers = xml("/query?type=BackupServer&format=Entities&filter=Port%3d%3d9392");
        assertEquals(List.of("vbr01.lab.local"), servers.attributes("BackupServer", "Name"));
        XmlAnswer sessions = xml("/query?type=BackupJobSession&filter=BackupServerName%3d%3d%22vbr01.lab.local%22");
        assertEquals(3, sessions.attributes("Ref", "UID").size());
        assertEquals(400, client.get("/query?type=Repository&filter=FreeSpace%3clots", token).statusCode());
    }

    @Test
    void idsAreCheckedAndSessionsRequired() {
        assertEquals(400, client.get("/repositories/null", token).statusCode());
        assertEquals(404, client.get("/repositories/" + java.util.UUID.randomUUID(), token).statusCode());
        assertEquals(200,
                client.get("/repositories/urn:veeam:Repository:" + EmSimulator.SEED_DEFAULT_REPOSITORY_ID.toUpperCase(), token)
                        .statusCode());
        assertEquals(404, client.get("/backups/" + java.util.UUID.randomUUID() + "/restorePoints", token).statusCode());
        assertEquals(404, client.get("/backupSessions/" + java.util.UUID.randomUUID() + "/taskSessions", token).statusCode());
        assertEquals(400, client.get("/restoreSessions/bogus", token).statusCode());
        assertEquals(400, client.get("/repositories?format=Entities", token).statusCode());
        for (Answer answer : ANSWERS) {
            HttpResponse<String> unauthorized = client.send(client.request(answer.path()));
            assertEquals(401, unauthorized.statusCode(), answer.path());
        }
        assertEquals(401,
                client.send(client.request("/backupFiles/whatever").header("Accept", "application/json")).statusCode());
    }

    // --- helpers

    private static XmlAnswer xml(String path) {
        HttpResponse<String> response = client.get(path, token);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return XmlAnswer.of(response.body());
    }

    /** The path (below the API root) of the task's {@code Related} link of this type. */
    private static String relatedPath(EmSimulator on, String taskXml, String type) {
        XmlAnswer task = XmlAnswer.of(taskXml);
        List<String> rels = task.attributes("Link", "Rel");
        List<String> types = task.attributes("Link", "Type");
        List<String> hrefs = task.attributes("Link", "Href");
        for (int i = 0; i < rels.size(); i++) {
            if (rels.get(i).equals("Related") && types.get(i).equals(type)) {
                return hrefs.get(i).substring(on.getBaseUrl().length());
            }
        }
        throw new AssertionError("No Related " + type + " link in " + taskXml);
    }

    private static String restoreAndAwaitStop(EmSimulator on, SimTestClient onClient, String onToken) {
        HttpResponse<String> accepted
                = onClient.post("/vmRestorePoints/" + EmSimulator.SEED_ORACLE02_VM_RESTORE_POINT_ID + "?action=restore",
                        onToken);
        assertEquals(202, accepted.statusCode(), accepted.body());
        String path = relatedPath(on, onClient.awaitTaskState(onToken, SimTestClient.taskId(accepted), "Finished"),
                "RestoreSession");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> onClient.get(path, onToken).body().contains("<State>Stopped</State>"));
        return path;
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        fields.forEachRemaining(field -> keys.add(field.getKey()));
        return keys;
    }
}
