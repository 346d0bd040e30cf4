package dev.camelveeam.veeamem;

import java.util.List;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE01_INCLUDE_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE_JOB_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input fails before any request, with a message that names the option or header at fault.
 */
class BadInputTest extends VeeamEmTestSupport {

    @RegisterExtension
    static final EmSimulatorExtension EM = new EmSimulatorExtension();

    @BeforeEach
    void reseed() {
        reseed(sim);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing baseUrl        | veeam-em:removeInclude?username=u&password=p                     | option baseUrl is required",
            "unreadable baseUrl     | veeam-em:removeInclude?baseUrl=http://em host/api&username=u&password=p | baseUrl is not a valid URL",
            "baseUrl not http       | veeam-em:removeInclude?baseUrl=ftp://em:9398/api&username=u&password=p | baseUrl must be an http or https URL",
            "baseUrl without host   | veeam-em:removeInclude?baseUrl=https:///api&username=u&password=p | baseUrl must be an http or https URL",
            "missing username       | veeam-em:removeInclude?baseUrl=https://em:9398/api&password=p    | option username is required",
            "missing password       | veeam-em:removeInclude?baseUrl=https://em:9398/api&username=u    | option password is required",
            "resource path          | veeam-em:removeInclude?baseUrl=https://em:9398/api/jobs&username=u&password=p | baseUrl must be the API root such as https://em.example.com:9398/api, not a resource path (/api/jobs)",
            "unknown operation      | veeam-em:removeEverything?baseUrl=https://em:9398/api&username=u&password=p | Unknown veeam-em operation 'removeEverything'" })
    void badEndpointConfigurationIsRefusedWhenTheEndpointIsCreated(String label, String uri, String expected) {
        Exception failure = assertThrows(Exception.class, () -> context.getEndpoint(uri));

        assertTrue(messages(failure).contains(expected), label + ": " + messages(failure));
        assertTrue(sim.getRequests().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no job id              | &includeId=" + SEED_ORACLE01_INCLUDE_ID
                                          + " | No job given: set the header CamelVeeamEmJobId or the option jobId",
            "no include id          | &jobId=" + SEED_ORACLE_JOB_ID + "           | No include id given: set the header CamelVeeamEmIncludeId or the option includeId",
            "job URN without GUID   | &jobId=urn:veeam:Job:null&includeId=" + SEED_ORACLE01_INCLUDE_ID + " | The jobId 'urn:veeam:Job:null' (header CamelVeeamEmJobId or option jobId) is not valid",
            "include id not a GUID  | &jobId=" + SEED_ORACLE_JOB_ID + "&includeId=vm-48911 | The includeId 'vm-48911' (header CamelVeeamEmIncludeId or option includeId) is not valid" })
    void badOperationParametersFailTheExchangeBeforeAnyRequest(String label, String parameters, String expected) {
        Exchange result = removeInclude(uri("removeInclude") + parameters);

        IllegalArgumentException failure = assertInstanceOf(IllegalArgumentException.class, result.getException());
        assertTrue(failure.getMessage().contains(expected), label + ": " + failure.getMessage());
        assertTrue(sim.getRequests().isEmpty(), "nothing was sent, not even a logon");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "restore, no point or VM  | restoreVm          |                                      | No VM name given: set the header CamelVeeamEmVmName or the option vmName",
            "restore point not a GUID | restoreVm          | &vmRestorePointId=urn:veeam:Job:" + SEED_ORACLE_JOB_ID + " | The vmRestorePointId 'urn:veeam:Job:" + SEED_ORACLE_JOB_ID
                                                                                                                                                                               + "' (header CamelVeeamEmVmRestorePointId or option vmRestorePointId) is not valid",
            "restore time not ISO     | restoreVm          | &vmName=exch01&restorePointTime=yesterday | The restorePointTime 'yesterday' (header CamelVeeamEmRestorePointTime or option restorePointTime) is not valid",
            "quick backup, no VM      | quickBackup        |                                      | No VM given: set the header CamelVeeamEmHierarchyObjRef or the option hierarchyObjRef, or the VM's name",
            "server not a GUID        | listRepositories   | &backupServerId=vbr01                | The backupServerId 'vbr01' (header CamelVeeamEmBackupServerId or option backupServerId) is not valid",
            "no repository            | getRepository      |                                      | No repository id given: set the header CamelVeeamEmRepositoryId or the option repositoryId",
            "no report                | getReport          |                                      | No report given: set the header CamelVeeamEmReport or the option report",
            "unknown session type     | listBackupSessions | &sessionType=RestoreSession          | The sessionType 'RestoreSession' is not valid: expected BackupJobSession or ReplicaJobSession",
            "no backup session        | listTaskSessions   |                                      | No backupSession id given: set the header CamelVeeamEmBackupSessionId or the option backupSessionId" })
    void badParametersOfTheRestoreAndMonitoringOperationsFailBeforeAnyRequest(
            String label, String operation, String parameters, String expected) {
        Exchange result = template.request(uri(operation) + (parameters == null ? "" : parameters), exchange -> {
        });

        IllegalArgumentException failure = assertInstanceOf(IllegalArgumentException.class, result.getException());
        assertTrue(failure.getMessage().contains(expected), label + ": " + failure.getMessage());
        assertTrue(sim.getRequests().isEmpty(), "nothing was sent, not even a logon");
    }

    @Test
    void unknownOperationInTheHeaderFailsTheExchangeBeforeAnyRequest() {
        Exchange result = template.request(uri("removeInclude") + "&jobId=" + SEED_ORACLE_JOB_ID,
                exchange -> exchange.getMessage().setHeader(VeeamEmConstants.OPERATION, "dropJob"));

        IllegalArgumentException failure = assertInstanceOf(IllegalArgumentException.class, result.getException());
        assertTrue(failure.getMessage().contains("'dropJob' in the header CamelVeeamEmOperation"), failure.getMessage());
        assertTrue(failure.getMessage().contains("removeInclude"), "lists the supported operations");
        assertEquals(0, sim.getRequests().size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "user info                | https://svc:T0pSecret@em:9398/api",
            "user info, bad scheme    | ftp://svc:T0pSecret@em:9398/api",
            "user info, unreadable    | https://svc:T0p Secret@em:9398/api",
            "user info, no host       | https://svc:T0pSecret@em_host:9398/api",
            "user info with slash     | https://svc:T0p/Secret@em:9398/api" })
    void aBaseUrlWithUserInfoIsRefusedWithoutEchoingIt(String label, String baseUrl) {
        Exception failure = assertThrows(Exception.class, () -> context.getEndpoint(
                "veeam-em:listJobs?username=u&password=p&baseUrl=RAW(" + baseUrl + ")"));

        assertTrue(messages(failure).contains("baseUrl"), label + ": " + messages(failure));
        assertFalse(messages(failure).contains("T0p"), label + " echoed the password: " + messages(failure));
    }

    @Test
    void aJobNameWithABadIncludeIdSendsNothingNotEvenTheLogon() {
        Exchange result = removeInclude(uri("removeInclude") + "&jobId=Oracle Backup&includeId=vm-48911");

        assertInstanceOf(IllegalArgumentException.class, result.getException());
        assertTrue(sim.getRequests().isEmpty(), "nothing was sent, not even a logon: " + sim.getRequests());
    }

    @Test
    void hugeInputsAreNotEchoedWhole() {
        String huge = "x".repeat(200_000);
        Exchange badInclude = template.request(uri("removeInclude") + "&jobId=" + SEED_ORACLE_JOB_ID,
                exchange -> exchange.getMessage().setHeader(VeeamEmConstants.INCLUDE_ID, huge));
        Exchange badOperation = template.request(uri("removeInclude") + "&jobId=" + SEED_ORACLE_JOB_ID,
                exchange -> exchange.getMessage().setHeader(VeeamEmConstants.OPERATION, huge));
        // Camel's own endpoint error quotes the whole URI, so the component's message is checked on its own
        Exception badBaseUrl = assertThrows(IllegalArgumentException.class,
                () -> dev.camelveeam.veeamem.internal.ApiRoot.parse("https://em/api/" + huge));

        for (Throwable failure : List.of(badInclude.getException(), badOperation.getException(), badBaseUrl)) {
            String messages = messages(failure);
            assertTrue(messages.contains("xxxxx… (2000"), messages.substring(0, Math.min(300, messages.length())));
            assertFalse(messages.contains("x".repeat(101)), "cut to 100 characters");
        }
        assertTrue(sim.getRequests().isEmpty());
    }

    private static String messages(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }
}
