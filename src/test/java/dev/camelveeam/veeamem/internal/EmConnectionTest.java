package dev.camelveeam.veeamem.internal;

import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import dev.camelveeam.veeamem.VeeamEmFormat;
import dev.camelveeam.veeamem.VeeamEmLogonException;
import dev.camelveeam.veeamem.VeeamEmOutcomeUnknownException;
import dev.camelveeam.veeamem.VeeamEmTransportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.camelveeam.veeamem.internal.FakeTransport.answer;
import static dev.camelveeam.veeamem.internal.FakeTransport.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Logon, re-logon, retries and stop of one connection, against a fake transport: nothing here waits. */
class EmConnectionTest {

    private static final EmRequest DELETE = EmRequest.delete("/jobs/j/includes/i");

    private final ManualScheduler clock = new ManualScheduler();

    @Test
    void concurrentCallersShareOneLogonAndNoneWaitsForIt() {
        CompletableFuture<EmResponse> logonAnswer = new CompletableFuture<>();
        FakeTransport transport = new FakeTransport(clock, request -> logonAnswer);
        EmConnection connection = connection(transport);

        List<CompletableFuture<EmSession>> callers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            callers.add(connection.session());
        }

        assertTrue(callers.stream().noneMatch(CompletableFuture::isDone), "the callers returned before EM answered");
        assertEquals(1, transport.count("POST", "/sessionMngr"));
        logonAnswer.complete(answer(201, FakeTransport.LOGON_ANSWER).join());
        assertTrue(callers.stream().allMatch(caller -> caller.isDone() && !caller.isCompletedExceptionally()));
        assertEquals(1, transport.count("POST", "/sessionMngr"));
    }

    @Test
    void anErrorDuringTheLogonFailsEveryWaiterAndTheNextCallerLogsOnAgain() {
        CompletableFuture<EmResponse> logonAnswer = new CompletableFuture<>();
        FakeTransport transport = new FakeTransport(clock, request -> logonAnswer);
        EmConnection connection = connection(transport);
        CompletableFuture<EmSession> first = connection.session();
        CompletableFuture<EmSession> second = connection.session();

        logonAnswer.completeExceptionally(new NoClassDefFoundError("simulated"));

        assertTrue(first.isCompletedExceptionally() && second.isCompletedExceptionally());
        VeeamEmLogonException failure = assertInstanceOf(VeeamEmLogonException.class, failure(first));
        assertInstanceOf(NoClassDefFoundError.class, failure.getCause());
        transport.answerWith(request -> answer(201, FakeTransport.LOGON_ANSWER));
        assertFalse(connection.session().isCompletedExceptionally());
        assertEquals(2, transport.count("POST", "/sessionMngr"));
    }

    @Test
    void anErrorWhileSendingAgainAfterAFailedConnectEndsTheRequestInsteadOfLeavingItWaiting() {
        AtomicInteger deletes = new AtomicInteger();
        FakeTransport transport = new FakeTransport(clock, request -> {
            if (request.pathAndQuery().startsWith("/sessionMngr")) {
                return answer(201, FakeTransport.LOGON_ANSWER);
            }
            if (deletes.incrementAndGet() == 1) {
                return CompletableFuture.failedFuture(new VeeamEmTransportException("could not connect", false, null));
            }
            throw new OutOfMemoryError("simulated");
        });
        EmConnection connection = connection(transport);
        EmSession session = connection.session().join();

        CompletableFuture<EmResponse> sent = connection.executeIn(session, DELETE, VeeamEmFormat.xml);

        assertTrue(sent.isCompletedExceptionally(), "the request ended although sending it again threw");
        assertInstanceOf(OutOfMemoryError.class, failure(sent));
        assertEquals(2, transport.count("DELETE", "/jobs/j/includes/i"), "sent once more after the failed connect");
    }

    @Test
    void aLogonWithoutAnswerIsALogonFailureNotAnUnknownOutcome() {
        FakeTransport transport = new FakeTransport(
                clock, request -> CompletableFuture.failedFuture(
                        new VeeamEmTransportException("POST /sessionMngr/ got no answer", true, null)));
        EmApi api = new EmApi(connection(transport), VeeamEmFormat.json);

        Throwable failure = failure(api.submit(DELETE, new PendingChange("test", "UpdateJob")));

        VeeamEmLogonException logon = assertInstanceOf(VeeamEmLogonException.class, failure);
        assertTrue(logon.getMessage().contains("the operation was not sent"), logon.getMessage());
        assertEquals(0, transport.count("DELETE", "/jobs"), "the operation never went out");
    }

    @Test
    void anOperationWithoutAnswerHasAnUnknownOutcome() {
        FakeTransport transport = new FakeTransport(
                clock, request -> request.method().equals("POST")
                        ? answer(201, FakeTransport.LOGON_ANSWER)
                        : CompletableFuture.failedFuture(new VeeamEmTransportException("no answer", true, null)));
        EmApi api = new EmApi(connection(transport), VeeamEmFormat.json);

        assertInstanceOf(VeeamEmOutcomeUnknownException.class,
                failure(api.submit(DELETE, new PendingChange("test", "UpdateJob"))));
        assertEquals(1, transport.count("DELETE", "/jobs"), "not sent again");
    }

    @Test
    void aRequestThatCouldNotConnectIsSentOnceMoreTheLogonToo() {
        List<String> attempts = new ArrayList<>();
        FakeTransport transport = new FakeTransport(clock, request -> {
            attempts.add(request.method());
            if (attempts.size() == 1 || attempts.size() == 3) {
                return CompletableFuture.failedFuture(new VeeamEmTransportException(
                        "could not connect", false, new ConnectException("refused")));
            }
            return request.method().equals("POST") ? answer(201, FakeTransport.LOGON_ANSWER) : answer(202, task("Running"));
        });
        EmApi api = new EmApi(connection(transport), VeeamEmFormat.json);

        EmTaskHandle task = api.submit(DELETE, new PendingChange("test", "UpdateJob")).join();

        assertEquals("task-1", task.lastSeen().getTaskId());
        assertEquals(List.of("POST", "POST", "DELETE", "DELETE"), attempts);
    }

    @Test
    void a401LogsOnAgainOnceAndSendsOnceMore() {
        List<String> tokens = new ArrayList<>();
        FakeTransport transport = new FakeTransport(clock, request -> {
            if (request.method().equals("POST")) {
                return answer(201, FakeTransport.LOGON_ANSWER);
            }
            tokens.add(request.pathAndQuery());
            return tokens.size() == 1 ? answer(401, "") : answer(202, task("Running"));
        });
        EmApi api = new EmApi(connection(transport), VeeamEmFormat.json);

        api.submit(DELETE, new PendingChange("test", "UpdateJob")).join();

        assertEquals(2, transport.count("POST", "/sessionMngr"));
        assertEquals(2, transport.count("DELETE", "/jobs"));
    }

    @Test
    void afterStopNothingIsSentAndCloseLogsOff() {
        FakeTransport transport = new FakeTransport(
                clock, request -> request.method().equals("POST")
                        ? answer(201, FakeTransport.LOGON_ANSWER) : answer(204, ""));
        EmConnection connection = connection(transport);
        EmApi api = new EmApi(connection, VeeamEmFormat.json);
        connection.session().join();

        connection.stopSending("the CamelContext is stopping");
        Throwable refused = failure(api.submit(DELETE, new PendingChange("test", "UpdateJob")));
        connection.close();

        assertTrue(refused.getMessage().contains("the CamelContext is stopping"), refused.getMessage());
        assertEquals(0, transport.count("DELETE", "/jobs"));
        assertEquals(1, transport.count("DELETE", "/logonSessions/"));
        assertTrue(transport.isClosed());
    }

    @Test
    void theSessionIdAndTokenAreHeldOnlyAsStandIns() {
        FakeTransport transport = new FakeTransport(clock, request -> answer(201, FakeTransport.LOGON_ANSWER));
        EmSession session = connection(transport).session().join();

        assertFalse(session.sessionId().contains("session-1"));
        assertEquals("session-1".length(), session.sessionId().length());
        assertSame(session.sessionId(), session.sessionId());
        assertEquals("EmSession[hidden]", session.toString());
    }

    @Test
    void aSessionIdThatIsNotOneSegmentFailsTheLogonAndNeverGoesIntoAPath() {
        FakeTransport transport = new FakeTransport(
                clock, request -> answer(201, FakeTransport.LOGON_ANSWER
                        .replace("session-1", "../jobs/J/includes/I")));
        EmConnection connection = connection(transport);

        VeeamEmLogonException logon = assertInstanceOf(VeeamEmLogonException.class, failure(connection.session()));
        connection.close();

        assertTrue(logon.getMessage().contains("SessionId that cannot be used in a request path"), logon.getMessage());
        assertFalse(logon.getMessage().contains("jobs/J"), "the session id is not quoted: " + logon.getMessage());
        assertTrue(transport.sent().stream().noneMatch(sent -> sent.request().pathAndQuery().contains("..")),
                "no request path with .. : " + transport.sent());
        assertEquals(0, transport.count("DELETE", "/"));
    }

    @Test
    void anUnreadableLogonAnswerIsLoggedOffWhenItsSessionIdCanBeFound() {
        String cutShort = "<LogonSession xmlns=\"http://www.veeam.com/ent/v1.0\" Href=\"http://em.test:9399/api/"
                          + "logonSessions/5c2d3b31-9f7e-4c52-9d0a-1c8f1d5e2a77\" Type=\"LogonSession\"><Links><Li";
        FakeTransport transport = new FakeTransport(
                clock, request -> request.method().equals("POST")
                        ? answer(201, cutShort) : answer(204, ""));
        EmConnection connection = connection(transport);

        VeeamEmLogonException logon = assertInstanceOf(VeeamEmLogonException.class, failure(connection.session()));

        assertTrue(logon.getMessage().contains("could not be read"), logon.getMessage());
        assertFalse(logon.getMessage().contains("5c2d3b31"), "the session id is not quoted: " + logon.getMessage());
        assertEquals(1, transport.count("DELETE", "/logonSessions/"), "logged off: " + transport.sent());
        String path = transport.sent().get(1).request().pathAndQuery();
        assertEquals("/logonSessions/".length() + 36, path.length(), "the stand-in has the id's length");
        assertFalse(path.contains("5c2d3b31"), "the path holds the stand-in: " + path);
    }

    @Test
    void anUnreadableLogonAnswerWithoutASessionIdIsNotLoggedOff() {
        FakeTransport transport = new FakeTransport(clock, request -> answer(201, "<LogonSession><Us"));
        EmConnection connection = connection(transport);

        assertInstanceOf(VeeamEmLogonException.class, failure(connection.session()));
        assertEquals(0, transport.count("DELETE", "/"));
    }

    @ParameterizedTest
    @ValueSource(strings = { ".", "..", " " })
    void aTaskIdThatIsNotOneSegmentIsRefused(String taskId) {
        FakeTransport transport = new FakeTransport(
                clock, request -> request.method().equals("POST")
                        ? answer(201, FakeTransport.LOGON_ANSWER)
                        : CompletableFuture.completedFuture(new EmResponse(
                                202, null, task("Running")
                                        .replace("task-1", taskId).getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        EmApi api = new EmApi(connection(transport), VeeamEmFormat.json);

        Throwable failure = failure(api.submit(DELETE, new PendingChange("test", "UpdateJob")));

        assertTrue(failure.getMessage().contains("TaskId that cannot be used in a request path"), failure.getMessage());
        assertEquals(0, transport.count("GET", "/tasks"));
    }

    private EmConnection connection(FakeTransport transport) {
        return new EmConnection(transport, new EmStatistics(), "u", "p", 1000);
    }

    private static Throwable failure(CompletableFuture<?> future) {
        assertTrue(future.isCompletedExceptionally(), "failed");
        return future.handle((value, failure) -> Futures.unwrap(failure)).join();
    }
}
