package dev.camelveeam.veeamem;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.camelveeam.veeamem.simulator.Drop;
import dev.camelveeam.veeamem.simulator.RequestMatcher;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_EXCH01_INCLUDE_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_EXCHANGE_JOB_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE01_INCLUDE_ID;
import static dev.camelveeam.veeamem.simulator.EmSimulator.SEED_ORACLE_JOB_ID;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The password and the session token appear in no log line (everything at DEBUG, HttpClient's header and wire loggers
 * included), exception message or endpoint toString() of a run that logs on, succeeds, fails, re-logs on and logs off.
 */
class SecretsTest extends VeeamEmTestSupport {

    private static final String WRONG_PASSWORD = "Wr0ng&Pa55";

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

    @Test
    void anUnreadableLogonAnswerIsLoggedOffAndItsSessionIdIsQuotedNowhere() {
        sim.clearRequests();
        sim.faults().malformedNext(1, RequestMatcher.of("POST", "/api/sessionMngr"));
        StringBuilder seen = new StringBuilder();
        Exchange failed;
        try (LogCapture logs = LogCapture.attach(); AllLoggersAt trace = AllLoggersAt.trace()) {
            credentialsOnTheComponent();
            failed = template.request("veeam-em:listJobs", exchange -> {
            });
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !sim.getRequests("DELETE", "/api/logonSessions/.*").isEmpty());
            appendChain(seen, failed.getException());
            logs.lines().forEach(line -> seen.append(line).append('\n'));
        }

        VeeamEmLogonException logon = assertInstanceOf(VeeamEmLogonException.class, failed.getException());
        assertTrue(logon.getMessage().contains("could not be read"), logon.getMessage());
        await().atMost(Duration.ofSeconds(30)).until(() -> sim.getActiveSessionCount() == 0);
        assertEquals(204, sim.getRequests("DELETE", "/api/logonSessions/.*").get(0).status());
        assertNoSecretIn(seen.toString());
    }

    /**
     * Everything at TRACE (Camel, HttpClient, the component), credentials on the component: logon, an operation, a lost
     * answer, a re-logon after EM forgot the session, a refused logon, an unreadable logon answer and the logoff.
     */
    @Test
    void aWholeFaultScenarioAtTraceLeaksNoSecret() {
        credentialsOnTheComponent();
        sim.clearRequests();
        StringBuilder seen = new StringBuilder();
        try (LogCapture logs = LogCapture.attach(); AllLoggersAt trace = AllLoggersAt.trace()) {
            String listIncludes = "veeam-em:listIncludes?pollInitialDelay=20&jobId=" + SEED_ORACLE_JOB_ID;
            Exchange ok = template.request(listIncludes, exchange -> {
            });
            assertNull(ok.getException());
            sim.faults().dropNext(1, RequestMatcher.of("GET", "/api/jobs/.*"), Drop.BEFORE_HANDLING);
            Exchange lost = template.request(listIncludes, exchange -> {
            });
            assertNotNull(lost.getException());
            sim.expireAllSessions();
            Exchange again = template.request(listIncludes, exchange -> {
            });
            assertNull(again.getException());
            VeeamEmComponent component = context.getComponent("veeam-em", VeeamEmComponent.class);
            component.getConfiguration().setPassword(WRONG_PASSWORD);
            Exchange refused = template.request(listIncludes + "&connectTimeout=11s", exchange -> {
            });
            component.getConfiguration().setPassword(PASSWORD);
            assertInstanceOf(VeeamEmLogonException.class, refused.getException());
            sim.expireAllSessions();
            sim.faults().malformedNext(1, RequestMatcher.of("POST", "/api/sessionMngr"));
            Exchange unreadable = template.request(listIncludes, exchange -> {
            });
            assertInstanceOf(VeeamEmLogonException.class, unreadable.getException());
            Exchange last = template.request(listIncludes, exchange -> {
            });
            assertNull(last.getException());
            for (Exchange exchange : List.of(lost, refused, unreadable)) {
                appendChain(seen, exchange.getException());
            }
            context.stop();
            logs.lines().forEach(line -> seen.append(line).append('\n'));
            assertTrue(logs.lines().stream().anyMatch(line -> line.startsWith("org.apache.camel")),
                    "Camel's TRACE output is searched too");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> sim.getActiveSessionCount() == 0);
        assertTrue(sim.getLogonCount() >= 3, "logged on again: " + sim.getLogonCount());
        assertNoSecretIn(seen.toString());
    }

    /** As the docs advise: Camel core prints a password given in an endpoint URI at TRACE. */
    private void credentialsOnTheComponent() {
        VeeamEmComponent component = context.getComponent("veeam-em", VeeamEmComponent.class);
        component.getConfiguration().setBaseUrl(sim.getBaseUrl());
        component.getConfiguration().setUsername(USER);
        component.getConfiguration().setPassword(PASSWORD);
    }

    private static void appendChain(StringBuilder seen, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            seen.append(t).append('\n');
            for (Throwable suppressed : t.getSuppressed()) {
                seen.append(suppressed).append('\n');
            }
        }
    }

    /** No password, Basic authorization, session token or session id that the simulator saw or issued. */
    private static void assertNoSecretIn(String everything) {
        assertFalse(everything.contains(PASSWORD), "password leaked:\n" + everything);
        assertFalse(everything.contains(WRONG_PASSWORD), "the wrong password leaked:\n" + everything);
        String basic = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertFalse(everything.contains(basic), "Basic authorization leaked:\n" + everything);
        List<String> tokens = sim.getRequests().stream().map(request -> request.header("X-RestSvcSessionId"))
                .filter(token -> token != null).distinct().toList();
        assertFalse(tokens.isEmpty(), "sessions were used");
        for (String token : tokens) {
            assertFalse(everything.contains(token), "session token leaked:\n" + everything);
            String sessionId = new String(Base64.getDecoder().decode(token), StandardCharsets.US_ASCII);
            assertFalse(everything.contains(sessionId), "session id leaked:\n" + everything);
        }
    }

    /** Sets every logger to TRACE while open, and puts the configuration back when closed. */
    private static final class AllLoggersAt implements AutoCloseable {

        private final Map<String, Level> before = new HashMap<>();

        static AllLoggersAt trace() {
            AllLoggersAt levels = new AllLoggersAt();
            LoggerContext logging = (LoggerContext) LogManager.getContext(false);
            for (LoggerConfig logger : logging.getConfiguration().getLoggers().values()) {
                levels.before.put(logger.getName(), logger.getLevel());
                logger.setLevel(Level.TRACE);
            }
            logging.getConfiguration().getRootLogger().setLevel(Level.TRACE);
            logging.updateLoggers();
            return levels;
        }

        @Override
        public void close() {
            LoggerContext logging = (LoggerContext) LogManager.getContext(false);
            for (LoggerConfig logger : logging.getConfiguration().getLoggers().values()) {
                Level level = before.get(logger.getName());
                if (level != null) {
                    logger.setLevel(level);
                }
            }
            logging.updateLoggers();
        }
    }
}
