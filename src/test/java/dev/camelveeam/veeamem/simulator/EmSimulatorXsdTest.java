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

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of XML answer validates against EM's published schema (src/test/resources/xsd/RestAPI-9.x.xsd). */
class EmSimulatorXsdTest {

    private static final String VM_REF_PREFIX = "urn:VMware:Vm:93fe5565-0ae7-4574-abb5-0f4ea8c5e9bd.";

    private static Schema schema;
    private static EmSimulator sim;
    private static SimTestClient client;
    private static String token;

    @BeforeAll
    static void start() throws SAXException {
        URL xsd = EmSimulatorXsdTest.class.getResource("/xsd/RestAPI-9.x.xsd");
        schema = SchemaFactory.newDefaultInstance().newSchema(xsd);
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
                + EmSimulator.SEED_ORACLE01_INCLUDE_ID, token));
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
        assertValid("Job", client.get("/jobs/" + unscheduled.getId() + "?format=Entity", token), "<ScheduleEnabled>false</ScheduleEnabled>");
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
        assertValid("BackupJobSession", client.get("/backupSessions/" + running.getId() + "?format=Entity", token), "<FailureMessage/>");
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
        String clone = "<JobCloneSpec xmlns=\"http://www.veeam.com/ent/v1.0\"><BackupJobCloneInfo><JobName>XSD clone " + UUID.randomUUID()
                .toString().substring(0, 8) + "</JobName><FolderName>f</FolderName><RepositoryUid>urn:veeam:Repository:r1</RepositoryUid>"
                + "</BackupJobCloneInfo></JobCloneSpec>";
        HttpResponse<String> cloning = client.post("/jobs/" + job.getId() + "?action=clone", token, "application/xml", clone);
        assertValid("Task", client.awaitTaskState(token, taskId(cloning), "Finished"), "Rel=\"Related\"");
        sim.addBackupSession(job.getId(), SimBackupSession.State.Working, SimBackupSession.Result.None, Instant.now(), null);
        assertValid("Task", client.awaitTaskState(token, taskId(client.post("/jobs/" + job.getId() + "?action=start", token)), "Finished"),
                "Success=\"false\"");
        String add = "<CreateObjectInJobSpec xmlns=\"http://www.veeam.com/ent/v1.0\"><HierarchyObjRef>" + VM_REF_PREFIX
                + "vm-101</HierarchyObjRef><HierarchyObjName>web01</HierarchyObjName></CreateObjectInJobSpec>";
        assertValid("Task", client.post("/jobs/" + job.getId() + "/includes", token, "application/xml", add), "<Operation>UpdateJob</Operation>");
        assertValid("Error", client.post("/jobs/" + job.getId() + "/includes", token, "application/xml", "<x/>"), "StatusCode=\"400\"");
    }

    private static SimJob jobWithIncludes(int count) {
        SimJob job = sim.addJob(UUID.randomUUID().toString(), "XSD job");
        for (int i = 1; i <= count; i++) {
            job.addInclude(UUID.randomUUID().toString(), VM_REF_PREFIX + "vm-" + i, "vm" + i);
        }
        return job;
    }

    private static HttpResponse<String> deleteInclude(SimJob job) {
        HttpResponse<String> response = client.delete("/jobs/" + job.getId() + "/includes/" + job.getIncludes().get(0).getId(), token);
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
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/xml"), response.headers().toString());
        assertValid(rootElement, response.body(), mustContain);
    }

    private static void assertValid(String rootElement, String xml, String... mustContain) {
        assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><" + rootElement + " "), xml);
        for (String expected : mustContain) {
            assertTrue(xml.contains(expected), () -> "expected " + expected + " in " + xml);
        }
        List<SAXParseException> errors = validate(xml);
        assertEquals(List.of(), errors.stream().filter(e -> !isHierarchyObjRefPattern(e)).map(SAXParseException::getMessage).toList(),
                xml);
    }

    /**
     * EM's references carry a {@code .} ({@code <hierarchyRootGuid>.vm-48911}) that the 9.x schema's UrnType pattern
     * does not allow, in {@code HierarchyObjRef} and in a lookup's {@code ObjectRef}: the one schema failure tolerated
     * (see src/test/resources/xsd/README.md).
     */
    private static boolean isHierarchyObjRefPattern(SAXParseException error) {
        String message = error.getMessage();
        return message.contains("'" + VM_REF_PREFIX) && (message.startsWith("cvc-pattern-valid")
                || message.startsWith("cvc-type.3.1.3") && (message.contains("'HierarchyObjRef'") || message.contains("'ObjectRef'")));
    }

    private static List<SAXParseException> validate(String xml) {
        List<SAXParseException> errors = new ArrayList<>();
        Validator validator = schema.newValidator();
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
