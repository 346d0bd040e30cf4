package dev.camelveeam.veeamem;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import dev.camelveeam.veeamem.simulator.EmSimulator;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_EXCH01_INCLUDE_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_EXCHANGE_JOB_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE01_INCLUDE_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE_JOB_ID;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The password and the session token appear in no log line (everything at DEBUG, HttpClient's header and wire
 * loggers included), exception message or endpoint toString() of a run that logs on, succeeds, fails, re-logs on and
 * logs off.
 */
class SecretsTest extends VeeamEmTestSupport {

    @RegisterExtension
    static final EmSimulatorExtension EM = new EmSimulatorExtension();

    @BeforeAll
    static void seed() {
        reseed(sim);
    }

    @Test
    void passwordAndTokenStayOutOfLogsMessagesAndToString() {
        StringBuilder seen = new StringBuilder();
        try (LogCapture logs = LogCapture.attach()) {
            Endpoint endpoint = context.getEndpoint(uri("removeInclude") + "&jobId=" + SEED_ORACLE_JOB_ID);
            seen.append(endpoint).append('\n');

            Exchange ok = template.request(endpoint,
                    exchange -> exchange.getMessage().setHeader(VeeamEmConstants.INCLUDE_ID, SEED_ORACLE01_INCLUDE_ID));
            seen.append(ok.getMessage().getBody()).append('\n');
            sim.expireAllSessions();
            Exchange failed = removeInclude(uri("removeInclude") + "&jobId=" + SEED_EXCHANGE_JOB_ID + "&includeId="
                                            + SEED_EXCH01_INCLUDE_ID);
            Exchange refused = removeInclude(simulatorUri("removeInclude", USER, PASSWORD + "x") + "&jobId="
                                             + SEED_ORACLE_JOB_ID + "&includeId=" + SEED_ORACLE01_INCLUDE_ID);
            for (Exchange exchange : List.of(failed, refused)) {
                assertNotNull(exchange.getException());
                for (Throwable t = exchange.getException(); t != null; t = t.getCause()) {
                    seen.append(t).append('\n');
                }
            }
            context.stop();
            logs.lines().forEach(line -> seen.append(line).append('\n'));
            assertTrue(logs.lines().stream().anyMatch(line -> line.startsWith("org.apache.hc.client5.http")),
                    "HttpClient's own DEBUG output is searched too");
            assertTrue(logs.lines().stream().anyMatch(line -> line.startsWith("org.apache.hc.client5.http.headers")
                                                               && line.contains("X-RestSvcSessionId")),
                    "HttpClient logged the session header, with its stand-in");
            assertTrue(logs.lines().stream().anyMatch(line -> line.startsWith("org.apache.hc.client5.http.headers")
                                                               && line.contains("DELETE /api/logonSessions/")),
                    "HttpClient logged the logoff request line, with the session id's stand-in");
        }

        List<String> tokens = sim.getRequests().stream().map(request -> request.header("X-RestSvcSessionId"))
                .filter(token -> token != null).distinct().toList();
        assertTrue(tokens.size() >= 2, "two sessions were used");
        String everything = seen.toString();
        assertFalse(everything.contains(PASSWORD), "password leaked:\n" + everything);
        String basic = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertFalse(everything.contains(basic), "Basic authorization leaked:\n" + everything);
        for (String token : tokens) {
            assertFalse(everything.contains(token), "session token leaked:\n" + everything);
            String sessionId = new String(Base64.getDecoder().decode(token), StandardCharsets.US_ASCII);
            assertFalse(everything.contains(sessionId), "session id leaked:\n" + everything);
        }
    }
}
