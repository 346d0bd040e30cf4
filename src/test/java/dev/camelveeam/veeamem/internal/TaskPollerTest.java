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
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
        // within the ladder's resolution: run times are learnt from polls on it
        assertTrue(learnt.median() >= 1300 && learnt.median() <= 1700, learnt.toString());
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
    void followsAChangeOfTheTypicalRunTimeWithinAFewTasksBothWays() {
        RunTimeEstimates estimates = new RunTimeEstimates();
        Random random = new Random(4);
        for (int i = 0; i < 40; i++) {
            runTask(adaptive(estimates), 8000 + random.nextInt(1600) - 800);
        }

        // 8 s -> 4 s: the first tasks after the change are seen late (at the first poll of the 8 s schedule, within the
        // bounds); from the 3rd on, every one is seen within a quarter of its time + 100 ms, and from the 5th on with
        // no more polls than doubling's 5 (0.2, 0.6, 1.4, 3.0, 6.2 s)
        assertFollowedWithin(estimates, random, 4000, 3, 5, 5);
        // and back, 4 s -> 8 s: a longer task is seen within the bounds meanwhile; from the 2nd on within a quarter of
        // its time + 100 ms, from the 4th on with no more polls than doubling's 7 (… 6.2, 11.2 s)
        assertFollowedWithin(estimates, random, 8000, 2, 4, 7);
    }

    /**
     * Runs tasks of about {@code runMillis}: from the {@code seenWithin}-th on, each must be seen within a quarter of
     * its time + 100 ms, from the {@code fewerPollsWithin}-th on with at most {@code doublingPolls} polls.
     */
    private void assertFollowedWithin(
            RunTimeEstimates estimates, Random random, long runMillis, int seenWithin, int fewerPollsWithin,
            int doublingPolls) {
        for (int i = 1; i <= fewerPollsWithin + 10; i++) {
            long run = runMillis + random.nextInt((int) runMillis / 5) - runMillis / 10;
            List<Long> polls = runTask(adaptive(estimates), run);
            assertGapsWithinBounds(polls, 5000);
            if (i >= seenWithin) {
                assertTrue(last(polls) - run <= run / 4 + 100, "task " + i + " after the change (" + run + " ms): " + polls);
            }
            if (i >= fewerPollsWithin) {
                assertTrue(polls.size() <= doublingPolls, "task " + i + " after the change: " + polls);
            }
        }
        RunTimeEstimates.Quantiles learnt = estimates.snapshot().get("removeInclude/DeleteJobInclude");
        assertTrue(Math.abs(learnt.median() - runMillis) <= runMillis / 5, learnt.toString());
    }

    @Test
    void dropsTheOlderRunTimesWhenTheLatestAllFallOutsideThem() {
        RunTimeEstimates.Estimate estimate = new RunTimeEstimates().estimate("removeInclude", "DeleteJobInclude");
        for (int i = 0; i < 20; i++) {
            estimate.record(7000 + 100 * (i * 7 % 20));
        }
        estimate.record(4000);
        estimate.record(9500);
        estimate.record(3900);
        estimate.record(8000);
        assertEquals(24, estimate.quantiles().samples(), "outliers among them: no change");

        estimate.record(4100);
        estimate.record(4000);
        assertEquals(26, estimate.quantiles().samples(), "two below: not yet");
        estimate.record(3800);

        assertEquals(RunTimeEstimates.SHIFT_RUN, estimate.quantiles().samples(), "three below: the older ones dropped");
        assertEquals(4000, estimate.quantiles().median());
    }

    @Test
    void learnsTheRunTimeFromWhenThePollsWereSentNotWhenTheirAnswersCame() {
        RunTimeEstimates estimates = new RunTimeEstimates();
        transport.answerWith(request -> {
            // the state when EM got the poll, the answer 400 ms later (a loaded machine)
            String state = clock.nowMillis() >= finishAtMillis ? "Finished" : "Running";
            CompletableFuture<EmResponse> late = new CompletableFuture<>();
            clock.schedule(() -> late.complete(answer(200, task(state)).join()), 400);
            return late;
        });
        for (int i = 0; i < 40; i++) {
            runTask(adaptive(estimates), 2000);
        }

        RunTimeEstimates.Quantiles learnt = estimates.snapshot().get("removeInclude/DeleteJobInclude");
        assertTrue(learnt.median() >= 1800 && learnt.median() <= 2200, "not 400 ms more: " + learnt);
    }

    @Test
    void theScheduleKeepsToOneLadderWhateverWasLearnt() {
        RunTimeEstimates.Quantiles one = new RunTimeEstimates.Quantiles(32, 1100, 1500, 2300);
        RunTimeEstimates.Quantiles other = new RunTimeEstimates.Quantiles(20, 1240, 1650, 2600);
        List<Long> first = schedule(one);
        List<Long> second = schedule(other);

        List<Long> common = first.stream().filter(at -> at >= second.get(0) && at <= second.get(second.size() - 1))
                .toList();
        assertTrue(common.size() >= 4, first + " / " + second);
        assertTrue(second.containsAll(common), "the same points where the two overlap: " + first + " / " + second);
    }

    private static List<Long> schedule(RunTimeEstimates.Quantiles learnt) {
        List<Long> points = new ArrayList<>();
        for (long at = 0, next; (next = learnt.nextPoint(at, PollSettings.FLOOR_MILLIS, 5000)) >= 0; at = next) {
            points.add(next);
        }
        return points;
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

        assertNotEquals(List.of(200L, 600L, 1400L, 3000L), runTask(adaptive(estimates), 2900),
                "learnt after " + RunTimeEstimates.MIN_SAMPLES);
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
        assertTrue(one.quantiles().median() >= 10_000 - RunTimeEstimates.SAMPLES, "the latest only: " + one.quantiles());
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

        assertEquals(List.of(1011L, 1236L, 1501L, 1813L, 2180L, 2612L, 3120L, 3718L), schedule(learnt),
                "from the last point of the ladder at or below q10 + 100 ms to the first past 1.5 × q95; then doubling");
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
