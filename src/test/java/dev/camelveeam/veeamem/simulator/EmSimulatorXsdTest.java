package dev.camelveeam.veeamem.simulator;

import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of XML answer validates against EM's published schema (src/test/resources/xsd/RestAPI-9.x.xsd). */
class EmSimulatorXsdTest {

    private static final String VM_REF_PREFIX = "urn:VMware:Vm:93fe5565-0ae7-4574-abb5-0f4ea8c5e9bd.";

    private static Schema schema;
    /** RestAPI-9.x.xsd plus what EM 12 adds (src/test/resources/xsd/RestAPI-em12-additions.xsd). */
    private static Schema em12Schema;
    private static EmSimulator sim;
    private static SimTestClient client;
    private static String token;

    @BeforeAll
    static void start() throws SAXException {
        URL xsd = EmSimulatorXsdTest.class.getResource("/xsd/RestAPI-9.x.xsd");
        schema = SchemaFactory.newDefaultInstance().newSchema(xsd);
        em12Schema = SchemaFactory.newDefaultInstance()
                .newSchema(EmSimulatorXsdTest.class.getResource("/xsd/RestAPI-em12-additions.xsd"));
        sim = new EmSimulator().start();
        client = new SimTestClient(sim);
        token = client.logon();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void enterpriseManager() {
        assertValid("EnterpriseManager", client.send(client.request("/")));
    }

    @Test
    void logonSessionAndList() {
        HttpResponse<String> logon = client.logon("veeam", "veeam");
        assertValid("LogonSession", logon);
        String sessionId = between(logon.body(), "<SessionId>", "</SessionId>");
        assertValid("LogonSession", client.get("/logonSessions/" + sessionId, token));
        assertValid("LogonSessions", client.get("/logonSessions", token));
    }

    @Test
    void objectsInJobAndObjectInJob() {
        assertValid("ObjectsInJob", client.get("/jobs/" + EmSimulator.SEED_ORACLE_JOB_ID + "/includes", token));
        assertValid("ObjectInJob", client.get("/jobs/" + EmSimulator.SEED_ORACLE_JOB_ID + "/includes/"
                                              + EmSimulator.SEED_ORACLE01_INCLUDE_ID,
                token));
    }

    @Test
    void taskInEveryState() {
        sim.withTaskRunTime(Duration.ofHours(1));
        assertValid("Task", deleteInclude(jobWithIncludes(2)), "<State>Running</State>");

        sim.withTaskRunTime(Duration.ZERO).withTaskCollectTime(Duration.ofHours(1));
        String operationFinished = client.awaitTaskState(token, taskId(deleteInclude(jobWithIncludes(2))), "OperationFinished");
        assertValid("Task", operationFinished, "<Message>OperationFinished</Message>");

        sim.withTaskCollectTime(Duration.ZERO);
        String success = client.awaitTaskState(token, taskId(deleteInclude(jobWithIncludes(2))), "Finished");
        assertValid("Task", success, "Success=\"true\"");

        String failure = client.awaitTaskState(token, taskId(deleteInclude(jobWithIncludes(1))), "Finished");
        assertValid("Task", failure, "Success=\"false\"");

        assertValid("Tasks", client.get("/tasks", token));
    }

    @Test
    void errors() {
        assertValid("Error", client.get("/jobs/null/includes", token), "StatusCode=\"400\"");
        assertValid("Error", client.get("/tasks", "bogus"), "StatusCode=\"401\"");
        assertValid("Error", client.logon("veeam", "wrong"), "StatusCode=\"401\"");
        assertValid("Error", client.get("/jobs/" + UUID.randomUUID() + "/includes", token), "StatusCode=\"404\"");
        assertValid("Error", client.send(client.request("/tasks").header("X-RestSvcSessionId", token)
                .PUT(HttpRequest.BodyPublishers.noBody())), "StatusCode=\"405\"");
        assertValid("Error", client.get("/tasks/task-999", token), "StatusCode=\"500\"");
    }

    @Test
    void jobsAsReferencesAndEntities() {
        String job = EmSimulator.SEED_ORACLE_JOB_ID;
        assertValid("EntityReferences", client.get("/jobs", token), "Type=\"JobReference\"");
        assertValid("Jobs", client.get("/jobs?format=Entity", token), "<NextRun>");
        assertValid("EntityRef", client.get("/jobs/" + job, token));
        assertValid("Job", client.get("/jobs/" + job + "?format=Entity", token), "<ObjectInJob ");
        SimJob unscheduled = jobWithIncludes(1).setScheduleEnabled(false);
        assertValid("Job", client.get("/jobs/" + unscheduled.getId() + "?format=Entity", token),
                "<ScheduleEnabled>false</ScheduleEnabled>");
    }

    @Test
    void backupSessionsAsReferencesAndEntities() {
        String session = EmSimulator.SEED_EXCHANGE_WARNING_SESSION_ID;
        assertValid("EntityReferences", client.get("/backupSessions", token), "Type=\"BackupJobSessionReference\"");
        assertValid("BackupJobSessions", client.get("/backupSessions?format=Entity", token));
        assertValid("EntityRef", client.get("/backupSessions/" + session, token));
        assertValid("BackupJobSession", client.get("/backupSessions/" + session + "?format=Entity", token), "<EndTimeUTC>");
        assertValid("EntityReferences", client.get("/jobs/" + EmSimulator.SEED_ORACLE_JOB_ID + "/backupSessions", token));
        SimBackupSession running = sim.addBackupSession(jobWithIncludes(1).getId(), SimBackupSession.State.Working,
                SimBackupSession.Result.None, Instant.now(), null);
        assertValid("BackupJobSession", client.get("/backupSessions/" + running.getId() + "?format=Entity", token),
                "<FailureMessage/>");
    }

    @Test
    void inventory() {
        String host = "urn:veeam:HierarchyRoot:" + EmSimulator.SEED_HIERARCHY_ROOT_ID;
        assertValid("EntityReferences", client.get("/hierarchyRoots", token), "Type=\"HierarchyRootReference\"");
        assertValid("HierarchyItems", client.get("/lookup?host=" + host + "&name=dup-vm&type=Vm", token), "<ObjectRef>");
        assertValid("HierarchyItems", client.get("/lookup?host=" + host + "&name=nobody&type=Vm", token));
    }

    @Test
    void queryResults() {
        assertValid("QueryResult", client.get("/query?type=BackupJobSession", token), "<Refs>");
        assertValid("QueryResult", client.get("/query?type=BackupJobSession&format=Entities&pageSize=1&page=2", token),
                "<BackupJobSessions>", "Rel=\"Previous\"", "Rel=\"Next\"");
        assertValid("QueryResult", client.get("/query?type=Job&format=Entities", token), "<Jobs>");
        assertValid("QueryResult", client.get("/query?type=Job&filter=Name%3d%3dNobody", token));
    }

    @Test
    void actionTasks() {
        sim.withTaskRunTime(Duration.ZERO).withTaskCollectTime(Duration.ZERO);
        SimJob job = jobWithIncludes(1);
        String clone = "<JobCloneSpec xmlns=\"http://www.veeam.com/ent/v1.0\"><BackupJobCloneInfo><JobName>XSD clone "
                       + UUID.randomUUID()
                               .toString().substring(0, 8)
                       + "</JobName><FolderName>f</FolderName><RepositoryUid>urn:veeam:Repository:r1</RepositoryUid>"
                       + "</BackupJobCloneInfo></JobCloneSpec>";
        HttpResponse<String> cloning = client.post("/jobs/" + job.getId() + "?action=clone", token, "application/xml", clone);
        assertValid("Task", client.awaitTaskState(token, taskId(cloning), "Finished"), "Rel=\"Related\"");
        sim.addBackupSession(job.getId(), SimBackupSession.State.Working, SimBackupSession.Result.None, Instant.now(), null);
        assertValid("Task",
                client.awaitTaskState(token, taskId(client.post("/jobs/" + job.getId() + "?action=start", token)), "Finished"),
                "Success=\"false\"");
        String add = "<CreateObjectInJobSpec xmlns=\"http://www.veeam.com/ent/v1.0\"><HierarchyObjRef>" + VM_REF_PREFIX
                     + "vm-101</HierarchyObjRef><HierarchyObjName>web01</HierarchyObjName></CreateObjectInJobSpec>";
        assertValid("Task", client.post("/jobs/" + job.getId() + "/includes", token, "application/xml", add),
                "<Operation>UpdateJob</Operation>");
        assertValid("Error", client.post("/jobs/" + job.getId() + "/includes", token, "application/xml", "<x/>"),
                "StatusCode=\"400\"");
    }

    @Test
    void backupServersAndRepositories() {
        String server = "/backupServers/" + EmLinks.BACKUP_SERVER_ID;
        assertValid("EntityReferences", client.get("/backupServers", token), "Type=\"BackupServerReference\"");
        assertValid("EntityRef", client.get(server, token));
        assertValidEm12("BackupServers", client.get("/backupServers?format=Entity", token), "<WcfPort>9405</WcfPort>");
        assertValidEm12("BackupServer", client.get(server + "?format=Entity", token), "Rel=\"QuickBackup\"");
        assertValid("EntityReferences", client.get("/repositories", token), "Type=\"RepositoryReference\"");
        assertValid("EntityReferences", client.get(server + "/repositories", token), "Type=\"RepositoryReference\"");
        assertValidEm12("Repositories", client.get("/repositories?format=Entity", token), "<Kind>WindowsLocal</Kind>");
        assertValidEm12("Repository",
                client.get("/repositories/" + EmSimulator.SEED_HARDENED_REPOSITORY_ID + "?format=Entity", token),
                "<FreeSpace>");
        assertValid("EntityRef", client.get("/repositories/" + EmSimulator.SEED_HARDENED_REPOSITORY_ID, token));
    }

    @Test
    void backupsAndRestorePoints() {
        String backup = "/backups/" + EmSimulator.SEED_ORACLE_BACKUP_ID;
        assertValid("EntityReferences", client.get("/backups", token), "Type=\"BackupReference\"");
        assertValid("EntityRef", client.get(backup, token));
        assertValidEm12("Backups", client.get("/backups?format=Entity", token), "<BackupType>Standard</BackupType>");
        assertValidEm12("Backup", client.get(backup + "?format=Entity", token), "<Platform>VMware</Platform>");
        assertValid("EntityReferences", client.get(backup + "/restorePoints", token), "Type=\"RestorePointReference\"");
        assertValid("EntityRef", client.get("/restorePoints/" + EmSimulator.SEED_ORACLE_RESTORE_POINT_ID, token));
        assertValidEm12("RestorePoint",
                client.get("/restorePoints/" + EmSimulator.SEED_ORACLE_RESTORE_POINT_ID + "?format=Entity", token),
                "<BackupDateUTC>");
        assertValidEm12("RestorePoints", client.get(backup + "/restorePoints?format=Entity", token));
        assertValid("EntityReferences",
                client.get("/restorePoints/" + EmSimulator.SEED_ORACLE_RESTORE_POINT_ID + "/vmRestorePoints", token),
                "Type=\"VmRestorePointReference\"");
        assertValid("EntityReferences", client.get("/vmRestorePoints", token));
        assertValid("EntityRef", client.get("/vmRestorePoints/" + EmSimulator.SEED_EXCH01_VM_RESTORE_POINT_ID, token));
        assertValid("VmRestorePoints", client.get("/vmRestorePoints?format=Entity", token), "<PointType>Full</PointType>");
        assertValid("VmRestorePoint",
                client.get("/vmRestorePoints/" + EmSimulator.SEED_EXCH01_VM_RESTORE_POINT_ID + "?format=Entity", token),
                "Rel=\"Restore\"");
    }

    @Test
    void backupFiles() {
        HttpResponse<String> list = client.get("/backupFiles", token);
        assertValid("EntityReferences", list, "Type=\"BackupFileReference\"", "UID=\"urn:veeam:BackupFile:");
        java.util.regex.Matcher href = java.util.regex.Pattern.compile("Href=\"[^\"]*(/backupFiles/[0-9a-f-]{36})\"")
                .matcher(list.body());
        assertTrue(href.find(), list.body());
        String file = href.group(1);
        assertValid("EntityRef", client.get(file, token), "Type=\"BackupFile\"");
        assertValidEm12("BackupFiles", client.get("/backupFiles?format=Entity", token), "<FileType>vbk</FileType>",
                "<CompressRatio>2</CompressRatio>");
        assertValidEm12("BackupFile", client.get(file + "?format=Entity", token), "<FilePath>", "<DataSize>");
    }

    @Test
    void taskReplicaAndRestoreSessions() {
        String session = EmSimulator.SEED_EXCHANGE_WARNING_SESSION_ID;
        assertValid("EntityReferences", client.get("/backupSessions/" + session + "/taskSessions", token),
                "Type=\"BackupTaskSessionReference\"");
        assertValidEm12("BackupTaskSessions", client.get("/backupSessions/" + session + "/taskSessions?format=Entity", token),
                "<Result>Warning</Result>", "<VmUid>");
        assertValidEm12("BackupTaskSessions", client.get("/backupSessions/" + EmSimulator.SEED_ORACLE_FAILED_SESSION_ID
                                                         + "/taskSessions?format=Entity",
                token), "<TotalSize>0</TotalSize>");
        assertValid("EntityReferences", client.get("/replicaSessions", token), "Type=\"ReplicaJobSessionReference\"");
        assertValid("ReplicaJobSessions", client.get("/replicaSessions?format=Entity", token), "<JobType>Replica</JobType>");
        assertValid("ReplicaJobSession",
                client.get("/replicaSessions/" + EmSimulator.SEED_WEB_REPLICA_SESSION_ID + "?format=Entity", token));
        assertValid("EntityReferences", client.get("/restoreSessions", token), "Type=\"RestoreSessionReference\"");
        assertValid("RestoreSessions", client.get("/restoreSessions?format=Entity", token), "<JobType>RestoreVm</JobType>");
        assertValid("RestoreSession",
                client.get("/restoreSessions/" + EmSimulator.SEED_EXCH01_RESTORE_SESSION_ID + "?format=Entity", token),
                "<RestoredObjRef>");
    }

    @Test
    void restoreAndQuickBackupTasks() {
        sim.withTaskRunTime(Duration.ZERO).withTaskCollectTime(Duration.ZERO).withRestoreRunTime(Duration.ofHours(1));
        HttpResponse<String> restore = client.post(
                "/vmRestorePoints/" + EmSimulator.SEED_ORACLE02_VM_RESTORE_POINT_ID + "?action=restore",
                token, "application/xml",
                "<RestoreSpec xmlns=\"http://www.veeam.com/ent/v1.0\"><VmRestoreSpec><PowerOnAfterRestore>false"
                                          + "</PowerOnAfterRestore><QuickRollback>false</QuickRollback></VmRestoreSpec></RestoreSpec>");
        assertValid("Task", restore, "<Operation>StartVMRestore</Operation>");
        String finished = client.awaitTaskState(token, taskId(restore), "Finished");
        assertValid("Task", finished, "Type=\"RestoreSession\"");
        String sessionId = between(finished, "/restoreSessions/", "?format=Entity");
        assertValid("RestoreSession", client.get("/restoreSessions/" + sessionId + "?format=Entity", token),
                "<State>Starting</State>",
                "<FailureMessage/>");

        sim.withBackupSessionRunTime(Duration.ofHours(1));
        HttpResponse<String> quick = client.post("/backupServers/" + EmLinks.BACKUP_SERVER_ID + "?action=quickbackup", token,
                "application/xml",
                "<QuickBackupStartupSpec xmlns=\"http://www.veeam.com/ent/v1.0\"><VmRef>" + VM_REF_PREFIX
                                   + "vm-101</VmRef></QuickBackupStartupSpec>");
        assertValid("Task", quick, "<Operation>QuickBackup</Operation>");
        assertValid("Task", client.awaitTaskState(token, taskId(quick), "Finished"), "Success=\"false\"");
        assertValid("Error",
                client.post("/vmRestorePoints/" + EmSimulator.SEED_ORACLE02_VM_RESTORE_POINT_ID + "?action=restore", token,
                        "application/xml", "<RestoreSpec xmlns=\"http://www.veeam.com/ent/v1.0\"/>"),
                "StatusCode=\"400\"");
    }

    @Test
    void reports() {
        assertValid("SummaryReport", client.get("/reports/summary", token), "Type=\"ReportFrame\"");
        assertValid("OverviewReportFrame", client.get("/reports/summary/overview", token), "<BackupServers>1</BackupServers>");
        assertValid("VmsOverviewReportFrame", client.get("/reports/summary/vms_overview", token), "<ProtectedVmsReportLink>");
        assertValid("JobStatisticsReportFrame", client.get("/reports/summary/job_statistics", token), "<MaxBackupJobDuration>");
        assertValid("ProcessedVmsReportFrame", client.get("/reports/summary/processed_vms", token), "<Day Timestamp=");
        assertValid("RepositoryReportFrame", client.get("/reports/summary/repository", token), "<Period><Name>");
    }

    @Test
    void discoveredComputers() {
        assertValid("EntityReferences", client.get("/agents/discoveredComputers", token),
                "Type=\"DiscoveredComputerReference\"");
        assertValid("EntityRef", client.get("/agents/discoveredComputers/" + EmSimulator.SEED_LINUX_COMPUTER_ID, token));
        assertValidEm12("DiscoveredComputers", client.get("/agents/discoveredComputers?format=Entity", token),
                "<AgentStatus>Installed");
        assertValidEm12("DiscoveredComputer", client.get("/agents/discoveredComputers/" + EmSimulator.SEED_WINDOWS_COMPUTER_ID
                                                         + "?format=Entity",
                token), "<HostStatus>Offline</HostStatus>");
    }

    @Test
    void newQueryTypes() {
        assertValidEm12("QueryResult", client.get("/query?type=Repository&format=Entities", token), "<Repositories>", "<Kind>");
        assertValid("QueryResult", client.get("/query?type=Repository", token), "Type=\"RepositoryReference\"");
        assertValid("QueryResult", client.get("/query?type=ReplicaJobSession&format=Entities", token), "<ReplicaJobSessions>");
        assertValid("QueryResult",
                client.get("/query?type=VmRestorePoint&format=Entities&sortDesc=CreationTime&pageSize=1", token),
                "<VmRestorePoints>");
        assertValid("QueryResult", client.get("/query?type=BackupTaskSession", token), "Type=\"BackupTaskSessionReference\"");
        assertValid("QueryResult", client.get("/query?type=BackupServer", token), "Type=\"BackupServerReference\"");
        assertValidEm12("QueryResult", client.get("/query?type=BackupServer&format=Entities", token), "<BackupServers>");
        assertValidEm12("QueryResult", client.get("/query?type=BackupTaskSession&format=Entities", token),
                "<BackupTaskSessions>");
    }

    private static SimJob jobWithIncludes(int count) {
        SimJob job = sim.addJob(UUID.randomUUID().toString(), "XSD job");
        for (int i = 1; i <= count; i++) {
            job.addInclude(UUID.randomUUID().toString(), VM_REF_PREFIX + "vm-" + i, "vm" + i);
        }
        return job;
    }

    private static HttpResponse<String> deleteInclude(SimJob job) {
        HttpResponse<String> response
                = client.delete("/jobs/" + job.getId() + "/includes/" + job.getIncludes().get(0).getId(), token);
        assertEquals(202, response.statusCode(), response.body());
        return response;
    }

    private static String taskId(HttpResponse<String> taskResponse) {
        return SimTestClient.taskId(taskResponse);
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from));
    }

    private static void assertValid(String rootElement, HttpResponse<String> response, String... mustContain) {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/xml"),
                response.headers().toString());
        assertValid(rootElement, response.body(), mustContain);
    }

    private static void assertValid(String rootElement, String xml, String... mustContain) {
        assertValid(schema, rootElement, xml, mustContain);
    }

    /**
     * Against the 9.x schema plus EM 12's additions: for the answer kinds docs/simulator.md lists as going beyond 9.x.
     */
    private static void assertValidEm12(String rootElement, HttpResponse<String> response, String... mustContain) {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/xml"),
                response.headers().toString());
        assertValid(em12Schema, rootElement, response.body(), mustContain);
    }

    private static void assertValid(Schema against, String rootElement, String xml, String... mustContain) {
        assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><" + rootElement + " "), xml);
        for (String expected : mustContain) {
            assertTrue(xml.contains(expected), () -> "expected " + expected + " in " + xml);
        }
        List<SAXParseException> errors = validate(against, xml);
        assertEquals(List.of(), errors.stream().filter(e -> !isHierarchyObjRefPattern(e) && !isMissingLegacyRef(e))
                .map(SAXParseException::getMessage).toList(), xml);
    }

    /**
     * The 9.x schema requires a {@code Ref} element first in {@code Backup} and {@code RestorePoint}; no EM answer has
     * one (docs/simulator.md): the one content failure tolerated, only there.
     */
    private static boolean isMissingLegacyRef(SAXParseException error) {
        String message = error.getMessage();
        return message.startsWith("cvc-complex-type.2.4.a") && message.contains("'{\"http://www.veeam.com/ent/v1.0\":Ref}'")
                && (message.contains(":Platform}'") || message.contains(":BackupDateUTC}'"));
    }

    /**
     * EM's references carry a {@code .} ({@code <hierarchyRootGuid>.vm-48911}) that the 9.x schema's UrnType pattern
     * does not allow, in {@code HierarchyObjRef} and in a lookup's {@code ObjectRef}: the one schema failure tolerated
     * (see src/test/resources/xsd/README.md).
     */
    private static boolean isHierarchyObjRefPattern(SAXParseException error) {
        String message = error.getMessage();
        return message.contains("'" + VM_REF_PREFIX) && (message.startsWith("cvc-pattern-valid")
                || message.startsWith("cvc-type.3.1.3")
                        && (message.contains("'HierarchyObjRef'") || message.contains("'ObjectRef'")
                                || message.contains("'RestoredObjRef'")));
    }

    private static List<SAXParseException> validate(Schema against, String xml) {
        List<SAXParseException> errors = new ArrayList<>();
        Validator validator = against.newValidator();
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                errors.add(e);
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e);
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add(e);
            }
        });
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.validate(new StreamSource(new StringReader(xml)));
        } catch (SAXException | IOException e) {
            throw new AssertionError("Cannot validate " + xml, e);
        }
        return errors;
    }
}
