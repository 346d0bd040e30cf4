package dev.camelveeam.veeamem.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
        accepted.setOperation("DeleteJobInclude");
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
        transport.answerWith(request -> request.method().equals("DELETE")
                ? answer(204, "")
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

    // the adaptive strategy

    @Test
    void learnsAStableRunTimeAndPollsRightAfterIt() {
        RunTimeEstimates estimates = new RunTimeEstimates();
        Random random = new Random(1);
        for (int i = 0; i < 40; i++) {
            runTask(adaptive(estimates), 1400 + random.nextInt(200));
        }

        List<Long> polls = runTask(adaptive(estimates), 1500);

        long delay = last(polls) - 1500;
        assertTrue(delay >= 0 && delay <= 1500 / 10 + 50, "noticed " + delay + " ms after it finished: " + polls);
        assertTrue(polls.size() <= 4, "no more polls than doubling's 4 (0.2, 0.6, 1.4, 3.0 s): " + polls);
        assertGapsWithinBounds(polls, 5000);
        RunTimeEstimates.Quantiles learnt = estimates.snapshot().get("removeInclude/DeleteJobInclude");
        assertTrue(learnt.median() >= 1400 && learnt.median() <= 1600, learnt.toString());
    }

    @Test
    void aTaskMuchLongerThanItsHistoryIsStillNoticedWithinTheBackOffBounds() {
        RunTimeEstimates estimates = new RunTimeEstimates();
        for (int i = 0; i < 30; i++) {
            runTask(adaptive(estimates), 1000);
        }

        List<Long> polls = runTask(adaptive(estimates), 60_000);

        assertGapsWithinBounds(polls, 5000);
        long delay = last(polls) - 60_000;
        assertTrue(delay >= 0 && delay <= 5000, "noticed " + delay + " ms after it finished");
        assertTrue(polls.size() <= 25, "back-off, not a poll every 100 ms: " + polls.size() + " polls");
    }

    @Test
    void aTaskMuchShorterThanItsHistoryIsStillNoticedWithinTheBackOffBounds() {
        RunTimeEstimates estimates = new RunTimeEstimates();
        for (int i = 0; i < 30; i++) {
            runTask(adaptive(estimates), 40_000);
        }

        List<Long> polls = runTask(adaptive(estimates), 150);

        assertGapsWithinBounds(polls, 5000);
        assertEquals(1, polls.size(), "the first poll sees it: " + polls);
        assertTrue(polls.get(0) <= 5000, "noticed within pollMaxDelay: " + polls);
    }

    @Test
    void followsAChangeOfTheTypicalRunTimeBothWays() {
        RunTimeEstimates estimates = new RunTimeEstimates();
        for (int i = 0; i < 40; i++) {
            runTask(adaptive(estimates), 8000);
        }
        for (int i = 0; i < RunTimeEstimates.SAMPLES; i++) {
            assertGapsWithinBounds(runTask(adaptive(estimates), 2000), 5000);
        }
        List<Long> shorter = runTask(adaptive(estimates), 2000);
        for (int i = 0; i < RunTimeEstimates.SAMPLES; i++) {
            assertGapsWithinBounds(runTask(adaptive(estimates), 8000), 5000);
        }
        List<Long> longer = runTask(adaptive(estimates), 8000);

        assertTrue(last(shorter) - 2000 <= 2000 / 4 + 100, "after it got shorter: " + shorter);
        assertTrue(shorter.size() <= 4, "as few polls as doubling's (0.2, 0.6, 1.4, 3.0 s): " + shorter);
        assertTrue(last(longer) - 8000 <= 8000 / 4 + 100, "after it got longer again: " + longer);
        assertTrue(longer.size() <= 6, "no more polls than doubling's 6 (… 3.0, 8.0, 13.0 s): " + longer);
    }

    @Test
    void neverPollsFasterThanTheFloorNorWaitsLongerThanTheCapAdaptively() {
        RunTimeEstimates estimates = new RunTimeEstimates();
        Random random = new Random(2);
        for (int i = 0; i < 200; i++) {
            long runMillis = (long) (Math.exp(random.nextGaussian() * 1.5) * 2000);
            assertGapsWithinBounds(runTask(adaptive(estimates), runMillis), 5000);
        }
        for (int i = 0; i < 20; i++) {
            assertGapsWithinBounds(runTask(adaptive(estimates, 0, 1000), 50 + random.nextInt(3000)), 1000);
        }
    }

    @Test
    void usesPlainBackOffUntilItHasLearntEnough() {
        RunTimeEstimates estimates = new RunTimeEstimates();
        for (int i = 0; i < RunTimeEstimates.MIN_SAMPLES; i++) {
            assertEquals(List.of(200L, 600L, 1400L, 3000L), runTask(adaptive(estimates), 2900));
        }

        assertTrue(runTask(adaptive(estimates), 2900).size() < 4, "learnt after " + RunTimeEstimates.MIN_SAMPLES);
    }

    @Test
    void theBackOffSettingsIgnoreWhatWasLearnt() {
        RunTimeEstimates estimates = new RunTimeEstimates();
        for (int i = 0; i < 30; i++) {
            runTask(adaptive(estimates), 2900);
        }

        assertEquals(List.of(200L, 600L, 1400L, 3000L), runTask(settings(200, 5000, 600_000), 2900));
        assertFalse(settings(200, 5000, 600_000).isAdaptive());
        assertTrue(adaptive(estimates).isAdaptive());
    }

    @Test
    void failedTasksAreNotLearnt() {
        RunTimeEstimates estimates = new RunTimeEstimates();
        transport.answerWith(request -> answer(200, task("Finished").replace("\"Success\":true", "\"Success\":false")));
        for (int i = 0; i < 20; i++) {
            poller.awaitFinished(null, handle, adaptive(estimates), "removeInclude");
            clock.advance(1000);
        }

        assertEquals(-1, estimates.snapshot().get("removeInclude/DeleteJobInclude").median());
    }

    @Test
    void theEstimatesAreBounded() {
        RunTimeEstimates estimates = new RunTimeEstimates();
        RunTimeEstimates.Estimate one = estimates.estimate("removeInclude", "DeleteJobInclude");
        for (int i = 0; i < 10_000; i++) {
            one.record(i);
        }
        for (int i = 0; i < 1000; i++) {
            estimates.estimate("op" + i, "Task" + i).record(i);
        }

        assertTrue(estimates.size() <= RunTimeEstimates.MAX_OPERATIONS, estimates.size() + " operations kept");
        assertTrue(estimates.snapshot().values().stream().allMatch(q -> q.samples() <= RunTimeEstimates.SAMPLES));
        assertEquals(10_000 - 1 - RunTimeEstimates.SAMPLES / 2, one.quantiles().median(), 1, "the last 64 only");
    }

    @Test
    void pollsNoMoreThanDoublingOnAStableWorkload() {
        RunTimeEstimates estimates = new RunTimeEstimates();
        Random random = new Random(3);
        long[] medians = { 50, 200, 500, 1500, 5000, 20_000, 60_000 };
        int adaptivePolls = 0;
        int backOffPolls = 0;
        for (int i = 0; i < 60; i++) {
            for (long median : medians) {
                long runMillis = Math.max(1, (long) (median * Math.exp(random.nextGaussian() * 0.25)));
                String operation = "op" + median;
                List<Long> adaptive = runTask(adaptive(estimates), runMillis, operation);
                List<Long> backOff = runTask(settings(200, 5000, 600_000), runMillis, operation);
                if (i >= 20) {
                    adaptivePolls += adaptive.size();
                    backOffPolls += backOff.size();
                    long bound = runMillis / 4 + 100;
                    assertTrue(last(adaptive) - runMillis <= Math.max(bound, 200),
                            runMillis + " ms task of " + operation + " polled at " + adaptive);
                }
            }
        }

        assertTrue(adaptivePolls <= backOffPolls, adaptivePolls + " adaptive polls against " + backOffPolls);
    }

    @Test
    void theScheduleOfTheComponentPagesFigure() {
        RunTimeEstimates.Quantiles learnt = new RunTimeEstimates.Quantiles(32, 1100, 1500, 2300);
        List<Long> points = new ArrayList<>();
        for (long at = 0, next; (next = learnt.nextPoint(at, PollSettings.FLOOR_MILLIS, 5000)) >= 0; at = next) {
            points.add(next);
        }

        assertEquals(List.of(1269L, 1547L, 1886L, 2300L, 2714L, 3202L, 3778L), points,
                "dense from q10 to q95 in 18 % steps, on to 1.5 × q95; then doubling");
    }

    /** Runs one task of {@code runMillis} to the end; the times of its polls, from when it was accepted. */
    private List<Long> runTask(PollSettings settings, long runMillis) {
        return runTask(settings, runMillis, "removeInclude");
    }

    private List<Long> runTask(PollSettings settings, long runMillis, String operation) {
        long start = clock.nowMillis();
        int before = pollTimes().size();
        finishAtMillis = start + runMillis;
        CompletableFuture<Task> finished = poller.awaitFinished(null, handle, settings, operation);
        while (!finished.isDone()) {
            clock.advance(100);
        }
        assertEquals("Finished", finished.join().getState());
        List<Long> all = pollTimes();
        return all.subList(before, all.size()).stream().map(at -> at - start).toList();
    }

    private static void assertGapsWithinBounds(List<Long> polls, long cap) {
        assertTrue(polls.get(0) <= cap, "first poll after " + polls.get(0) + " ms");
        for (int i = 1; i < polls.size(); i++) {
            long gap = polls.get(i) - polls.get(i - 1);
            assertTrue(gap >= PollSettings.FLOOR_MILLIS && gap <= cap, "a gap of " + gap + " ms: " + polls);
        }
    }

    private static long last(List<Long> polls) {
        return polls.get(polls.size() - 1);
    }

    private static PollSettings adaptive(RunTimeEstimates estimates) {
        return adaptive(estimates, 200, 5000);
    }

    private static PollSettings adaptive(RunTimeEstimates estimates, long initial, long max) {
        return new PollSettings(initial, max, 600_000, 5, false, estimates);
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
