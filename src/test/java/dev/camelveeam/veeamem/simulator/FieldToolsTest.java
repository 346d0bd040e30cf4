package dev.camelveeam.veeamem.simulator;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelveeam.veeamem.simulator.junit.EmSimulatorExtension;
import dev.camelveeam.veeamem.simulator.tls.TestCertificates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Monitoring tools from the field, copied unmodified under {@code src/test/field-tools} (see each tool's SOURCE.md),
 * run as processes against the simulator over HTTPS, as against a real EM: their exit code and output, and what crossed
 * the wire. Needs {@code python3} with {@code requests} on the PATH (the CI machine has both); without them the tests
 * fail, they do not skip.
 */
class FieldToolsTest {

    private static final String USER = "svc-monitoring";
    private static final String PASSWORD = "Mon1tor!ng";
    private static final Path TOOLS = Path.of("src", "test", "field-tools");
    private static final Path VEEAM_STATUS = TOOLS.resolve("linuxfabrik-veeam-status");
    private static final Path SURFER190 = TOOLS.resolve("surfer190-veeam");
    private static final Path ZABBIX_TEMPLATE = TOOLS.resolve("zabbix-veeam-em-template")
            .resolve("template_veeam_enterprise_manager_http.yaml");
    private static final Path ZABBIX_HARNESS = TOOLS.resolve("zabbix-harness").resolve("zabbix-script-item.js");
    /** The template's master item, a SCRIPT item, and its default {$VEEAM.MANAGER.DATA.TIMEOUT}. */
    private static final String ZABBIX_MASTER_ITEM = "veeam.manager.get.metrics";
    private static final String ZABBIX_TIMEOUT_SECONDS = "10";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(60);

    /** Raises the plugin's Veeam thresholds to what the seed data already has, so that only a change shows. */
    private static final List<String> SEED_LEVEL_THRESHOLDS = List.of(
            "--failed-job-runs", "1", "--failed-vm-lastest-states", "2",
            "--warnings-job-runs", "1", "--warning-vm-lastest-states", "1");

    @RegisterExtension
    static final EmSimulatorExtension EM = new EmSimulatorExtension()
            .configure(sim -> sim.withUser(USER, PASSWORD)
                    .withTls(TestCertificates.serverKeyStore(), TestCertificates.PASSWORD.toCharArray()));

    @TempDir
    Path temp;

    @BeforeAll
    static void python3WithRequestsIsThere() throws Exception {
        Result probe = run(Path.of("."), Files.createTempDirectory("field-tools-probe"),
                List.of("python3", "-c", "import sys, requests; print(sys.version_info[0], requests.__version__)"));
        if (probe.exitCode != 0) {
            fail("The field tools need python3 with the 'requests' package on the PATH (the CI machine has both); "
                 + "'python3 -c \"import requests\"' exited " + probe.exitCode + ": " + probe.stdout + probe.stderr);
        }
        assertTrue(probe.stdout.startsWith("3 "), "python3 is Python 3: " + probe.stdout);
    }

    // Linuxfabrik veeam-status: a Nagios/Icinga check plugin

    @Test
    void veeamStatusReportsTheSeededFailuresCritical(EmSimulator sim) throws Exception {
        Result result = veeamStatus(List.of());

        assertEquals(2, result.exitCode, result.toString()); // CRITICAL
        assertEquals("1 Job failed [CRITICAL], 2 VMs failed [CRITICAL], 1 Job with warnings [WARNING], "
                     + "1 VM with warnings [WARNING], "
                     + "\"Default Backup Repository\" 4.9% used - total: 2.0TiB, used: 100.0GiB, free: 1.6TiB, "
                     + "\"Linux Hardened Repository\" 1.2% used - total: 8.0TiB, used: 100.0GiB, free: 6.9TiB",
                result.firstLine());
        assertTableRow(result, "TotalJobRuns", "4");
        assertTableRow(result, "SuccessfulJobRuns", "2");
        assertTableRow(result, "MaxDurationBackupJobName", "Exchange Backup");
        assertTableRow(result, "MaxBackupJobDuration", "31m");
        assertTableRow(result, "MaxDurationReplicaJobName", "Web Replica");
        assertTableRow(result, "ProtectedVms", "5");
        assertTableRow(result, "SuccessBackupPercents", "33%");
        assertTrue(result.stdout.contains("'Repo Capacity Default Backup Repository'=2199023255552B;;;0; "
                                          + "'Repo FreeSpace Default Backup Repository'=1769526525952B;;;0; "),
                result.stdout);
        assertTrue(result.stdout.contains("'ScheduledJobs'=3;;;0; "), result.stdout);
        assertEquals("", result.stderr);

        // the wire: one logon with Basic credentials, the four summary reports with its token, no logoff (it has none)
        List<RecordedRequest> requests = sim.getRequests();
        assertEquals(List.of("POST /api/sessionMngr/", "GET /api/reports/summary/overview",
                "GET /api/reports/summary/job_statistics", "GET /api/reports/summary/vms_overview",
                "GET /api/reports/summary/repository"),
                requests.stream().map(r -> r.method() + " " + r.path()).toList());
        RecordedRequest logon = requests.get(0);
        assertEquals("v=latest", logon.query());
        assertEquals("Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)),
                logon.header("Authorization"));
        assertEquals(201, logon.status());
        String token = requests.get(1).header("X-RestSvcSessionId");
        assertNotNull(token);
        for (RecordedRequest report : requests.subList(1, 5)) {
            assertEquals(token, report.header("X-RestSvcSessionId"), report.toString());
            assertEquals("application/json", report.header("Accept"), report.toString());
            assertEquals(200, report.status(), report.toString());
        }
        assertEquals(1, sim.getLogonCount());
        assertEquals(1, sim.getActiveSessionCount()); // left to expire, as on a real EM
    }

    @Test
    void veeamStatusIsOkWithThresholdsAtTheSeedLevel(EmSimulator sim) throws Exception {
        Result result = veeamStatus(SEED_LEVEL_THRESHOLDS);

        assertEquals(0, result.exitCode, result.toString()); // OK
        assertEquals("\"Default Backup Repository\" 4.9% used - total: 2.0TiB, used: 100.0GiB, free: 1.6TiB, "
                     + "\"Linux Hardened Repository\" 1.2% used - total: 8.0TiB, used: 100.0GiB, free: 6.9TiB",
                result.firstLine());
        assertTableRow(result, "FailedJobRuns", "1");
        assertTableRow(result, "FailedVmLastestStates", "2");
        assertEquals(5, sim.getRequests().size());
    }

    @Test
    void veeamStatusTurnsCriticalWhenAJobRunFails(EmSimulator sim) throws Exception {
        Instant now = Instant.now();
        sim.addBackupSession(EmSimulator.SEED_EXCHANGE_JOB_ID, SimBackupSession.State.Stopped,
                SimBackupSession.Result.Failed, now.minus(Duration.ofMinutes(20)), now.minus(Duration.ofMinutes(5)));

        Result result = veeamStatus(SEED_LEVEL_THRESHOLDS);

        assertEquals(2, result.exitCode, result.toString()); // CRITICAL
        assertEquals("2 Jobs failed [CRITICAL], 3 VMs failed [CRITICAL], "
                     + "\"Default Backup Repository\" 4.9% used - total: 2.0TiB, used: 100.0GiB, free: 1.6TiB, "
                     + "\"Linux Hardened Repository\" 1.2% used - total: 8.0TiB, used: 100.0GiB, free: 6.9TiB",
                result.firstLine());
        assertTableRow(result, "TotalJobRuns", "5");
        assertTableRow(result, "WarningVmLastestStates", "0");
    }

    @Test
    void veeamStatusWarnsWhenARepositoryFillsUp(EmSimulator sim) throws Exception {
        // a file server job with 77 VMs of 40 GiB, backed up once: 77 full points of 20 GiB in the default repository
        SimJob job = sim.addJob("6d0c1f9e-5b7a-4c2d-9e8f-0a1b2c3d4e5f", "File Server Backup");
        for (int i = 1; i <= 77; i++) {
            job.addInclude(String.format("6d0c1f9e-0000-4000-8000-%012d", i),
                    "urn:VMware:Vm:" + EmSimulator.SEED_HIERARCHY_ROOT_ID + ".vm-" + (5000 + i),
                    String.format("fs%03d", i));
        }
        Instant now = Instant.now();
        sim.addBackupSession(job.getId(), SimBackupSession.State.Stopped, SimBackupSession.Result.Success,
                now.minus(Duration.ofHours(3)), now.minus(Duration.ofHours(2)));

        Result result = veeamStatus(SEED_LEVEL_THRESHOLDS);

        assertEquals(1, result.exitCode, result.toString()); // WARNING
        assertEquals("\"Default Backup Repository\" 80.1% [WARNING] used - total: 2.0TiB, used: 1.6TiB, free: 108.0GiB, "
                     + "\"Linux Hardened Repository\" 1.2% used - total: 8.0TiB, used: 100.0GiB, free: 6.9TiB",
                result.firstLine());
        assertTrue(result.stdout.contains("'Repo Usage Default Backup Repository'=80.1%;80;90;0;100 "), result.stdout);
    }

    @Test
    void veeamStatusIsUnknownWithAWrongPassword(EmSimulator sim) throws Exception {
        Result result = run(VEEAM_STATUS, temp, List.of("python3", "veeam-status", "--url", emUrl(sim),
                "--username", USER, "--password", "wrong", "--timeout", "20"));

        assertEquals(3, result.exitCode, result.toString()); // UNKNOWN
        assertEquals("HTTP error \"401 Unauthorized\" while fetching " + emUrl(sim) + "/api/sessionMngr/?v=latest",
                result.firstLine());
        List<RecordedRequest> requests = sim.getRequests();
        assertEquals(1, requests.size(), requests.toString());
        assertEquals(401, requests.get(0).status());
        assertEquals(0, sim.getLogonCount());
    }

    // surfer190/veeam: a Python client library

    @Test
    void surfer190ClientIsRefusedAsByEm12(EmSimulator sim) throws Exception {
        // the library's own usage: VeeamClient(url, user, password) logs on in its constructor
        String script = "from veeam.client import VeeamClient\n"
                        + "client = VeeamClient('" + sim.getBaseUrl() + "', '" + USER + "', '" + PASSWORD + "')\n"
                        + "print(len(client.get_jobs_1_day()))\n";
        Result result = run(SURFER190, temp, List.of("python3", "-c", script));

        assertEquals(1, result.exitCode, result.toString()); // an uncaught exception
        assertTrue(result.stderr.contains("veeam.errors.LoginFailError: Authentication failed"), result.stderr);
        // EM 12 no longer accepts API version 1.4, which the library hard-codes: one logon attempt, refused
        List<RecordedRequest> requests = sim.getRequests();
        assertEquals(1, requests.size(), requests.toString());
        assertEquals("POST", requests.get(0).method());
        assertEquals("/api/sessionMngr/", requests.get(0).path());
        assertEquals("v=v1_4", requests.get(0).query());
        assertEquals(401, requests.get(0).status());
        assertEquals(0, sim.getLogonCount());
    }

    // Zabbix's "Veeam Backup Enterprise Manager by HTTP" template: its SCRIPT item run as Zabbix server runs it

    @Test
    void zabbixTemplateCollectsTheSeededReportsAndBackupFiles(EmSimulator sim) throws Exception {
        Result result = zabbixMasterItem(sim, PASSWORD);

        assertEquals(0, result.exitCode, result.toString());
        JsonNode metrics = JSON.readTree(result.stdout);
        assertFalse(metrics.has("error"), result.stdout);
        // the dependent items: the template's JSONPaths on what the master item stored
        assertEquals(0, dependentItem(metrics, "$.JobStatistics.RunningJobs").asInt());
        assertEquals(3, dependentItem(metrics, "$.JobStatistics.ScheduledJobs").asInt());
        assertEquals(2, dependentItem(metrics, "$.JobStatistics.ScheduledBackupJobs").asInt());
        assertEquals(1, dependentItem(metrics, "$.JobStatistics.ScheduledReplicaJobs").asInt());
        assertEquals(4, dependentItem(metrics, "$.JobStatistics.TotalJobRuns").asInt());
        assertEquals(1, dependentItem(metrics, "$.JobStatistics.WarningsJobRuns").asInt());
        assertEquals(1, dependentItem(metrics, "$.JobStatistics.FailedJobRuns").asInt());
        // "Get errors": $.error is absent, so its CUSTOM_VALUE (empty) is stored and the trigger stays quiet
        assertFalse(metrics.has("error"));
        // every summary frame EM links, under the link's name
        assertEquals(List.of("Overview", "VmsOverview", "JobStatistics", "ProcessedVms", "Repositories", "backupFiles"),
                fieldNames(metrics).subList(0, 6));
        assertEquals(5, metrics.at("/VmsOverview/ProtectedVms").asInt(), result.stdout);

        // "Backup Files discovery": $.backupFiles.Refs, one LLD row per backup file ({#NAME}, {#TYPE}, {#UID}, {#URL})
        JsonNode refs = metrics.at("/backupFiles/Refs");
        assertEquals(3, refs.size(), result.stdout);
        List<String> names = new ArrayList<>();
        for (JsonNode ref : refs) {
            names.add(ref.get("Name").asText());
            assertEquals("BackupFileReference", ref.get("Type").asText());
            assertTrue(ref.get("UID").asText().startsWith("urn:veeam:BackupFile:"), ref.toString());
            assertTrue(ref.get("Href").asText().startsWith(sim.getBaseUrl() + "/backupFiles/"), ref.toString());
            // the template stores what the reference's Href answers (the reference itself) under the file's name
            assertEquals(ref.get("UID"), metrics.get(ref.get("Name").asText()).get("UID"));
            // its item prototypes read $.['{#NAME}'].BackupFile.<member>, which neither EM's reference nor its entity
            // has: Zabbix discards the value (DISCARD_VALUE), as against a real EM
            assertTrue(metrics.get(ref.get("Name").asText()).path("BackupFile").isMissingNode());
        }
        assertEquals(3, names.stream().filter(n -> n.matches("(oracle01|oracle02|exch01)\\.vm-\\d+D[0-9T-]+\\.vbk"))
                .count(), names.toString());

        // the wire: every value is a new logon (POST /api/sessionMngr, no version) and one GET with its cookie
        List<RecordedRequest> requests = sim.getRequests();
        List<String> expectedGets = new ArrayList<>(
                List.of("/api/reports/summary", "/api/reports/summary/overview",
                        "/api/reports/summary/vms_overview", "/api/reports/summary/job_statistics",
                        "/api/reports/summary/processed_vms", "/api/reports/summary/repository", "/api/backupFiles"));
        assertEquals(2 * (expectedGets.size() + 3), requests.size(), requests.toString());
        String basic = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < requests.size(); i += 2) {
            RecordedRequest logon = requests.get(i);
            RecordedRequest get = requests.get(i + 1);
            assertEquals("POST /api/sessionMngr", logon.method() + " " + logon.path(), logon.toString());
            assertEquals(null, logon.query());
            assertEquals(basic, logon.header("Authorization"));
            assertEquals(201, logon.status());
            assertEquals("GET", get.method(), get.toString());
            if (i / 2 < expectedGets.size()) {
                assertEquals(expectedGets.get(i / 2), get.path());
            } else {
                assertTrue(get.path().startsWith("/api/backupFiles/"), get.toString());
                assertEquals(null, get.query()); // the reference, not ?format=Entity
            }
            assertEquals("application/json", get.header("Accept"));
            assertEquals(basic, get.header("Authorization")); // Zabbix keeps added headers for later requests
            assertNotNull(get.header("Cookie"), get.toString()); // the session travels in EM's cookie
            assertTrue(get.header("Cookie").startsWith("X-RestSvcSessionId="), get.toString());
            assertEquals(null, get.header("X-RestSvcSessionId"));
            assertEquals(200, get.status(), get.toString());
        }
        assertEquals(10, sim.getLogonCount());
        assertEquals(10, sim.getActiveSessionCount()); // never logged off: left to expire, as on a real EM
        assertTrue(result.stderr.contains("http request objects: 10"), result.stderr);
    }

    @Test
    void zabbixTemplateCountsAFailedJobRun(EmSimulator sim) throws Exception {
        Instant now = Instant.now();
        sim.addBackupSession(EmSimulator.SEED_EXCHANGE_JOB_ID, SimBackupSession.State.Stopped,
                SimBackupSession.Result.Failed, now.minus(Duration.ofMinutes(20)), now.minus(Duration.ofMinutes(5)));

        Result result = zabbixMasterItem(sim, PASSWORD);

        assertEquals(0, result.exitCode, result.toString());
        JsonNode metrics = JSON.readTree(result.stdout);
        assertEquals(2, dependentItem(metrics, "$.JobStatistics.FailedJobRuns").asInt());
        assertEquals(5, dependentItem(metrics, "$.JobStatistics.TotalJobRuns").asInt());
        // the failed run made no restore point, so no new backup file is discovered
        assertEquals(3, metrics.at("/backupFiles/Refs").size());
        // trigger "Failed job runs is too high": last > {$VEEAM.MANAGER.JOB.MAX.FAIL} (5 by default)
        assertFalse(dependentItem(metrics, "$.JobStatistics.FailedJobRuns").asInt() > 5);
    }

    @Test
    void zabbixTemplateDiscoversTheBackupFileOfANewRun(EmSimulator sim) throws Exception {
        Instant now = Instant.now();
        sim.addBackupSession(EmSimulator.SEED_EXCHANGE_JOB_ID, SimBackupSession.State.Stopped,
                SimBackupSession.Result.Success, now.minus(Duration.ofMinutes(20)), now.minus(Duration.ofMinutes(5)));

        Result result = zabbixMasterItem(sim, PASSWORD);

        assertEquals(0, result.exitCode, result.toString());
        JsonNode metrics = JSON.readTree(result.stdout);
        JsonNode refs = metrics.at("/backupFiles/Refs");
        assertEquals(4, refs.size(), result.stdout);
        long increments = 0;
        for (JsonNode ref : refs) {
            increments += ref.get("Name").asText().matches("exch01\\.vm-\\d+D[0-9T-]+\\.vib") ? 1 : 0;
        }
        assertEquals(1, increments, refs.toString());
        assertEquals(22, sim.getRequests().size());
    }

    @Test
    void zabbixTemplateReportsAnErrorWithAWrongPassword(EmSimulator sim) throws Exception {
        Result result = zabbixMasterItem(sim, "wrong");

        // the script catches its own error and returns it as the value: item "Get errors" gets it and the trigger
        // "There are errors in requests to API" (length(last(...))>0) fires
        assertEquals(0, result.exitCode, result.toString());
        JsonNode metrics = JSON.readTree(result.stdout);
        String error = dependentItem(metrics, "$.error").asText();
        assertTrue(error.startsWith("Request failed with status code 401: {"), error);
        assertTrue(error.endsWith("."), error);
        assertTrue(error.length() > 0);
        assertTrue(result.stderr.contains("log 3: [ VEEAM MANAGER ] ERROR: Request failed with status code 401"),
                result.stderr);
        // the dependent items find no $.JobStatistics: DISCARD_VALUE, nothing stored
        assertTrue(metrics.at("/JobStatistics").isMissingNode());
        // the wire: a refused logon, then the GET without a session, refused too; no further request
        List<RecordedRequest> requests = sim.getRequests();
        assertEquals(2, requests.size(), requests.toString());
        assertEquals("POST /api/sessionMngr", requests.get(0).method() + " " + requests.get(0).path());
        assertEquals(401, requests.get(0).status());
        assertEquals("GET /api/reports/summary", requests.get(1).method() + " " + requests.get(1).path());
        assertEquals(401, requests.get(1).status());
        assertEquals(0, sim.getLogonCount());
    }

    /** Runs the template's master item with its parameters as Zabbix fills them from the host's macros. */
    private Result zabbixMasterItem(EmSimulator sim, String password) throws Exception {
        Result probe = run(Path.of("."), temp, List.of("curl", "--version"));
        if (probe.exitCode != 0) {
            fail("The Zabbix template's harness needs curl on the PATH: " + probe);
        }
        // {$VEEAM.MANAGER.API.URL} is <scheme>://<host>:<port>; the empty {$VEEAM.MANAGER.HTTP.PROXY} is an empty string
        String parameters = JSON.writeValueAsString(java.util.Map.of("api_endpoint", emUrl(sim), "http_proxy", "",
                "password", password, "user", USER));
        return run(Path.of("."), temp, List.of("node", ZABBIX_HARNESS.toString(), ZABBIX_TEMPLATE.toString(),
                ZABBIX_MASTER_ITEM, parameters, ZABBIX_TIMEOUT_SECONDS));
    }

    /** A dependent item's JSONPATH step for the template's plain member paths ({@code $.A.B}); fails if absent. */
    private static JsonNode dependentItem(JsonNode master, String jsonPath) {
        assertTrue(jsonPath.startsWith("$."), jsonPath);
        JsonNode value = master.at("/" + jsonPath.substring(2).replace('.', '/'));
        assertFalse(value.isMissingNode(), jsonPath + " in " + master);
        return value;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private Result veeamStatus(List<String> options) throws Exception {
        EmSimulator sim = EM.simulator();
        List<String> command = new ArrayList<>(
                List.of("python3", "veeam-status", "--url", emUrl(sim),
                        "--username", USER, "--password", PASSWORD, "--timeout", "20"));
        command.addAll(options);
        return run(VEEAM_STATUS, temp, command);
    }

    /** The plugin's --url: EM's address without /api ({@code https://localhost:<port>}). */
    private static String emUrl(EmSimulator sim) {
        return sim.getBaseUrl().replaceFirst("/api$", "");
    }

    private static void assertTableRow(Result result, String key, String value) {
        assertTrue(result.stdout.lines().anyMatch(line -> line.matches(key + " +! " + java.util.regex.Pattern.quote(value)
                                                                       + " *(\\|.*)?")),
                "row " + key + " = " + value + " in:\n" + result.stdout);
    }

    /** Runs a command in {@code dir}, its output in files under {@code temp}; no bytecode is written into the tree. */
    private static Result run(Path dir, Path temp, List<String> command) throws IOException, InterruptedException {
        File out = Files.createTempFile(temp, "stdout", ".txt").toFile();
        File err = Files.createTempFile(temp, "stderr", ".txt").toFile();
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out).redirectError(err);
        builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        builder.environment().put("PYTHONIOENCODING", "utf-8");
        builder.environment().remove("HTTPS_PROXY");
        builder.environment().remove("https_proxy");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            fail("Cannot start " + command.get(0) + " (the field tools need python3, node and curl on the PATH): "
                 + e.getMessage());
            return null;
        }
        if (!process.waitFor(TOOL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(command + " did not end within " + TOOL_TIMEOUT);
        }
        return new Result(process.exitValue(), Files.readString(out.toPath()), Files.readString(err.toPath()));
    }

    private record Result(int exitCode, String stdout, String stderr) {
        String firstLine() {
            return stdout.lines().findFirst().orElse("");
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }
}
