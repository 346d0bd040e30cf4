package dev.camelveeam.veeamem.simulator;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_EXCHANGE_JOB_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE_JOB_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Jobs, job actions, adding includes and backup sessions, seen through a plain java.net.http client. */
class EmSimulatorJobsTest {

    private static final String VM_REF_PREFIX = "urn:VMware:Vm:" + EmSimulator.SEED_HIERARCHY_ROOT_ID + ".";
    private static final String EM_NS = "xmlns=\"http://www.veeam.com/ent/v1.0\"";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static EmSimulator sim;
    private static SimTestClient client;

    @BeforeAll
    static void start() {
        sim = new EmSimulator().withTaskRunTime(Duration.ofMillis(20)).withTaskCollectTime(Duration.ofMillis(10)).start();
        client = new SimTestClient(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    // --- reading jobs

    @Test
    void jobsListsReferencesInXmlAndJson() throws Exception {
        String token = client.logon();
        XmlAnswer refs = XmlAnswer.of(client.get("/jobs", token).body());
        assertEquals("EntityReferences", refs.rootName());
        int oracle = refs.attributes("Ref", "UID").indexOf("urn:veeam:Job:" + SEED_ORACLE_JOB_ID);
        assertTrue(oracle >= 0, refs.attributes("Ref", "UID").toString());
        assertEquals("Oracle Backup", refs.attributes("Ref", "Name").get(oracle));
        assertEquals("JobReference", refs.attributes("Ref", "Type").get(oracle));
        assertEquals(sim.getBaseUrl() + "/jobs/" + SEED_ORACLE_JOB_ID, refs.attributes("Ref", "Href").get(oracle));
        List<String> hrefs = refs.attributes("Link", "Href");
        assertTrue(hrefs.contains(sim.getBaseUrl() + "/jobs/" + SEED_ORACLE_JOB_ID + "?format=Entity"), hrefs.toString());
        assertTrue(hrefs.contains(sim.getBaseUrl() + "/jobs/" + SEED_ORACLE_JOB_ID + "/backupSessions"), hrefs.toString());

        JsonNode json = JSON.readTree(client.get("/jobs", token, "application/json").body());
        assertEquals(List.of("Refs"), keys(json));
        JsonNode ref = find(json.get("Refs"), "Name", "Oracle Backup");
        assertEquals(List.of("Links", "UID", "Name", "Href", "Type"), keys(ref));
        assertEquals(List.of("Up", "Alternate", "Down"), texts(ref.get("Links"), "Rel"));
        assertEquals(List.of("BackupServerReference", "Job", "BackupJobSessionReferenceList"), texts(ref.get("Links"), "Type"));
    }

    @Test
    void jobsAsEntitiesCarryScheduleAndIncludes() throws Exception {
        String token = client.logon();
        XmlAnswer jobs = XmlAnswer.of(client.get("/jobs?format=Entity", token).body());
        assertEquals("Jobs", jobs.rootName());
        assertTrue(jobs.attributes("Job", "Name").containsAll(List.of("Oracle Backup", "Exchange Backup")));

        JsonNode json = JSON.readTree(client.get("/jobs?format=entity", token, "application/json").body());
        assertEquals(List.of("Jobs"), keys(json));
        JsonNode oracle = find(json.get("Jobs"), "Name", "Oracle Backup");
        assertEquals(List.of("JobType", "Platform", "Description", "ScheduleConfigured", "ScheduleEnabled", "NextRun",
                "JobScheduleOptions", "JobInfo", "Name", "UID", "Links", "Href", "Type"), keys(oracle));
        assertEquals("Backup", oracle.get("JobType").textValue());
        assertEquals("VMware", oracle.get("Platform").textValue());
        assertTrue(oracle.get("ScheduleEnabled").booleanValue());
        JsonNode includes = oracle.get("JobInfo").get("BackupJobInfo").get("Includes").get("ObjectInJobs");
        assertEquals(List.of("oracle01", "oracle02"), texts(includes, "Name"));
        assertTrue(oracle.get("JobInfo").get("ReplicaJobInfo").isNull());
    }

    @Test
    void oneJobByGuidOrUrnAsEntityRefOrEntity() {
        String token = client.logon();
        SimJob job = newJob("Read me");

        XmlAnswer ref = XmlAnswer.of(client.get("/jobs/urn:veeam:Job:" + job.getId().toUpperCase(), token).body());
        assertEquals("EntityRef", ref.rootName());
        assertEquals(List.of("urn:veeam:Job:" + job.getId()), ref.attributes("EntityRef", "UID"));

        String path = sim.getBaseUrl() + "/jobs/" + job.getId();
        XmlAnswer entity = XmlAnswer.of(client.get("/jobs/" + job.getId() + "?format=Entity", token).body());
        assertEquals("Job", entity.rootName());
        assertEquals(List.of(path + "?format=Entity"), entity.attributes("Job", "Href"));
        assertEquals(
                List.of("Up", "Alternate", "Edit", "Clone", "ToggleScheduleEnabled", "Down", "Down", "Create", "Start", "Stop",
                        "Retry"),
                entity.attributes("Link", "Rel").subList(0, 11));
        List<String> hrefs = entity.attributes("Link", "Href");
        assertTrue(hrefs.containsAll(List.of(path + "?action=start", path + "?action=stop", path + "?action=retry",
                path + "?action=clone", path + "?action=toggleScheduleEnabled", path + "/includes", path + "/backupSessions")),
                hrefs.toString());
        assertEquals(
                List.of("Links", "JobType", "Platform", "Description", "ScheduleConfigured", "ScheduleEnabled", "NextRun",
                        "JobInfo"),
                entity.childNames("Job"));
        assertEquals(List.of(SimJob.DEFAULT_DESCRIPTION), entity.texts("Description"));
        Instant nextRun = Instant.parse(entity.texts("NextRun").get(0));
        assertTrue(nextRun.isAfter(Instant.now()) && nextRun.isBefore(Instant.now().plus(1, ChronoUnit.DAYS)),
                nextRun::toString);

        job.setScheduleEnabled(false).setDescription("Nightly");
        XmlAnswer disabled = XmlAnswer.of(client.get("/jobs/" + job.getId() + "?format=Entity", token).body());
        assertEquals(List.of("false"), disabled.texts("ScheduleEnabled"));
        assertEquals(List.of(), disabled.texts("NextRun"), "no next run while the schedule is disabled");
        assertEquals(List.of("Nightly"), disabled.texts("Description"));
    }

    @Test
    void badJobIdsAndFormats() {
        String token = client.logon();
        assertEquals(400, client.get("/jobs/null", token).statusCode());
        assertEquals(404, client.get("/jobs/" + UUID.randomUUID(), token).statusCode());
        assertEquals(404, client.post("/jobs/" + UUID.randomUUID() + "?action=start", token).statusCode());
        HttpResponse<String> format = client.get("/jobs?format=Everything", token);
        assertEquals(400, format.statusCode());
        assertTrue(format.body().contains("Everything"), format.body());
        HttpResponse<String> put = client.send(client.request("/jobs/" + SEED_ORACLE_JOB_ID + "?action=edit")
                .header("X-RestSvcSessionId", token).PUT(java.net.http.HttpRequest.BodyPublishers.ofString("<Job/>")));
        assertEquals(405, put.statusCode());
        assertEquals("GET, POST", put.headers().firstValue("Allow").orElseThrow());
        assertEquals(401, client.get("/jobs", "bogus").statusCode());
    }

    // --- actions

    @Test
    void startCreatesAWorkingSessionWhenTheTaskFinishes() {
        try (EmSimulator own = fastSimulator().withBackupSessionRunTime(Duration.ofHours(1)).start()) {
            SimTestClient ownClient = new SimTestClient(own);
            String token = ownClient.logon();
            HttpResponse<String> accepted = ownClient.post("/jobs/" + SEED_EXCHANGE_JOB_ID + "?action=start", token);
            assertEquals(202, accepted.statusCode());
            assertTrue(accepted.body().contains("<State>Running</State><Operation>StartJob</Operation>"), accepted.body());

            String finished = ownClient.awaitTaskState(token, SimTestClient.taskId(accepted), "Finished");
            assertTrue(
                    finished.contains(
                            "<Result Success=\"true\"><Message>Job \"Exchange Backup\" triggered to start.</Message>"),
                    finished);
            SimBackupSession run = latest(own, SEED_EXCHANGE_JOB_ID);
            assertEquals(SimBackupSession.State.Working, run.getState());
            assertEquals(SimBackupSession.Result.None, run.getResult());
            assertFalse(run.isRetry());
            assertNull(run.getEndTime());
            assertTrue(Duration.between(run.getCreationTime(), Instant.now()).abs().compareTo(Duration.ofSeconds(10)) < 0);

            String again = ownClient.awaitTaskState(token, SimTestClient.taskId(ownClient.post("/jobs/" + SEED_EXCHANGE_JOB_ID
                                                                                               + "?action=start",
                    token)), "Finished");
            assertTrue(
                    again.contains("<Result Success=\"false\"><Message>Job \"Exchange Backup\" is already running.</Message>"),
                    again);
            assertEquals(2, own.getBackupSessions(SEED_EXCHANGE_JOB_ID).size(), "no second session");
        }
    }

    @Test
    void aStartedSessionEndsAfterTheRunTimeWithTheConfiguredResult() {
        try (EmSimulator own = fastSimulator().withBackupSessionRunTime(Duration.ofMillis(30))
                .withNextBackupSessionResult(SimBackupSession.Result.Warning).start()) {
            SimTestClient ownClient = new SimTestClient(own);
            String token = ownClient.logon();
            ownClient.awaitTaskState(token,
                    SimTestClient.taskId(ownClient.post("/jobs/" + SEED_ORACLE_JOB_ID + "?action=start", token)),
                    "Finished");
            SimBackupSession run = latest(own, SEED_ORACLE_JOB_ID);
            SimTestClient.eventually("the session's end", () -> run.getState() == SimBackupSession.State.Stopped);
            assertEquals(SimBackupSession.Result.Warning, run.getResult());
            assertTrue(!run.getEndTime().isBefore(run.getCreationTime()));
            assertEquals("Simulated warning.", run.getFailureMessage());
            assertThrows(IllegalArgumentException.class, () -> own.withNextBackupSessionResult(SimBackupSession.Result.None));
        }
    }

    @Test
    void stopEndsTheRunningSessionAsFailedAndFailsWhenNothingRuns() {
        String token = client.logon();
        SimJob job = newJob("Stop me");
        SimBackupSession running
                = sim.addBackupSession(job.getId(), SimBackupSession.State.Working, SimBackupSession.Result.None,
                        Instant.now().minusSeconds(60), null);

        HttpResponse<String> accepted = client.post("/jobs/" + job.getId() + "?action=stop", token);
        assertTrue(accepted.body().contains("<Operation>StopJob</Operation>"), accepted.body());
        String finished = client.awaitTaskState(token, SimTestClient.taskId(accepted), "Finished");
        assertTrue(finished.contains("<Message>Job \"Stop me\" triggered to stop.</Message>"), finished);
        assertEquals(SimBackupSession.State.Stopped, running.getState());
        assertEquals(SimBackupSession.Result.Failed, running.getResult());
        assertEquals("Job has been stopped by user.", running.getFailureMessage());
        assertTrue(running.getEndTime() != null);

        String again = client.awaitTaskState(token,
                SimTestClient.taskId(client.post("/jobs/" + job.getId() + "?action=stop", token)),
                "Finished");
        assertTrue(again.contains("<Result Success=\"false\"><Message>Job \"Stop me\" is not running.</Message>"), again);
    }

    @Test
    void retryRunsOnlyAJobWhoseLastSessionFailed() {
        String token = client.logon();
        SimJob succeeded = newJob("Retry after success");
        Instant earlier = Instant.now().minus(2, ChronoUnit.HOURS);
        sim.addBackupSession(succeeded.getId(), SimBackupSession.State.Stopped, SimBackupSession.Result.Failed, earlier,
                earlier.plusSeconds(60));
        sim.addBackupSession(succeeded.getId(), SimBackupSession.State.Stopped, SimBackupSession.Result.Success,
                earlier.plusSeconds(3600),
                earlier.plusSeconds(3700));
        SimJob neverRan = newJob("Never ran");
        SimJob failed = newJob("Retry after failure");
        sim.addBackupSession(failed.getId(), SimBackupSession.State.Stopped, SimBackupSession.Result.Failed, earlier,
                earlier.plusSeconds(60));

        String refused = client.awaitTaskState(token,
                SimTestClient.taskId(client.post("/jobs/" + succeeded.getId() + "?action=retry", token)),
                "Finished");
        assertTrue(refused
                .contains(
                        "<Result Success=\"false\"><Message>Job \"Retry after success\" cannot be retried: only a job whose last"
                          + " session ended Failed can be retried, and its last session is Stopped with result Success.</Message>"),
                refused);
        String never = client.awaitTaskState(token,
                SimTestClient.taskId(client.post("/jobs/" + neverRan.getId() + "?action=retry", token)),
                "Finished");
        assertTrue(never.contains("Success=\"false\"") && never.contains("it has never run"), never);

        HttpResponse<String> accepted = client.post("/jobs/" + failed.getId() + "?action=retry", token);
        assertTrue(accepted.body().contains("<Operation>RetryJob</Operation>"), accepted.body());
        String retried = client.awaitTaskState(token, SimTestClient.taskId(accepted), "Finished");
        assertTrue(retried.contains("<Message>Job \"Retry after failure\" triggered to retry.</Message>"), retried);
        SimBackupSession retry = latest(sim, failed.getId());
        assertTrue(retry.isRetry());
        XmlAnswer entity = XmlAnswer.of(client.get("/backupSessions/" + retry.getId() + "?format=Entity", token).body());
        assertEquals(List.of("true"), entity.texts("IsRetry"));
    }

    @Test
    void toggleScheduleEnabledFlipsTheScheduleWhenTheTaskFinishes() {
        String token = client.logon();
        SimJob job = newJob("Toggle me");
        HttpResponse<String> accepted
                = client.post("/jobs/urn:veeam:Job:" + job.getId() + "?action=toggleScheduleEnabled", token);
        assertEquals(202, accepted.statusCode());
        assertTrue(accepted.body().contains("<Operation>UpdateJob</Operation>"), accepted.body());
        assertTrue(client.awaitTaskState(token, SimTestClient.taskId(accepted), "Finished").contains("<Message>Ok</Message>"));
        assertFalse(job.isScheduleEnabled());

        client.awaitTaskState(token,
                SimTestClient.taskId(client.post("/jobs/" + job.getId() + "?action=TOGGLESCHEDULEENABLED", token)),
                "Finished");
        assertTrue(job.isScheduleEnabled());
    }

    @Test
    void cloneCopiesTheJobUnderANewIdAndLinksItFromTheTask() {
        String token = client.logon();
        SimJob source = newJob("Clone source");
        source.addInclude(UUID.randomUUID().toString(), VM_REF_PREFIX + "vm-102", "web02");
        HttpResponse<String> accepted = client.post("/jobs/" + source.getId() + "?action=clone", token, "application/xml",
                cloneSpecXml("Clone target"));
        assertEquals(202, accepted.statusCode(), accepted.body());
        assertTrue(accepted.body().contains("<Operation>CloneJob</Operation>"), accepted.body());

        XmlAnswer finished = XmlAnswer.of(client.awaitTaskState(token, SimTestClient.taskId(accepted), "Finished"));
        assertEquals(List.of("Delete", "Related"), finished.attributes("Link", "Rel"));
        assertEquals("Job", finished.attributes("Link", "Type").get(1));
        assertEquals("Clone target", finished.attributes("Link", "Name").get(1));
        String related = finished.attributes("Link", "Href").get(1);
        assertTrue(related.matches(sim.getBaseUrl().replace(".", "\\.") + "/jobs/[0-9a-f-]{36}\\?format=Entity"), related);

        String cloneId = related.substring(related.lastIndexOf('/') + 1, related.indexOf('?'));
        SimJob clone = sim.getJob(cloneId).orElseThrow();
        assertEquals("Clone target", clone.getName());
        assertEquals(source.getIncludes().stream().map(SimInclude::getHierarchyObjRef).toList(),
                clone.getIncludes().stream().map(SimInclude::getHierarchyObjRef).toList());
        assertTrue(clone.getIncludes().stream().noneMatch(i -> source.findInclude(i.getId()).isPresent()),
                "new ObjectInJobIds");
        XmlAnswer entity = XmlAnswer.of(client.get(related.substring(sim.getBaseUrl().length()), token).body());
        assertEquals(List.of("Clone target"), entity.attributes("Job", "Name"));
        RecordedRequest recorded = sim.getRequests("POST", "/api/jobs/" + source.getId()).get(0);
        assertEquals("action=clone", recorded.query());
        assertTrue(recorded.body().contains("<JobName>Clone target</JobName>"), recorded.body());
    }

    @Test
    void cloneAcceptsJsonInEitherCasingAndFailsTheTaskOnADuplicateName() throws Exception {
        String token = client.logon();
        SimJob source = newJob("Json clone source");
        String pascal = "{\"BackupJobCloneInfo\":{\"JobName\":\"Json clone\",\"FolderName\":\"Backups\","
                        + "\"RepositoryUid\":\"urn:veeam:Repository:0d2e6bbd-3b2a-4a8e-8f0e-2f6c1f7d9c11\",\"Description\":\"From JSON\"}}";
        HttpResponse<String> accepted = client.send(client.request("/jobs/" + source.getId() + "?action=clone")
                .header("X-RestSvcSessionId", token).header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(pascal)));
        assertEquals(202, accepted.statusCode(), accepted.body());
        String taskId = JSON.readTree(accepted.body()).get("TaskId").textValue();
        client.awaitTaskState(token, taskId, "Finished");
        JsonNode task = JSON.readTree(client.get("/tasks/" + taskId, token, "application/json").body());
        JsonNode relatedLink = task.get("Links").get(1);
        assertEquals("Related", relatedLink.get("Rel").textValue());
        assertEquals("Json clone", relatedLink.get("Name").textValue());
        SimJob clone = sim.getJob(relatedLink.get("Href").textValue().replaceAll(".*/jobs/([^?]+).*", "$1")).orElseThrow();
        assertEquals("From JSON", clone.getDescription());

        String camel = "{\"backupJobCloneInfo\":{\"jobName\":\"JSON CLONE\",\"folderName\":\"Backups\","
                       + "\"repositoryUid\":\"urn:veeam:Repository:0d2e6bbd-3b2a-4a8e-8f0e-2f6c1f7d9c11\"}}";
        HttpResponse<String> duplicate
                = client.post("/jobs/" + source.getId() + "?action=clone", token, "application/json; charset=utf-8",
                        camel);
        assertEquals(202, duplicate.statusCode(), duplicate.body());
        String failed = client.awaitTaskState(token, SimTestClient.taskId(duplicate), "Finished");
        assertTrue(failed.contains(
                "<Result Success=\"false\"><Message>Cannot clone job \"Json clone source\": a job named \"JSON CLONE\""
                                   + " already exists.</Message></Result>"),
                failed);
        assertFalse(failed.contains("Related"), failed);
    }

    @Test
    void malformedCloneRequestsAre400() {
        String token = client.logon();
        String path = "/jobs/" + newJob("Bad clones").getId() + "?action=clone";
        String tooLong = "x".repeat(JobActionResource.MAX_JOB_NAME_LENGTH + 1);
        List<String> bodies = List.of("", "<JobCloneSpec", "<JobCloneSpec xmlns=\"http://www.veeam.com/ent/v1.0\"/>",
                cloneSpecXml(tooLong), cloneSpecXml("ok").replace(EM_NS, "xmlns=\"urn:other\""),
                cloneSpecXml("ok").replace("urn:veeam:Repository:0d2e6bbd-3b2a-4a8e-8f0e-2f6c1f7d9c11", "repo1"),
                cloneSpecXml("ok").replace("<FolderName>Backups</FolderName>", ""));
        for (String body : bodies) {
            HttpResponse<String> response = client.post(path, token, "application/xml", body);
            assertEquals(400, response.statusCode(), body + " -> " + response.body());
        }
        HttpResponse<String> tooLongAnswer = client.post(path, token, "application/xml", cloneSpecXml(tooLong));
        assertTrue(tooLongAnswer.body().contains("50 characters"), tooLongAnswer.body());
        assertEquals(400, client.post(path, token, "application/json", "{\"BackupJobCloneInfo\":\"flat\"}").statusCode());
        assertEquals(400, client.post(path, token, "application/json", "[1,2]").statusCode());
        assertEquals(400,
                client.post(path, token, "application/json",
                        "{\"ReplicaJobCloneInfo\":{\"JobName\":\"r\",\"VmSuffix\":\"_r\"}}")
                        .statusCode());
    }

    @Test
    void unknownOrMissingActionsAre400() {
        String token = client.logon();
        HttpResponse<String> unknown = client.post("/jobs/" + SEED_ORACLE_JOB_ID + "?action=explode", token);
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("explode"), unknown.body());
        assertEquals(400, client.post("/jobs/" + SEED_ORACLE_JOB_ID, token).statusCode());
    }

    // --- adding includes

    @Test
    void addingAnIncludeFromXmlRunsAnUpdateJobTaskThatAddsItWhenFinished() {
        String token = client.logon();
        SimJob job = newJob("Add XML");
        String body = "<?xml version=\"1.0\" encoding=\"utf-8\"?><CreateObjectInJobSpec " + EM_NS
                      + " xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\"><HierarchyObjRef>" + VM_REF_PREFIX
                      + "vm-101</HierarchyObjRef>"
                      + "<HierarchyObjName>web01</HierarchyObjName><Order>2</Order><GuestProcessingOptions><VssSnapshotOptions>"
                      + "<VssSnapshotMode>Disabled</VssSnapshotMode></VssSnapshotOptions></GuestProcessingOptions></CreateObjectInJobSpec>";

        HttpResponse<String> accepted = client.post("/jobs/" + job.getId() + "/includes", token, "application/xml", body);

        assertEquals(202, accepted.statusCode(), accepted.body());
        assertTrue(accepted.body().contains("<State>Running</State><Operation>UpdateJob</Operation>"), accepted.body());
        String finished = client.awaitTaskState(token, SimTestClient.taskId(accepted), "Finished");
        assertTrue(finished.contains("<Result Success=\"true\"><Message>Ok</Message></Result>"), finished);
        SimInclude added = job.getIncludes().get(1);
        assertEquals(VM_REF_PREFIX + "vm-101", added.getHierarchyObjRef());
        assertEquals("web01", added.getName());
        assertEquals(200, client.get("/jobs/" + job.getId() + "/includes/" + added.getId(), token).statusCode());
        assertEquals(body, sim.getRequests("POST", "/api/jobs/" + job.getId() + "/includes").get(0).body());
    }

    @Test
    void addingAnIncludeFromJsonAcceptsEitherCasingAndFailsForAnObjectAlreadyIncluded() {
        String token = client.logon();
        SimJob job = newJob("Add JSON");
        HttpResponse<String> pascal = client.post("/jobs/" + job.getId() + "/includes", token, "application/json",
                "{\"HierarchyObjRef\":\"" + VM_REF_PREFIX + "vm-201\",\"HierarchyObjName\":\"dup-vm\",\"GuestProcessingOptions\":{}}");
        HttpResponse<String> camel = client.post("/jobs/" + job.getId() + "/includes", token, "application/json",
                "{\"hierarchyObjRef\":\"" + VM_REF_PREFIX.replace(":Vm:",
                        ":VM:") + "vm-202\",\"hierarchyObjName\":\"dup-vm\"}");
        assertEquals(202, pascal.statusCode(), pascal.body());
        assertEquals(202, camel.statusCode(), camel.body());
        client.awaitTaskState(token, SimTestClient.taskId(pascal), "Finished");
        client.awaitTaskState(token, SimTestClient.taskId(camel), "Finished");
        assertEquals(List.of("vm1", "dup-vm", "dup-vm"), job.getIncludes().stream().map(SimInclude::getName).toList());

        HttpResponse<String> again = client.post("/jobs/" + job.getId() + "/includes", token, "application/json",
                "{\"HierarchyObjRef\":\"" + VM_REF_PREFIX.toUpperCase() + "VM-201\",\"HierarchyObjName\":\"dup-vm\"}");
        String failed = client.awaitTaskState(token, SimTestClient.taskId(again), "Finished");
        assertTrue(failed.contains("Success=\"false\"") && failed.contains("is already included in job \"Add JSON\""), failed);
        assertEquals(3, job.getIncludes().size());
    }

    @Test
    void malformedIncludeRequestsAre400() {
        String token = client.logon();
        String path = "/jobs/" + newJob("Bad includes").getId() + "/includes";
        String ref = "<HierarchyObjRef>" + VM_REF_PREFIX + "vm-101</HierarchyObjRef>";
        String name = "<HierarchyObjName>web01</HierarchyObjName>";
        List<String> xmlBodies = List.of("", "   ", "not xml", "<CreateObjectInJobSpec " + EM_NS + ">" + ref,
                "<CreateObjectInJobSpec>" + ref + name + "</CreateObjectInJobSpec>",
                "<ObjectInJob " + EM_NS + ">" + ref + name + "</ObjectInJob>",
                "<CreateObjectInJobSpec " + EM_NS + ">" + ref + "</CreateObjectInJobSpec>",
                "<CreateObjectInJobSpec " + EM_NS + ">" + name + ref + "</CreateObjectInJobSpec>",
                "<CreateObjectInJobSpec " + EM_NS + ">" + ref + "<HierarchyObjName> </HierarchyObjName></CreateObjectInJobSpec>",
                "<CreateObjectInJobSpec " + EM_NS + "><HierarchyObjRef>vm-101</HierarchyObjRef>" + name + "</CreateObjectInJobSpec>",
                "<CreateObjectInJobSpec " + EM_NS + ">" + ref + name + "<Order>first</Order></CreateObjectInJobSpec>",
                "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><CreateObjectInJobSpec " + EM_NS + ">" + ref + name
                                                                                                                       + "</CreateObjectInJobSpec>");
        for (String body : xmlBodies) {
            HttpResponse<String> response = client.post(path, token, "application/xml", body);
            assertEquals(400, response.statusCode(), body + " -> " + response.body());
            assertTrue(response.body().contains("Status=\"BadRequest\""), response.body());
        }
        HttpResponse<String> outOfOrder = client.post(path, token, "application/xml",
                "<CreateObjectInJobSpec " + EM_NS + ">" + name + ref + "</CreateObjectInJobSpec>");
        assertTrue(outOfOrder.body().contains("CreateObjectInJobSpec/HierarchyObjRef is required."), outOfOrder.body());

        for (String body : List.of("{", "{\"HierarchyObjRef\":\"" + VM_REF_PREFIX + "vm-1\"}", "{\"HierarchyObjRef\":{\"a\":1},"
                                                                                               + "\"HierarchyObjName\":\"x\"}",
                "\"text\"")) {
            assertEquals(400, client.post(path, token, "application/json", body).statusCode(), body);
        }
        assertEquals(400,
                client.post(path, token, "text/plain",
                        "{\"HierarchyObjRef\":\"" + VM_REF_PREFIX + "vm-1\",\"HierarchyObjName\":\"x\"}")
                        .statusCode(),
                "without a JSON content type the body is read as XML");
        assertEquals(1, sim.getJob(path.split("/")[2]).orElseThrow().getIncludes().size());
    }

    // --- backup sessions

    @Test
    void backupSessionsAsReferencesAndEntities() throws Exception {
        String token = client.logon();
        String id = EmSimulator.SEED_ORACLE_FAILED_SESSION_ID;
        XmlAnswer all = XmlAnswer.of(client.get("/backupSessions", token).body());
        assertEquals("EntityReferences", all.rootName());
        assertTrue(all.attributes("Ref", "UID").contains("urn:veeam:BackupJobSession:" + id),
                all.attributes("Ref", "UID").toString());
        assertTrue(all.attributes("Ref", "Type").stream().allMatch("BackupJobSessionReference"::equals));

        XmlAnswer ref = XmlAnswer.of(client.get("/backupSessions/urn:veeam:BackupJobSession:" + id, token).body());
        assertEquals("EntityRef", ref.rootName());
        assertEquals(List.of(sim.getBaseUrl() + "/backupSessions/" + id), ref.attributes("EntityRef", "Href"));

        HttpResponse<String> entityAnswer = client.get("/backupSessions/" + id + "?format=Entity", token);
        XmlAnswer entity = XmlAnswer.of(entityAnswer.body());
        assertEquals(
                List.of("Links", "JobUid", "JobName", "JobType", "CreationTimeUTC", "EndTimeUTC", "State", "Result", "Progress",
                        "FailureMessage", "IsRetry"),
                entity.childNames("BackupJobSession"));
        SimBackupSession seeded = sim.getBackupSessions(SEED_ORACLE_JOB_ID).stream().filter(s -> s.getId().equals(id))
                .findFirst().orElseThrow();
        String stamp = seeded.getCreationTime().toString().replace('T', ' ').replace("Z", "");
        assertEquals(List.of("Oracle Backup@" + stamp), entity.attributes("BackupJobSession", "Name"));
        assertEquals(List.of(sim.getBaseUrl() + "/backupSessions/" + id + "?format=Entity"),
                entity.attributes("BackupJobSession", "Href"));
        assertEquals(List.of("urn:veeam:Job:" + SEED_ORACLE_JOB_ID), entity.texts("JobUid"));
        assertEquals(List.of("Stopped", "Failed", "100", "Simulated failure.", "false"), List.of(entity.texts("State").get(0),
                entity.texts("Result").get(0), entity.texts("Progress").get(0), entity.texts("FailureMessage").get(0),
                entity.texts("IsRetry").get(0)));
        assertEquals(List.of(seeded.getCreationTime().toString()), entity.texts("CreationTimeUTC"));
        assertEquals(List.of("Up", "Up", "Alternate", "Down"), entity.attributes("Link", "Rel"));

        JsonNode json = JSON
                .readTree(client.get("/backupSessions/" + EmSimulator.SEED_ORACLE_SUCCESS_SESSION_ID + "?format=Entity", token,
                        "application/json").body());
        assertEquals(List.of("IsRetry", "JobUid", "JobName", "JobType", "CreationTimeUTC", "EndTimeUTC", "State", "Result",
                "Progress",
                "FailureMessage", "Name", "UID", "Links", "Href", "Type"), keys(json));
        assertTrue(json.get("FailureMessage").isNull());
        assertEquals(100, json.get("Progress").intValue());
        assertFalse(json.get("IsRetry").booleanValue());

        JsonNode entities = JSON.readTree(client.get("/backupSessions?format=Entity", token, "application/json").body());
        assertEquals(List.of("BackupJobSessions"), keys(entities));
        assertTrue(entities.get("BackupJobSessions").size() >= 3);
    }

    @Test
    void aRunningSessionHasNoEndTimeAndAnEmptyFailureMessage() throws Exception {
        String token = client.logon();
        SimJob job = newJob("Running");
        SimBackupSession running
                = sim.addBackupSession(job.getId(), SimBackupSession.State.Working, SimBackupSession.Result.None,
                        Instant.parse("2025-08-15T06:00:00.120Z"), null);
        String xml = client.get("/backupSessions/" + running.getId() + "?format=Entity", token).body();
        assertTrue(xml.contains(
                "<CreationTimeUTC>2025-08-15T06:00:00.12Z</CreationTimeUTC><State>Working</State><Result>None</Result>"
                                + "<Progress>0</Progress><FailureMessage/><IsRetry>false</IsRetry>"),
                xml);
        assertTrue(xml.contains("Name=\"Running@2025-08-15 06:00:00\""), xml);
        JsonNode json = JSON.readTree(
                client.get("/backupSessions/" + running.getId() + "?format=Entity", token, "application/json").body());
        assertTrue(json.get("EndTimeUTC").isNull() && json.get("FailureMessage").isNull(), json.toString());
    }

    @Test
    void jobBackupSessionsListOnlyThatJobsSessions_badIdsAre400And404() {
        String token = client.logon();
        XmlAnswer exchange = XmlAnswer.of(client.get("/jobs/" + SEED_EXCHANGE_JOB_ID + "/backupSessions", token).body());
        assertEquals(List.of("urn:veeam:BackupJobSession:" + EmSimulator.SEED_EXCHANGE_WARNING_SESSION_ID),
                exchange.attributes("Ref", "UID"));
        XmlAnswer entities
                = XmlAnswer.of(client.get("/jobs/" + SEED_EXCHANGE_JOB_ID + "/backupSessions?format=Entity", token).body());
        assertEquals("BackupJobSessions", entities.rootName());
        assertEquals(List.of("Warning"), entities.texts("Result"));

        assertEquals(400, client.get("/backupSessions/null", token).statusCode());
        assertEquals(404, client.get("/backupSessions/" + UUID.randomUUID(), token).statusCode());
        assertEquals(404, client.get("/jobs/" + UUID.randomUUID() + "/backupSessions", token).statusCode());
    }

    @Test
    void sessionCollectionsAreNotInTimeOrder() {
        try (EmSimulator own = fastSimulator().withSeedData(false).start()) {
            SimTestClient ownClient = new SimTestClient(own);
            String token = ownClient.logon();
            SimJob job = own.addJob(UUID.randomUUID().toString(), "Many runs");
            Instant first = Instant.parse("2025-01-01T00:00:00Z");
            List<String> byTime = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Instant created = first.plus(i, ChronoUnit.HOURS);
                byTime.add(own
                        .addBackupSession(job.getId(), SimBackupSession.State.Stopped, SimBackupSession.Result.Success, created,
                                created.plusSeconds(60))
                        .getId());
            }
            assertEquals(byTime, own.getBackupSessions(job.getId()).stream().map(SimBackupSession::getId).toList(),
                    "Java API: oldest first");

            List<String> wire = XmlAnswer.of(ownClient.get("/jobs/" + job.getId() + "/backupSessions", token).body())
                    .attributes("Ref", "UID")
                    .stream().map(uid -> uid.substring(uid.lastIndexOf(':') + 1)).toList();
            assertEquals(byTime.stream().sorted().toList(), wire, "by id");
            assertNotEquals(byTime, wire);
            assertEquals(wire, XmlAnswer.of(ownClient.get("/backupSessions", token).body()).attributes("Ref", "UID").stream()
                    .map(uid -> uid.substring(uid.lastIndexOf(':') + 1)).toList());
        }
    }

    @Test
    void addBackupSessionNeedsAnExistingJobAndRemoveAllJobsForgetsSessions() {
        try (EmSimulator own = fastSimulator().start()) {
            assertThrows(IllegalArgumentException.class, () -> own.addBackupSession(UUID.randomUUID().toString(),
                    SimBackupSession.State.Stopped, SimBackupSession.Result.Success, Instant.now(), null));
            assertEquals(2, own.getBackupSessions(SEED_ORACLE_JOB_ID).size());
            assertEquals(List.of(), own.getBackupSessions("not-a-guid"));
            own.removeAllJobs();
            assertEquals(List.of(), own.getBackupSessions(SEED_ORACLE_JOB_ID));
        }
    }

    @Test
    void em13CasingAppliesToJobsAndSessions() throws Exception {
        try (EmSimulator own = fastSimulator().withJsonCasing(EmSimulator.JsonCasing.EM13).start()) {
            SimTestClient ownClient = new SimTestClient(own);
            String token = ownClient.logon();
            JsonNode job = JSON.readTree(
                    ownClient.get("/jobs/" + SEED_ORACLE_JOB_ID + "?format=Entity", token, "application/json").body());
            assertEquals(List.of("jobType", "platform", "description", "scheduleConfigured", "scheduleEnabled", "nextRun",
                    "jobScheduleOptions",
                    "jobInfo", "name", "uid", "links", "href", "type"), keys(job));
            assertEquals(2, job.get("jobInfo").get("backupJobInfo").get("includes").get("objectInJobs").size());
            JsonNode refs = JSON.readTree(ownClient.get("/backupSessions", token, "application/json").body());
            assertEquals(List.of("links", "uid", "name", "href", "type"), keys(refs.get("refs").get(0)));
            JsonNode session = JSON
                    .readTree(ownClient.get("/backupSessions/" + EmSimulator.SEED_ORACLE_FAILED_SESSION_ID + "?format=Entity",
                            token, "application/json").body());
            assertEquals("isRetry", keys(session).get(0));
            assertEquals("Failed", session.get("result").textValue());
        }
    }

    // --- helpers

    private static EmSimulator fastSimulator() {
        return new EmSimulator().withTaskRunTime(Duration.ofMillis(10)).withTaskCollectTime(Duration.ZERO);
    }

    private static SimJob newJob(String name) {
        return sim.addJob(UUID.randomUUID().toString(), name).addInclude(UUID.randomUUID().toString(),
                VM_REF_PREFIX + "vm-48911", "vm1");
    }

    private static SimBackupSession latest(EmSimulator target, String jobId) {
        List<SimBackupSession> sessions = target.getBackupSessions(jobId);
        return sessions.get(sessions.size() - 1);
    }

    private static String cloneSpecXml(String jobName) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><JobCloneSpec " + EM_NS + "><BackupJobCloneInfo><JobName>" + jobName
               + "</JobName><FolderName>Backups</FolderName><RepositoryUid>urn:veeam:Repository:0d2e6bbd-3b2a-4a8e-8f0e-2f6c1f7d9c11"
               + "</RepositoryUid></BackupJobCloneInfo></JobCloneSpec>";
    }

    private static JsonNode find(JsonNode array, String key, String value) {
        for (JsonNode item : array) {
            if (value.equals(item.path(key).textValue())) {
                return item;
            }
        }
        throw new AssertionError("No " + key + "=" + value + " in " + array);
    }

    private static List<String> texts(JsonNode array, String key) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.get(key).isNull() ? null : item.get(key).asText()));
        return texts;
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
