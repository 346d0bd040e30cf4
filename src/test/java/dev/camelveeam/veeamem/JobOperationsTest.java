package dev.camelveeam.veeamem;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.camelveeam.veeamem.model.Job;
import dev.camelveeam.veeamem.model.Link;
import dev.camelveeam.veeamem.model.Task;
import dev.camelveeam.veeamem.simulator.RecordedRequest;
import dev.camelveeam.veeamem.simulator.SimBackupSession;
import dev.camelveeam.veeamem.simulator.SimJob;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_EXCHANGE_JOB_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE_JOB_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * listJobs, getJob and the job actions (start, stop, retry, toggleScheduleEnabled, clone) in XML and JSON.
 */
class JobOperationsTest extends VeeamEmTestSupport {

    @RegisterExtension
    static final EmSimulatorExtension EM = new EmSimulatorExtension(
            simulator -> simulator.withBackupSessionRunTime(Duration.ofHours(1)));

    @BeforeEach
    void reseed() {
        reseed(sim);
    }

    private Exchange call(String operation, VeeamEmFormat format, String jobId) {
        return template.request(uri(operation) + "&format=" + format,
                exchange -> exchange.getMessage().setHeader(VeeamEmConstants.JOB_ID, jobId));
    }

    @ParameterizedTest
    @EnumSource(VeeamEmFormat.class)
    void listJobsReturnsEntities(VeeamEmFormat format) {
        Exchange result = template.request(uri("listJobs") + "&format=" + format, exchange -> {
        });

        List<?> jobs = assertInstanceOf(List.class, result.getMessage().getBody());
        assertEquals(2, jobs.size());
        Job oracle = jobs.stream().map(Job.class::cast).filter(job -> job.getId().equals(SEED_ORACLE_JOB_ID))
                .findFirst().orElseThrow();
        assertEquals("Oracle Backup", oracle.getName());
        assertEquals("urn:veeam:Job:" + SEED_ORACLE_JOB_ID, oracle.getUid());
        assertEquals("Backup", oracle.getJobType());
        assertEquals(2, oracle.getIncludes().size());
        RecordedRequest request = sim.getRequests("GET", "/api/jobs").get(0);
        assertEquals("format=Entity", request.query());
    }

    @ParameterizedTest
    @EnumSource(VeeamEmFormat.class)
    void getJobAcceptsAnIdAUrnOrAName(VeeamEmFormat format) {
        for (String given : List.of(SEED_ORACLE_JOB_ID, "urn:veeam:Job:" + SEED_ORACLE_JOB_ID, "oracle backup")) {
            Job job = assertInstanceOf(Job.class, call("getJob", format, given).getMessage().getBody());
            assertEquals(SEED_ORACLE_JOB_ID, job.getId(), given);
            assertTrue(job.findLink("Start").isPresent(), "the entity carries its action links");
        }
        assertEquals(3, sim.getRequests("GET", "/api/jobs/" + SEED_ORACLE_JOB_ID).size());
        assertEquals(1, sim.getRequests("GET", "/api/jobs").size(), "only the name needed the job list");
    }

    @Test
    void aJobNameThatMatchesNothingOrSeveralJobsIsRefused() {
        sim.addJob("0b9d61a2-3c3f-4d5e-9f10-7a8b9c0d1e2f", "ORACLE BACKUP");

        Exception ambiguous = call("startJob", VeeamEmFormat.xml, "Oracle Backup").getException();
        Exception unknown = call("startJob", VeeamEmFormat.xml, "Nightly").getException();

        assertTrue(assertInstanceOf(IllegalArgumentException.class, ambiguous).getMessage()
                .contains("2 jobs named 'Oracle Backup'"), ambiguous.getMessage());
        assertTrue(assertInstanceOf(IllegalArgumentException.class, unknown).getMessage()
                .contains("No job named 'Nightly' (header CamelVeeamEmJobId or option jobId)"), unknown.getMessage());
        assertTrue(sim.getRequests("POST", "/api/jobs/.*").isEmpty());
    }

    @ParameterizedTest
    @EnumSource(VeeamEmFormat.class)
    void startThenStopAJob(VeeamEmFormat format) {
        Task started = assertFinishedTask(call("startJob", format, SEED_ORACLE_JOB_ID), true,
                "Job \"Oracle Backup\" triggered to start.");
        assertEquals("StartJob", started.getOperation());
        assertTrue(sim.getBackupSessions(SEED_ORACLE_JOB_ID).stream()
                .anyMatch(session -> session.getState() == SimBackupSession.State.Working), "a session runs");

        Task stopped = assertFinishedTask(call("stopJob", format, SEED_ORACLE_JOB_ID), true,
                "Job \"Oracle Backup\" triggered to stop.");
        assertEquals("StopJob", stopped.getOperation());
        assertFalse(sim.getBackupSessions(SEED_ORACLE_JOB_ID).stream()
                .anyMatch(session -> session.getState() == SimBackupSession.State.Working), "no session runs");

        List<RecordedRequest> actions = sim.getRequests("POST", "/api/jobs/" + SEED_ORACLE_JOB_ID);
        assertEquals(List.of("action=start", "action=stop"), actions.stream().map(RecordedRequest::query).toList());
        assertTrue(actions.stream().allMatch(action -> action.status() == 202));
    }

    @Test
    void startingARunningJobFailsTheExchangeWithTheTask() {
        assertFinishedTask(call("startJob", VeeamEmFormat.xml, SEED_ORACLE_JOB_ID), true, null);

        Exception failure = call("startJob", VeeamEmFormat.xml, SEED_ORACLE_JOB_ID).getException();

        VeeamEmTaskFailedException failed = assertInstanceOf(VeeamEmTaskFailedException.class, failure);
        assertEquals("StartJob", failed.getTask().getOperation());
        assertFalse(failed.getTask().getResult().isSuccess());
    }

    @ParameterizedTest
    @EnumSource(VeeamEmFormat.class)
    void retryRerunsAFailedJobOnly(VeeamEmFormat format) {
        sim.addBackupSession(SEED_EXCHANGE_JOB_ID, SimBackupSession.State.Stopped, SimBackupSession.Result.Failed,
                Instant.now().minusSeconds(60), Instant.now().minusSeconds(30));

        Task retried = assertFinishedTask(call("retryJob", format, SEED_EXCHANGE_JOB_ID), true,
                "Job \"Exchange Backup\" triggered to retry.");

        assertEquals("RetryJob", retried.getOperation());
        assertEquals(1, sim.getRequests("POST", "/api/jobs/" + SEED_EXCHANGE_JOB_ID).size());
        assertEquals("action=retry", sim.getRequests("POST", "/api/jobs/.*").get(0).query());
    }

    @ParameterizedTest
    @EnumSource(VeeamEmFormat.class)
    void toggleScheduleEnabledFlipsTheSchedule(VeeamEmFormat format) {
        SimJob job = sim.getJob(SEED_ORACLE_JOB_ID).orElseThrow();
        boolean before = job.isScheduleEnabled();

        assertFinishedTask(call("toggleScheduleEnabled", format, SEED_ORACLE_JOB_ID), true, null);

        assertNotEquals(before, job.isScheduleEnabled());
        Job seen = assertInstanceOf(Job.class, call("getJob", format, SEED_ORACLE_JOB_ID).getMessage().getBody());
        assertEquals(!before, seen.getScheduleEnabled());
    }

    @ParameterizedTest
    @EnumSource(VeeamEmFormat.class)
    void cloneJobNamesTheNewJobInTheRelatedLink(VeeamEmFormat format) {
        Exchange result = template.request(uri("cloneJob") + "&format=" + format + "&jobId=" + SEED_ORACLE_JOB_ID
                                           + "&cloneFolderName=OracleClone"
                                           + "&cloneRepositoryUid=urn:veeam:Repository:0c1b5a56-1d6e-4d5b-9a57-6a2b3c4d5e6f",
                exchange -> exchange.getMessage().setHeader(VeeamEmConstants.CLONE_JOB_NAME, "Oracle Backup (clone)"));

        Task task = assertFinishedTask(result, true, null);
        assertEquals("CloneJob", task.getOperation());
        Link related = task.findLink("Related").orElseThrow();
        assertEquals("Job", related.getType());
        assertEquals("Oracle Backup (clone)", related.getName());
        String newJobId = related.getHref().replaceAll(".*/jobs/([^?]+).*", "$1");
        assertEquals("Oracle Backup (clone)", sim.getJob(newJobId).orElseThrow().getName());

        RecordedRequest post = sim.getRequests("POST", "/api/jobs/" + SEED_ORACLE_JOB_ID).get(0);
        assertEquals("action=clone", post.query());
        assertTrue(post.body().contains("Oracle Backup (clone)") && post.body().contains("OracleClone"), post.body());
    }

    @Test
    void cloneJobRefusesAMissingOrTooLongName() {
        String endpoint = uri("cloneJob") + "&jobId=" + SEED_ORACLE_JOB_ID + "&cloneFolderName=f"
                          + "&cloneRepositoryUid=urn:veeam:Repository:0c1b5a56-1d6e-4d5b-9a57-6a2b3c4d5e6f";

        Exception missing = template.request(endpoint, exchange -> {
        }).getException();
        Exception tooLong = template.request(endpoint + "&cloneJobName=" + "x".repeat(51), exchange -> {
        }).getException();

        assertTrue(missing.getMessage().contains("header CamelVeeamEmCloneJobName or the option cloneJobName"),
                missing.getMessage());
        assertTrue(tooLong.getMessage().contains("50 characters at most"), tooLong.getMessage());
        assertTrue(sim.getRequests().isEmpty());
    }
}
