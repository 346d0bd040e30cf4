package dev.camelveeam.veeamem.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** One timer for deadlines of one length, with a clock moved by hand. */
class SameLengthDeadlinesTest {

    private final ManualScheduler clock = new ManualScheduler();
    private final SameLengthDeadlines deadlines = new SameLengthDeadlines(clock, 1000);
    private final List<String> fired = new ArrayList<>();

    @Test
    void aDeadlineFallsDueAfterItsLengthAndNotBefore() {
        deadlines.start(() -> fired.add("a"));

        clock.advance(999);
        assertEquals(List.of(), fired);
        clock.advance(1);
        assertEquals(List.of("a"), fired);
        assertEquals(0, deadlines.size());
        assertEquals(0, clock.pendingCount(), "no timer left once nothing runs");
    }

    @Test
    void oneTimerServesManyDeadlinesEachFallingDueOnTime() {
        for (int i = 0; i < 100; i++) {
            String name = "d" + i;
            long startedAt = clock.nowMillis();
            deadlines.start(() -> fired.add(name + "@" + (clock.nowMillis() - startedAt)));
            clock.advance(7);
        }
        assertEquals(1, clock.pendingCount(), "one timer for 100 running deadlines");

        clock.advance(2000);

        assertEquals(100, fired.size());
        for (int i = 0; i < 100; i++) {
            assertEquals("d" + i + "@1000", fired.get(i), "each in order, exactly its length after it started");
        }
        assertEquals(0, clock.pendingCount());
    }

    @Test
    void anEndedDeadlineNeverRunsAndIsNotKept() {
        EmScheduler.Scheduled first = deadlines.start(() -> fired.add("first"));
        clock.advance(10);
        deadlines.start(() -> fired.add("second"));
        EmScheduler.Scheduled third = deadlines.start(() -> fired.add("third"));

        first.cancel();
        assertEquals(2, deadlines.size(), "the ended head is dropped at once");
        third.cancel();
        clock.advance(5000);

        assertEquals(List.of("second"), fired);
        assertEquals(0, deadlines.size());
        assertEquals(0, clock.pendingCount());
    }

    @Test
    void aDeadlineStartedAfterTheTimerFiredGetsATimerOfItsOwn() {
        deadlines.start(() -> fired.add("a"));
        clock.advance(1000);
        deadlines.start(() -> fired.add("b"));

        clock.advance(999);
        assertEquals(List.of("a"), fired);
        clock.advance(1);
        assertEquals(List.of("a", "b"), fired);
    }

    @Test
    void aFailingTaskDoesNotStopTheOthers() {
        deadlines.start(() -> {
            throw new IllegalStateException("boom");
        });
        deadlines.start(() -> fired.add("b"));

        clock.advance(1000);

        assertEquals(List.of("b"), fired);
    }

    @Test
    void aStoppedSchedulerRefusesANewDeadlineAndKeepsNothing() {
        clock.stop();

        assertThrows(RejectedExecutionException.class, () -> deadlines.start(() -> fired.add("a")));
        assertEquals(0, deadlines.size());
    }
}
