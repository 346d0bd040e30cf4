package dev.camelveeam.veeamem.simulator;

import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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
        return between(taskResponse.body(), "<TaskId>", "</TaskId>");
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
     * does not allow: the one schema failure tolerated (see src/test/resources/xsd/README.md).
     */
    private static boolean isHierarchyObjRefPattern(SAXParseException error) {
        String message = error.getMessage();
        return message.contains("'" + VM_REF_PREFIX)
                && (message.startsWith("cvc-pattern-valid") || message.startsWith("cvc-type.3.1.3") && message.contains("'HierarchyObjRef'"));
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
