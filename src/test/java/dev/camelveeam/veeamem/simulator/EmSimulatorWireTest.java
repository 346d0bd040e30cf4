package dev.camelveeam.veeamem.simulator;

import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** EM wire behaviour of the simulator, seen through a plain java.net.http client. */
class EmSimulatorWireTest {

    private static final String VM_REF_PREFIX = "urn:VMware:Vm:93fe5565-0ae7-4574-abb5-0f4ea8c5e9bd.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static EmSimulator sim;
    private static SimTestClient client;

    @BeforeAll
    static void start() {
        sim = new EmSimulator().withTaskRunTime(Duration.ofMillis(40)).withTaskCollectTime(Duration.ofMillis(20)).start();
        client = new SimTestClient(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    // --- logon, session token, logoff

    @Test
    void logonAnswers201WithTokenHeaderCookieAndLogonSession() {
        int logonsBefore = sim.getLogonCount();
        HttpResponse<String> response = client.logon("veeam", "veeam");

        assertEquals(201, response.statusCode());
        String sessionId = between(response.body(), "<SessionId>", "</SessionId>");
        String token = response.headers().firstValue("X-RestSvcSessionId").orElseThrow();
        assertEquals(Base64.getEncoder().encodeToString(sessionId.getBytes(StandardCharsets.US_ASCII)), token);
        assertEquals("X-RestSvcSessionId=" + token + "; Path=/api;", response.headers().firstValue("Set-Cookie").orElseThrow());
        assertTrue(response.body().contains("<UserName>veeam</UserName>"), response.body());
        assertTrue(response.body()
                .contains("Href=\"" + sim.getBaseUrl() + "/logonSessions/" + sessionId + "\" Type=\"LogonSession\""));
        assertTrue(response.body()
                .contains("<Link Rel=\"Down\" Href=\"" + sim.getBaseUrl() + "/jobs\" Type=\"JobReferenceList\"/>"));
        assertEquals(logonsBefore + 1, sim.getLogonCount());
    }

    @Test
    void logonAcceptsNoVersionAndSupportedVersionsButRejectsOthers() {
        String auth = SimTestClient.basic("veeam", "veeam");
        for (String path : List.of("/sessionMngr/", "/sessionMngr", "/sessionMngr/?v=v1_5", "/sessionMngr/?v=v1_7")) {
            assertEquals(201,
                    client.send(client.request(path).header("Authorization", auth).POST(HttpRequest.BodyPublishers.noBody()))
                            .statusCode(),
                    path);
        }
        for (String version : List.of("v1_4", "v1_2", "bogus")) {
            HttpResponse<String> old = client.send(client.request("/sessionMngr/?v=" + version).header("Authorization", auth)
                    .POST(HttpRequest.BodyPublishers.noBody()));
            assertEquals(401, old.statusCode(), version);
            assertTrue(old.body().contains(version) && old.body().contains("Status=\"Unauthorized\""), old.body());
            assertTrue(old.headers().firstValue("X-RestSvcSessionId").isEmpty());
            assertEquals("Basic Realm=RestSvc", old.headers().firstValue("WWW-Authenticate").orElseThrow());
        }
    }

    @Test
    void configuredUsersReplaceTheDefaultUser() {
        try (EmSimulator own
                = new EmSimulator().withUser("svc-camel", "s3cret").withUser("other", "pw").withSeedData(false).start()) {
            SimTestClient ownClient = new SimTestClient(own);
            assertEquals(201, ownClient.logon("svc-camel", "s3cret").statusCode());
            assertEquals(201, ownClient.logon("other", "pw").statusCode());
            assertEquals(401, ownClient.logon("veeam", "veeam").statusCode());
            assertTrue(own.getJob(EmSimulator.SEED_ORACLE_JOB_ID).isEmpty());
        }
    }

    @Test
    void badOrMissingCredentialsAnswer401WithChallengeAndNoSession() {
        List<HttpResponse<String>> failures = List.of(
                client.logon("veeam", "wrong"),
                client.send(client.request("/sessionMngr/?v=latest").POST(HttpRequest.BodyPublishers.noBody())),
                client.send(client.request("/sessionMngr/?v=latest").header("Authorization", "Basic !!notbase64")
                        .POST(HttpRequest.BodyPublishers.noBody())));
        for (HttpResponse<String> response : failures) {
            assertEquals(401, response.statusCode());
            assertEquals("Basic Realm=RestSvc", response.headers().firstValue("WWW-Authenticate").orElseThrow());
            assertTrue(response.headers().firstValue("X-RestSvcSessionId").isEmpty());
            assertTrue(response.headers().firstValue("Set-Cookie").isEmpty());
            assertTrue(response.body().contains("<Error Message=\"") && response.body().contains("Status=\"Unauthorized\""),
                    response.body());
        }
    }

    @Test
    void sessionResourcesNeedAValidToken() {
        HttpResponse<String> missing = client.send(client.request("/tasks"));
        assertEquals(401, missing.statusCode());
        assertTrue(missing.body().contains("StatusCode=\"401\""), missing.body());

        String unknown = Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII));
        HttpResponse<String> rejected = client.get("/tasks", unknown);
        assertEquals(401, rejected.statusCode());
        assertFalse(rejected.body().contains(unknown), "the error must not echo the token");

        assertEquals(200, client.send(client.request("/")).statusCode(), "the entry point needs no session");
    }

    @Test
    void sessionHeaderNameIsCaseInsensitive() {
        String token = client.logon();
        assertEquals(200, client.send(client.request("/tasks").header("x-restsvcsessionid", token)).statusCode());
        assertEquals(200, client.send(client.request("/tasks").header("X-RESTSVCSESSIONID", token)).statusCode());
    }

    @Test
    void sessionCookieWinsOverHeader() {
        String token = client.logon();
        assertEquals(200, client.send(client.request("/tasks").header("Cookie", "a=b; X-RestSvcSessionId=" + token)
                .header("X-RestSvcSessionId", "bogus")).statusCode());
        assertEquals(401, client.send(client.request("/tasks").header("Cookie", "X-RestSvcSessionId=bogus")
                .header("X-RestSvcSessionId", token)).statusCode());
    }

    @Test
    void expireAllSessionsInvalidatesEveryToken() {
        try (EmSimulator own = new EmSimulator().start()) {
            SimTestClient ownClient = new SimTestClient(own);
            String first = ownClient.logon();
            String second = ownClient.logon();
            assertEquals(2, own.getActiveSessionCount());

            own.expireAllSessions();

            assertEquals(0, own.getActiveSessionCount());
            assertEquals(401, ownClient.get("/tasks", first).statusCode());
            assertEquals(401, ownClient.get("/tasks", second).statusCode());
            assertEquals(200, ownClient.get("/tasks", ownClient.logon()).statusCode());
            assertEquals(3, own.getLogonCount());
        }
    }

    @Test
    void idleSessionExpiresAndEachRequestRestartsTheIdleClock() {
        Duration idle = Duration.ofMillis(600);
        try (EmSimulator own = new EmSimulator().withSessionIdleTimeout(idle).start()) {
            SimTestClient ownClient = new SimTestClient(own);
            String token = ownClient.logon();
            SimTestClient.pass(Duration.ofMillis(400));
            assertEquals(200, ownClient.get("/tasks", token).statusCode());
            SimTestClient.pass(Duration.ofMillis(400)); // 800 ms after logon, 400 ms after the last request
            assertEquals(200, ownClient.get("/tasks", token).statusCode());

            SimTestClient.pass(idle.plusMillis(100));

            assertEquals(0, own.getActiveSessionCount());
            assertEquals(401, ownClient.get("/tasks", token).statusCode());
        }
    }

    @Test
    void logonSessionsCanBeReadAndLoggedOff() {
        String token = client.logon();
        String sessionId = sessionIdOf(token);
        String other = client.logon();
        int active = sim.getActiveSessionCount();

        HttpResponse<String> own = client.get("/logonSessions/" + sessionId, token);
        assertEquals(200, own.statusCode());
        assertTrue(own.body().contains("<SessionId>" + sessionId + "</SessionId>"));
        HttpResponse<String> list = client.get("/logonSessions", token);
        assertTrue(list.body().startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><LogonSessions "), list.body());
        assertTrue(list.body().contains(sessionId) && list.body().contains(sessionIdOf(other)), list.body());

        HttpResponse<String> logoff = client.delete("/logonSessions/" + sessionId, token);
        assertEquals(204, logoff.statusCode());
        assertEquals("", logoff.body());
        assertTrue(logoff.headers().firstValue("Content-Type").isEmpty());
        assertEquals(active - 1, sim.getActiveSessionCount());
        assertEquals(401, client.get("/tasks", token).statusCode());
        assertEquals(401, client.delete("/logonSessions/" + sessionId, token).statusCode(), "a second logoff");
        assertEquals(200, client.get("/tasks", other).statusCode(), "other sessions live on");
    }

    @Test
    void logoffOfAnotherSessionOfTheSameUserEndsIt_unknownOrForeignSessionsAre404() {
        String token = client.logon();
        String sibling = client.logon();
        assertEquals(204, client.delete("/logonSessions/" + sessionIdOf(sibling), token).statusCode());
        assertEquals(401, client.get("/tasks", sibling).statusCode());

        assertEquals(404, client.delete("/logonSessions/" + UUID.randomUUID(), token).statusCode());
        assertEquals(400, client.delete("/logonSessions/not-a-guid", token).statusCode());

        try (EmSimulator own = new EmSimulator().withUser("alice", "a").withUser("bob", "b").start()) {
            SimTestClient ownClient = new SimTestClient(own);
            String alice = ownClient.logon("alice", "a").headers().firstValue("X-RestSvcSessionId").orElseThrow();
            String bob = ownClient.logon("bob", "b").headers().firstValue("X-RestSvcSessionId").orElseThrow();
            assertEquals(404, ownClient.delete("/logonSessions/" + sessionIdOf(bob), alice).statusCode());
            assertEquals(200, ownClient.get("/tasks", bob).statusCode());
        }
    }

    // --- includes and tasks

    @Test
    void includesCanBeListedAndReadByGuidOrJobUrnWithDoubledSlashes() {
        String token = client.logon();
        String list = client.get("/jobs/" + EmSimulator.SEED_ORACLE_JOB_ID + "/includes", token).body();
        assertTrue(list.contains("<ObjectInJobId>" + EmSimulator.SEED_ORACLE01_INCLUDE_ID + "</ObjectInJobId>"), list);
        assertTrue(list.contains("<Name>oracle02</Name>"), list);

        HttpResponse<String> one
                = client.get("//jobs/urn:veeam:Job:" + EmSimulator.SEED_ORACLE_JOB_ID.toUpperCase() + "/includes/"
                             + EmSimulator.SEED_ORACLE01_INCLUDE_ID + "/",
                        token);
        assertEquals(200, one.statusCode(), one.body());
        String href = sim.getBaseUrl() + "/jobs/" + EmSimulator.SEED_ORACLE_JOB_ID + "/includes/"
                      + EmSimulator.SEED_ORACLE01_INCLUDE_ID;
        assertTrue(one.body().contains("<Link Rel=\"Delete\" Href=\"" + href + "\"/>"), one.body());
        assertTrue(one.body().contains("<Link Rel=\"Up\" Href=\"" + sim.getBaseUrl() + "/jobs/" + EmSimulator.SEED_ORACLE_JOB_ID
                                       + "?format=Entity\" Name=\"Oracle Backup\" Type=\"Job\"/>"),
                one.body());
        assertTrue(one.body().contains("<HierarchyObjRef>" + VM_REF_PREFIX + "vm-48911</HierarchyObjRef><Name>oracle01</Name>"
                                       + "<DisplayName>oracle01</DisplayName><GuestProcessingOptions>"),
                one.body());
        assertFalse(one.body().contains("<Order>"), "the legacy Order element is not sent");
    }

    @Test
    void deletingAnIncludeRunsAnUpdateJobTaskThatRemovesItWhenFinished() {
        String token = client.logon();
        SimJob job = jobWithIncludes(2);
        SimInclude removed = job.getIncludes().get(0);

        HttpResponse<String> accepted = client.delete(includePath(job, removed), token);

        assertEquals(202, accepted.statusCode());
        assertTrue(
                accepted.body()
                        .contains("<TaskId>task-1</TaskId><State>Running</State><Operation>UpdateJob</Operation></Task>"),
                accepted.body());
        assertTrue(accepted.body().contains("Href=\"" + sim.getBaseUrl() + "/tasks/task-1\" Type=\"Task\""), accepted.body());
        assertTrue(accepted.body()
                .contains("<Link Rel=\"Delete\" Href=\"" + sim.getBaseUrl() + "/tasks/task-1\" Type=\"Task\"/>"));

        String finished = client.awaitTaskState(token, "task-1", "Finished");
        assertTrue(finished.contains("<Result Success=\"true\"><Message>Ok</Message></Result>"), finished);
        assertEquals(List.of(job.getIncludes().get(0).getId()), job.getIncludes().stream().map(SimInclude::getId).toList());
        assertFalse(job.getIncludes().contains(removed));
        assertEquals(404, client.get(includePath(job, removed), token).statusCode());
    }

    @Test
    void taskPassesThroughOperationFinished() {
        try (EmSimulator own
                = new EmSimulator().withTaskRunTime(Duration.ZERO).withTaskCollectTime(Duration.ofHours(1)).start()) {
            SimTestClient ownClient = new SimTestClient(own);
            String token = ownClient.logon();
            ownClient.delete("/jobs/" + EmSimulator.SEED_ORACLE_JOB_ID + "/includes/" + EmSimulator.SEED_ORACLE01_INCLUDE_ID,
                    token);
            String body = ownClient.awaitTaskState(token, "task-1", "OperationFinished");
            assertTrue(body.contains("<Result Success=\"true\"><Message>OperationFinished</Message></Result>"), body);
            assertEquals(2, own.getJob(EmSimulator.SEED_ORACLE_JOB_ID).orElseThrow().getIncludes().size(),
                    "not applied before Finished");
        }
    }

    @Test
    void deletingTheOnlyIncludeFinishesUnsuccessfullyAndKeepsIt() {
        String token = client.logon();
        SimJob job = jobWithIncludes(1);
        SimInclude only = job.getIncludes().get(0);

        assertEquals(202, client.delete(includePath(job, only), token).statusCode());

        String finished = client.awaitTaskState(token, "task-1", "Finished");
        assertTrue(finished.contains("<Result Success=\"false\"><Message>Cannot remove the last object \"" + only.getName()
                                     + "\" from job \"" + job.getName()
                                     + "\": a job must process at least one object.</Message></Result>"),
                finished);
        assertEquals(List.of(only), job.getIncludes());
    }

    @Test
    void concurrentDeletesOfOneIncludeSucceedOnceAndFailOnceWithNotFound() {
        String token = client.logon();
        SimJob job = jobWithIncludes(3);
        SimInclude target = job.getIncludes().get(1);

        assertEquals(202, client.delete(includePath(job, target), token).statusCode());
        assertEquals(202, client.delete(includePath(job, target), token).statusCode());

        String first = client.awaitTaskState(token, "task-1", "Finished");
        String second = client.awaitTaskState(token, "task-2", "Finished");
        assertTrue(first.contains("<Result Success=\"true\"><Message>Ok</Message>"), first);
        assertTrue(second.contains("Success=\"false\"") && second.contains("was not found in job"), second);
        assertEquals(2, job.getIncludes().size());
    }

    @Test
    void tasksAreNumberedAndVisiblePerSession() {
        String token = client.logon();
        SimJob job = jobWithIncludes(3);
        client.delete(includePath(job, job.getIncludes().get(0)), token);
        client.delete(includePath(job, job.getIncludes().get(1)), token);
        String tasks = client.get("/tasks", token).body();
        assertTrue(tasks.startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><Tasks "), tasks);
        assertTrue(tasks.indexOf("<TaskId>task-1</TaskId>") < tasks.indexOf("<TaskId>task-2</TaskId>"), tasks);

        String otherSession = client.logon();
        HttpResponse<String> foreign = client.get("/tasks/task-1", otherSession);
        assertEquals(500, foreign.statusCode());
        assertTrue(foreign.body().contains("Message=\"There is no backup task with id [task-1] in current rest session\""),
                foreign.body());
        assertTrue(foreign.body().contains("Status=\"InternalServerError\""), foreign.body());
        assertFalse(client.get("/tasks", otherSession).body().contains("<Task "));

        HttpResponse<String> own = client.delete(includePath(jobWithIncludes(2), null), otherSession);
        assertTrue(own.body().contains("<TaskId>task-1</TaskId>"), "a new session counts from task-1: " + own.body());
    }

    @Test
    void deletingARunningTaskStopsItAndItsChangeIsNeverApplied() {
        String token = client.logon();
        SimJob stopped = jobWithIncludes(2);
        SimJob witness = jobWithIncludes(2);
        // both tasks run a full second, so that task-1 is surely still running when it is deleted
        sim.faults().nextTask(TaskFault.runFor(Duration.ofSeconds(1)));
        sim.faults().nextTask(TaskFault.runFor(Duration.ofSeconds(1)));

        client.delete(includePath(stopped, null), token);
        HttpResponse<String> delete = client.delete("/tasks/task-1", token);
        assertEquals(204, delete.statusCode());
        assertEquals("", delete.body());
        assertEquals(500, client.get("/tasks/task-1", token).statusCode());
        assertEquals(500, client.delete("/tasks/task-1", token).statusCode());

        // task-2 has the same run time and starts later on the same scheduler: once it is Finished, task-1 would be too
        client.delete(includePath(witness, null), token);
        client.awaitTaskState(token, "task-2", "Finished");
        assertEquals(1, witness.getIncludes().size());
        assertEquals(2, stopped.getIncludes().size());
    }

    // --- errors

    @Test
    void malformedIdsAre400AndUnknownOnes404() {
        String token = client.logon();
        HttpResponse<String> malformed = client.get("//jobs/null/includes", token);
        assertEquals(400, malformed.statusCode());
        assertEquals("application/xml", malformed.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(malformed.body().contains("StatusCode=\"400\" Status=\"BadRequest\""), malformed.body());

        assertEquals(400, client.get("/jobs/" + EmSimulator.SEED_ORACLE_JOB_ID + "/includes/null", token).statusCode());
        assertEquals(400,
                client.get("/jobs/urn:veeam:Backup:" + EmSimulator.SEED_ORACLE_JOB_ID + "/includes", token).statusCode());

        HttpResponse<String> unknownJob = client.get("/jobs/" + UUID.randomUUID() + "/includes", token);
        assertEquals(404, unknownJob.statusCode());
        assertTrue(unknownJob.body().contains("StatusCode=\"404\" Status=\"NotFound\""), unknownJob.body());
        assertEquals(404, client.delete("/jobs/" + EmSimulator.SEED_ORACLE_JOB_ID + "/includes/" + UUID.randomUUID(), token)
                .statusCode());
    }

    @Test
    void unknownPathIs404AndUnsupportedMethod405WithASession_401Without() {
        String token = client.logon();
        assertEquals(404, client.get("/noSuchThing", token).statusCode());

        HttpResponse<String> noSession = client.send(client.request("/noSuchThing"));
        assertEquals(401, noSession.statusCode(), "EM checks the session before the path");
        assertTrue(noSession.body().contains("Status=\"Unauthorized\""), noSession.body());
        assertEquals(401, client.get("/noSuchThing/deeper", "bogus").statusCode());
        assertEquals(401, client.send(client.request("/tasks").PUT(HttpRequest.BodyPublishers.ofString("<x/>"))).statusCode());

        HttpResponse<String> put = client.send(client.request("/tasks").header("X-RestSvcSessionId", token)
                .PUT(HttpRequest.BodyPublishers.ofString("<x/>")));
        assertEquals(405, put.statusCode());
        assertEquals("GET", put.headers().firstValue("Allow").orElseThrow());
        assertTrue(put.body().contains("Status=\"MethodNotAllowed\""), put.body());
    }

    // --- formats and headers

    @Test
    void everyAnswerCarriesEmHeaders() {
        String token = client.logon();
        List<HttpResponse<String>> answers = List.of(
                client.send(client.request("/")),
                client.get("/tasks", token, "application/json"),
                client.get("/noSuchThing", token),
                client.delete("/logonSessions/" + sessionIdOf(client.logon()), token));
        for (HttpResponse<String> answer : answers) {
            assertEquals("private", answer.headers().firstValue("Cache-Control").orElseThrow());
            assertEquals("Microsoft-HTTPAPI/2.0", answer.headers().firstValue("Server").orElseThrow());
            assertEquals("SAMEORIGIN", answer.headers().firstValue("X-Frame-Options").orElseThrow());
            assertEquals("1; mode=block", answer.headers().firstValue("X-XSS-Protection").orElseThrow());
            assertEquals("max-age=31536000", answer.headers().firstValue("Strict-Transport-Security").orElseThrow());
            assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElseThrow());
        }
        assertEquals("application/xml; charset=utf-8", answers.get(0).headers().firstValue("Content-Type").orElseThrow());
        assertEquals("application/json; charset=utf-8", answers.get(1).headers().firstValue("Content-Type").orElseThrow());
        assertEquals("application/xml", answers.get(2).headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void entryPointListsLogonLinksAndSupportedVersions() {
        String body = client.send(client.request("/").header("Accept", "application/xml")).body();
        assertTrue(body.startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><EnterpriseManager "), body);
        assertTrue(body.contains("xmlns=\"http://www.veeam.com/ent/v1.0\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" "
                                 + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""),
                body);
        assertTrue(body.contains(
                "<Link Rel=\"Create\" Href=\"" + sim.getBaseUrl() + "/sessionMngr/?v=latest\" Type=\"LogonSession\"/>"));
        assertTrue(body.contains("<SupportedVersion Name=\"v1_5\">") && body.contains("<SupportedVersion Name=\"v1_7\">"),
                body);
    }

    @Test
    void jsonEm12UsesPascalCaseKeysInEmOrderWithExplicitNulls() throws Exception {
        String token = client.logon();
        HttpResponse<String> accepted = client.send(client.request(includePath(jobWithIncludes(2), null))
                .header("X-RestSvcSessionId", token).header("Accept", "application/xml, application/json").DELETE());
        JsonNode task = JSON.readTree(accepted.body());
        assertEquals(List.of("TaskId", "State", "Operation", "Result", "Links", "Href", "Type"), keys(task));
        assertTrue(task.get("Result").isNull());
        assertEquals(List.of("Rel", "Href", "Name", "Type"), keys(task.get("Links").get(0)));
        assertTrue(task.get("Links").get(0).get("Name").isNull());

        String finished = awaitJsonTaskState(token, "task-1", "Finished");
        JsonNode result = JSON.readTree(finished).get("Result");
        assertEquals(List.of("Message", "Success", "CredentialsNeeded", "ConfirmationNeeded"), keys(result));
        assertTrue(result.get("Success").isBoolean() && result.get("Success").booleanValue());
        assertFalse(result.get("CredentialsNeeded").booleanValue());

        JsonNode includes = JSON.readTree(
                client.get("/jobs/" + EmSimulator.SEED_ORACLE_JOB_ID + "/includes", token, "application/json").body());
        assertEquals(List.of("ObjectInJobs"), keys(includes));
        JsonNode include = includes.get("ObjectInJobs").get(0);
        assertEquals(
                List.of("ObjectInJobId", "HierarchyObjRef", "Name", "DisplayName", "GuestProcessingOptions", "Links", "Href",
                        "Type"),
                keys(include));
        assertFalse(include.get("GuestProcessingOptions").get("VssSnapshotOptions").get("IsCopyOnly").booleanValue());
        assertTrue(include.get("GuestProcessingOptions").get("SqlBackupOptions").isNull());

        JsonNode error
                = JSON.readTree(client.get("/jobs/" + UUID.randomUUID() + "/includes", token, "application/json").body());
        assertEquals(List.of("FirstChanceExceptionMessage", "Message", "StackTrace", "Status", "StatusCode"), keys(error));
        assertEquals(404, error.get("StatusCode").intValue());
        assertEquals("NotFound", error.get("Status").textValue());
        assertTrue(error.get("StackTrace").isNull());

        JsonNode entry = JSON.readTree(client.send(client.request("/").header("Accept", "application/json")).body());
        assertEquals(List.of("SupportedVersions", "Links", "Href", "Type"), keys(entry));
        assertEquals("v1_7", entry.get("SupportedVersions").get("SupportedVersions").get(2).get("Name").textValue());
    }

    @Test
    void jsonEm13UsesDotNetCamelCaseKeys() throws Exception {
        try (EmSimulator own = new EmSimulator().withJsonCasing(EmSimulator.JsonCasing.EM13).start()) {
            SimTestClient ownClient = new SimTestClient(own);
            HttpResponse<String> logon = ownClient.send(ownClient.request("/sessionMngr/?v=latest")
                    .header("Accept", "application/json")
                    .header("Authorization", SimTestClient.basic("veeam", "veeam")).POST(HttpRequest.BodyPublishers.noBody()));
            JsonNode session = JSON.readTree(logon.body());
            assertEquals(List.of("userName", "sessionId", "links", "href", "type"), keys(session));
            assertEquals(List.of("rel", "href", "name", "type"), keys(session.get("links").get(0)));

            String token = logon.headers().firstValue("X-RestSvcSessionId").orElseThrow();
            JsonNode task = JSON.readTree(ownClient
                    .send(ownClient.request("/jobs/" + EmSimulator.SEED_ORACLE_JOB_ID + "/includes/"
                                            + EmSimulator.SEED_ORACLE01_INCLUDE_ID)
                            .header("X-RestSvcSessionId", token).header("Accept", "application/json").DELETE())
                    .body());
            assertEquals(List.of("taskId", "state", "operation", "result", "links", "href", "type"), keys(task));

            JsonNode includes = JSON
                    .readTree(ownClient.get("/jobs/" + EmSimulator.SEED_ORACLE_JOB_ID + "/includes", token, "application/json")
                            .body());
            JsonNode options = includes.get("objectInJobs").get(0).get("guestProcessingOptions");
            assertTrue(options.has("fsFileExcludeOptions") && options.has("windowsGuestFSIndexingOptions"), options.toString());
        }
    }

    @Test
    void jsonByteOrderMarkIsOptionalAndNeverOnXml() {
        byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
        assertFalse(startsWith(jsonEntryPoint(sim), bom));
        try (EmSimulator own = new EmSimulator().withJsonByteOrderMark(true).start()) {
            assertTrue(startsWith(jsonEntryPoint(own), bom));
            SimTestClient ownClient = new SimTestClient(own);
            byte[] xml = ownClient.send(ownClient.request("/"), HttpResponse.BodyHandlers.ofByteArray()).body();
            assertArrayEquals("<?xml".getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(xml, 5));
        }
    }

    // --- recording and concurrency

    @Test
    void requestsAreRecordedWithTheirAnswers() {
        try (EmSimulator own = new EmSimulator().start()) {
            SimTestClient ownClient = new SimTestClient(own);
            String token = ownClient.logon();
            ownClient.send(ownClient.request("/jobs/" + EmSimulator.SEED_ORACLE_JOB_ID + "/includes?x=1")
                    .header("x-restsvcsessionid", token).header("X-Custom", "one"));
            ownClient.send(ownClient.request("/tasks").method("PUT", HttpRequest.BodyPublishers.ofString("<b/>")));

            List<RecordedRequest> all = own.getRequests();
            assertEquals(3, all.size());
            assertEquals("POST", all.get(0).method());
            assertEquals("/api/sessionMngr/", all.get(0).path());
            assertEquals("v=latest", all.get(0).query());
            assertEquals(201, all.get(0).status());
            assertTrue(all.get(0).header("authorization").startsWith("Basic "));

            RecordedRequest includes = all.get(1);
            assertEquals("/api/jobs/" + EmSimulator.SEED_ORACLE_JOB_ID + "/includes", includes.path());
            assertEquals("x=1", includes.query());
            assertEquals(token, includes.header("X-RestSvcSessionId"));
            assertEquals(List.of("one"), includes.headers().get("x-custom"));
            assertEquals("", includes.body());
            assertEquals(200, includes.status());

            assertEquals("<b/>", all.get(2).body());
            assertEquals(401, all.get(2).status()); // no token: the session check comes first
            assertTrue(!all.get(2).receivedAt().isBefore(all.get(0).receivedAt()));

            assertEquals(List.of(includes), own.getRequests("GET", "/api/jobs/.*/includes"));
            assertEquals(List.of(), own.getRequests("DELETE", "/api/.*"));
            own.clearRequests();
            assertEquals(List.of(), own.getRequests());
        }
    }

    @Test
    void manyConcurrentRequestsAreAllAnsweredAndRecorded() {
        try (EmSimulator own = new EmSimulator().start()) {
            SimTestClient ownClient = new SimTestClient(own);
            String token = ownClient.logon();
            own.clearRequests();
            HttpClient http = HttpClient.newHttpClient();
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 250; i++) {
                calls.add(http.sendAsync(ownClient.request("/jobs/" + EmSimulator.SEED_ORACLE_JOB_ID + "/includes")
                        .header("X-RestSvcSessionId", token).build(), HttpResponse.BodyHandlers.ofString()));
            }
            calls.forEach(call -> assertEquals(200, call.join().statusCode()));
            assertEquals(250, own.getRequests("GET", "/api/jobs/.*").size());
            assertTrue(own.getRequests().stream().allMatch(r -> r.status() == 200));
        }
    }

    @Test
    void closeStopsTheServerAndEndsItsThreads() {
        Set<Thread> before = simulatorThreads();
        EmSimulator own = new EmSimulator().start();
        SimTestClient ownClient = new SimTestClient(own);
        ownClient.delete("/jobs/" + EmSimulator.SEED_ORACLE_JOB_ID + "/includes/" + EmSimulator.SEED_ORACLE01_INCLUDE_ID,
                ownClient.logon());
        Set<Thread> started = simulatorThreads();
        started.removeAll(before);
        assertFalse(started.isEmpty());

        own.close();

        // a pool reports termination just before its last worker thread exits: allow that instant
        for (Thread thread : started) {
            assertDoesNotThrow(() -> thread.join(Duration.ofSeconds(2).toMillis()));
        }
        assertTrue(started.stream().noneMatch(Thread::isAlive), started::toString);
        assertThrows(UncheckedIOException.class, () -> ownClient.send(ownClient.request("/")));
        own.close(); // a second close is harmless
    }

    // --- helpers

    private static Set<Thread> simulatorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("em-simulator-") || t.getName().equals("HTTP-Dispatcher"))
                .collect(Collectors.toCollection(HashSet::new));
    }

    private static SimJob jobWithIncludes(int count) {
        SimJob job = sim.addJob(UUID.randomUUID().toString(), "Job " + count);
        for (int i = 1; i <= count; i++) {
            job.addInclude(UUID.randomUUID().toString(), VM_REF_PREFIX + "vm-" + (1000 + i), "vm" + i);
        }
        return job;
    }

    /** The include's path; {@code null} means the job's first include. */
    private static String includePath(SimJob job, SimInclude include) {
        SimInclude target = include != null ? include : job.getIncludes().get(0);
        return "/jobs/" + job.getId() + "/includes/" + target.getId();
    }

    private static String sessionIdOf(String token) {
        return new String(Base64.getDecoder().decode(token), StandardCharsets.US_ASCII);
    }

    private static String awaitJsonTaskState(String token, String taskId, String state) {
        client.awaitTaskState(token, taskId, state);
        return client.get("/tasks/" + taskId, token, "application/json").body();
    }

    private static byte[] jsonEntryPoint(EmSimulator target) {
        SimTestClient targetClient = new SimTestClient(target);
        return targetClient
                .send(targetClient.request("/").header("Accept", "application/json"), HttpResponse.BodyHandlers.ofByteArray())
                .body();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from));
    }
}
