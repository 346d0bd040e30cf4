package dev.camelveeam.veeamem.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import dev.camelveeam.veeamem.VeeamEmException;
import dev.camelveeam.veeamem.VeeamEmFormat;
import dev.camelveeam.veeamem.VeeamEmTaskLostException;
import dev.camelveeam.veeamem.VeeamEmTaskTimeoutException;
import dev.camelveeam.veeamem.internal.FakeTransport.Sent;
import dev.camelveeam.veeamem.model.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.camelveeam.veeamem.internal.FakeTransport.answer;
import static dev.camelveeam.veeamem.internal.FakeTransport.task;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The poll schedule, its bounds and its failures, with a fake transport and a clock moved by hand. */
class TaskPollerTest {

    private final ManualScheduler clock = new ManualScheduler();
    private FakeTransport transport;
    private EmTaskHandle handle;
    private TaskPoller poller;
    private long finishAtMillis = Long.MAX_VALUE;

    @BeforeEach
    void setUp() {
        transport = new FakeTransport(clock, request -> {
            if (request.pathAndQuery().startsWith("/sessionMngr")) {
                return answer(201, FakeTransport.LOGON_ANSWER);
            }
            return answer(200, task(clock.nowMillis() >= finishAtMillis ? "Finished" : "Running"));
        });
        EmConnection connection = new EmConnection(transport, new EmStatistics(), "u", "p", 1000);
        EmApi api = new EmApi(connection, VeeamEmFormat.json);
        EmSession session = connection.session().join();
        Task accepted = new Task();
        accepted.setTaskId("task-1");
        accepted.setState("Running");
        handle = new EmTaskHandle(api, session, accepted);
        poller = new TaskPoller(clock, new EmStatistics());
    }

    @Test
    void backsOffByDoublingUpToTheMaximum() {
        finishAtMillis = 10_000;
        CompletableFuture<Task> finished = poller.awaitFinished(null, handle, settings(200, 2000, 60_000));

        clock.advance(12_000);

        assertEquals("Finished", finished.join().getState());
        assertEquals(List.of(200L, 600L, 1400L, 3000L, 5000L, 7000L, 9000L, 11000L), pollTimes());
    }

    @Test
    void zeroInitialDelayPollsAtOnceThenFromTheFloor() {
        finishAtMillis = 3000;
        CompletableFuture<Task> finished = poller.awaitFinished(null, handle, settings(0, 5000, 60_000));
        assertEquals(List.of(0L), pollTimes(), "the first poll goes out at once");

        clock.advance(10_000);

        assertTrue(finished.isDone());
        assertEquals(List.of(0L, 100L, 300L, 700L, 1500L, 3100L), pollTimes());
        assertTrue(pollTimes().size() <= 12, "a 3 s task is polled a few times, not in a loop");
    }

    @Test
    void neverPollsFasterThanTheFloorWhateverTheOptions() {
        CompletableFuture<Task> waiting = poller.awaitFinished(null, handle, settings(0, 100, 60_000));

        clock.advance(1000);

        assertFalse(waiting.isDone());
        assertEquals(11, pollTimes().size(), "at most ten polls a second after the first");
    }

    @Test
    void timesOutWithTheLastStateAndCancelsWhenAsked() {
        PollSettings cancelling = new PollSettings(200, 1000, 2500, 5, true);
        transport.answerWith(request -> request.method().equals("DELETE") ? answer(204, "")
                : answer(200, task("Running")));
        CompletableFuture<Task> waiting = poller.awaitFinished(null, handle, cancelling);

        clock.advance(3000);

        VeeamEmTaskTimeoutException timeout = assertInstanceOf(VeeamEmTaskTimeoutException.class, failure(waiting));
        assertTrue(timeout.getMessage().contains("Running"), timeout.getMessage());
        assertTrue(timeout.getMessage().contains("cancelled"), timeout.getMessage());
        assertEquals(1, transport.count("DELETE", "/tasks/task-1"));
        assertEquals(0, poller.inFlightCount());
    }

    @Test
    void anErrorInAPollEndsTheWait() {
        OutOfMemoryError error = new OutOfMemoryError("simulated");
        transport.answerWith(request -> {
            throw error;
        });
        CompletableFuture<Task> waiting = poller.awaitFinished(null, handle, settings(200, 1000, 60_000));

        clock.advance(200);

        assertSame(error, failure(waiting));
        assertEquals(0, clock.pendingCount(), "no poll left scheduled");
        assertEquals(0, poller.inFlightCount());
    }

    @Test
    void anErrorCompletingAPollEndsTheWait() {
        transport.answerWith(request -> CompletableFuture.failedFuture(new StackOverflowError("simulated")));
        CompletableFuture<Task> waiting = poller.awaitFinished(null, handle, settings(200, 1000, 60_000));

        clock.advance(200);

        assertInstanceOf(StackOverflowError.class, failure(waiting));
    }

    @Test
    void retriesFailedPollsThenGivesUpWithEveryFailure() {
        transport.answerWith(request -> answer(503, ""));
        CompletableFuture<Task> waiting = poller.awaitFinished(null, handle, new PollSettings(200, 1000, 60_000, 2, false));

        clock.advance(10_000);

        Throwable gaveUp = failure(waiting);
        assertTrue(gaveUp.getMessage().contains("failed 3 times in a row"), gaveUp.getMessage());
        assertEquals(2, gaveUp.getSuppressed().length);
        assertEquals(3, pollTimes().size());
    }

    @Test
    void aTaskEmNoLongerKnowsIsLost() {
        transport.answerWith(request -> answer(404, ""));
        CompletableFuture<Task> waiting = poller.awaitFinished(null, handle, settings(200, 1000, 60_000));

        clock.advance(200);

        assertInstanceOf(VeeamEmTaskLostException.class, failure(waiting));
    }

    @Test
    void abortCancelsTheScheduledPoll() {
        CompletableFuture<Task> waiting = poller.awaitFinished("route-a", handle, settings(60_000, 60_000, 600_000));
        assertEquals(1, clock.pendingCount());

        poller.abort("route-b", "other route");
        assertFalse(waiting.isDone());
        poller.abort("route-a", "route route-a is stopping");

        assertInstanceOf(VeeamEmException.class, failure(waiting));
        assertEquals(0, clock.pendingCount(), "the poll scheduled far ahead is gone");
        clock.advance(60_000);
        assertEquals(0, pollTimes().size());
    }

    @Test
    void aStoppedSchedulerEndsTheWait() {
        clock.stop();
        CompletableFuture<Task> waiting = poller.awaitFinished(null, handle, settings(200, 1000, 60_000));

        assertTrue(failure(waiting).getMessage().contains("stopping"));
    }

    @Test
    void pollsKeepTheirScheduleWhileAnotherWaitsAnswerIsSlow() {
        AtomicInteger polls = new AtomicInteger();
        CompletableFuture<EmResponse> never = new CompletableFuture<>();
        transport.answerWith(request -> polls.incrementAndGet() == 1 ? never : answer(200, task("Finished")));
        poller.awaitFinished(null, handle, settings(100, 1000, 60_000));
        CompletableFuture<Task> other = poller.awaitFinished(null, handle, settings(200, 1000, 60_000));

        clock.advance(200);

        assertTrue(other.isDone(), "a poll without answer holds no thread and delays no other wait");
    }

    private static PollSettings settings(long initial, long max, long timeout) {
        return new PollSettings(initial, max, timeout, 5, false);
    }

    private List<Long> pollTimes() {
        return transport.sent().stream().filter(sent -> sent.request().pathAndQuery().startsWith("/tasks/"))
                .filter(sent -> sent.request().method().equals("GET")).map(Sent::atMillis).toList();
    }

    private static Throwable failure(CompletableFuture<?> future) {
        assertTrue(future.isCompletedExceptionally(), "the wait failed");
        return future.handle((value, failure) -> Futures.unwrap(failure)).join();
    }
}
