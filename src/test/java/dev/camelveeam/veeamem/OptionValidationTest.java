package dev.camelveeam.veeamem;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.camelveeam.veeamem.internal.EmConnection;
import dev.camelveeam.veeamem.model.Task;
import dev.camelveeam.veeamem.simulator.RecordedRequest;
import dev.camelveeam.veeamem.simulator.TaskFault;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE01_INCLUDE_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE_JOB_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Durations and sizes that would make the component spin, wait forever or read nothing are refused when the endpoint is
 * created, naming the option, before any request; the shortest accepted poll delays are bounded by the 100 ms floor.
 */
class OptionValidationTest extends VeeamEmTestSupport {

    @RegisterExtension
    static final EmSimulatorExtension EM = new EmSimulatorExtension();

    @BeforeEach
    void reseed() {
        sim.faults().clear();
        reseed(sim);
    }

    private static String removeUri(String options) {
        return plainUri("removeInclude", sim.getBaseUrl()) + "&jobId=" + SEED_ORACLE_JOB_ID + "&includeId="
               + SEED_ORACLE01_INCLUDE_ID + options;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "pollMaxDelay=0        | The option pollMaxDelay must be at least 100 ms",
            "pollMaxDelay=50       | The option pollMaxDelay must be at least 100 ms",
            "pollMaxDelay=99       | The option pollMaxDelay must be at least 100 ms",
            "taskTimeout=-1        | The option taskTimeout must be greater than 0",
            "taskTimeout=0         | The option taskTimeout must be greater than 0",
            "responseTimeout=0     | The option responseTimeout must be greater than 0",
            "responseTimeout=-5    | The option responseTimeout must be greater than 0",
            "connectTimeout=0      | The option connectTimeout must be greater than 0",
            "pageSize=0            | The option pageSize must be greater than 0",
            "pageSize=-1           | The option pageSize must be greater than 0",
            "maxResponseSize=0     | The option maxResponseSize must be greater than 0",
            "maxPages=0            | The option maxPages must be greater than 0",
            "pollInitialDelay=-1   | The option pollInitialDelay must not be negative",
            "pollRetries=-1        | The option pollRetries must not be negative" })
    void aZeroOrNegativeDurationOrSizeIsRefusedNamingTheOption(String option, String expected) {
        Exception failure = assertThrows(Exception.class, () -> context.getEndpoint(removeUri("&" + option)));

        assertTrue(causeChain(failure).contains(expected), option + ": " + causeChain(failure));
        assertTrue(sim.getRequests().isEmpty(), "nothing reached EM: " + sim.getRequests());
    }

    @Test
    void aBaseUrlWithAPortOutOfRangeIsRefusedNamingBaseUrl() {
        String uri = plainUri("removeInclude", "http://127.0.0.1:99999/api") + "&jobId=" + SEED_ORACLE_JOB_ID
                     + "&includeId=" + SEED_ORACLE01_INCLUDE_ID;

        Exception failure = assertThrows(Exception.class, () -> context.getEndpoint(uri));

        assertTrue(causeChain(failure).contains("The option baseUrl has port 99999"), causeChain(failure));
        assertTrue(sim.getRequests().isEmpty());
    }

    @Test
    void theSmallestAllowedDelaysAreAccepted() {
        context.getEndpoint(removeUri("&pollInitialDelay=0&pollMaxDelay=100"));

        assertTrue(sim.getRequests().isEmpty(), "creating an endpoint sends nothing");
    }

    @Test
    void aZeroInitialDelayPollsAtOnceThenBacksOffFromTheFloor() {
        sim.faults().nextTask(TaskFault.runFor(Duration.ofSeconds(3)));

        Exchange result = template.request(removeUri("&pollInitialDelay=0"), exchange -> {
        });

        Task task = assertFinishedTask(result, true, "Ok");
        List<RecordedRequest> polls = sim.getRequests("GET", "/api/tasks/" + task.getTaskId());
        assertTrue(polls.size() >= 2 && polls.size() <= 12,
                "a 3 s task polled with backoff from the 100 ms floor, not in a loop: " + polls.size() + " polls");
        Instant accepted = sim.getRequests("DELETE", "/api/jobs/.*").get(0).receivedAt();
        assertTrue(Duration.between(accepted, polls.get(0).receivedAt()).compareTo(Duration.ofSeconds(1)) < 0,
                "the first poll went at once");
        for (int i = 1; i < polls.size(); i++) {
            Duration gap = Duration.between(polls.get(i - 1).receivedAt(), polls.get(i).receivedAt());
            assertTrue(gap.toMillis() >= 90, "poll " + i + " came " + gap.toMillis() + " ms after the one before");
        }
        assertEquals(1, sim.getRequests("DELETE", "/api/jobs/.*").size());
    }

    @Test
    void pollStrategySelectsAdaptiveByDefaultOrPlainBackOff() {
        VeeamEmEndpoint byDefault = context.getEndpoint(removeUri(""), VeeamEmEndpoint.class);
        VeeamEmEndpoint backOff = context.getEndpoint(removeUri("&pollStrategy=backoff"), VeeamEmEndpoint.class);
        Exception unknown = assertThrows(Exception.class, () -> context.getEndpoint(removeUri("&pollStrategy=fast")));

        assertEquals(VeeamEmPollStrategy.adaptive, byDefault.getConfiguration().getPollStrategy());
        assertEquals(VeeamEmPollStrategy.backoff, backOff.getConfiguration().getPollStrategy());
        assertTrue(causeChain(unknown).contains("pollStrategy"), causeChain(unknown));
    }

    @Test
    void onlyTheAdaptiveStrategyLearnsRunTimes() {
        assertFinishedTask(template.request(removeUri("&pollStrategy=backoff"), exchange -> {
        }), true, "Ok");
        VeeamEmComponent component = context.getComponent("veeam-em", VeeamEmComponent.class);
        EmConnection connection = component.getConnections().iterator().next();
        assertTrue(component.findRunTimeEstimates(connection) == null
                || component.findRunTimeEstimates(connection).snapshot().isEmpty(), "nothing learnt by backoff");
        reseed(sim);

        assertFinishedTask(template.request(removeUri("&pollStrategy=adaptive"), exchange -> {
        }), true, "Ok");

        // EM (and the simulator) report the removal of an include as an UpdateJob task
        assertEquals(1, component.findRunTimeEstimates(connection).snapshot().get("removeInclude/UpdateJob").samples());
    }
}
