package dev.camelveeam.veeamem.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Changes with one key run one after the other, whatever the first one's outcome, and leave nothing behind. */
class ChangeGateTest {

    private final ChangeGate gate = new ChangeGate();

    @Test
    void aChangeWaitsForThePreviousOneWithItsKeyOnly() {
        List<String> started = new ArrayList<>();
        CompletableFuture<String> firstDone = new CompletableFuture<>();

        CompletableFuture<String> first = gate.inTurn("a", () -> {
            started.add("first");
            return firstDone;
        });
        CompletableFuture<String> second = gate.inTurn("a", () -> {
            started.add("second");
            return CompletableFuture.completedFuture("second");
        });
        CompletableFuture<String> other = gate.inTurn("b", () -> {
            started.add("other");
            return CompletableFuture.completedFuture("other");
        });

        assertEquals(List.of("first", "other"), started, "the duplicate waits; another key does not");
        assertFalse(second.isDone());
        firstDone.completeExceptionally(new IllegalStateException("EM refused it"));

        assertTrue(first.isCompletedExceptionally());
        assertEquals("second", second.join(), "a failed first change does not block the next one");
        assertEquals(List.of("first", "other", "second"), started);
        assertEquals(0, gate.size(), "no key is kept once its changes ended");
    }

    @Test
    void aChangeThatThrowsEndsItsTurn() {
        CompletableFuture<Object> failing = gate.inTurn("a", () -> {
            throw new IllegalArgumentException("bad input");
        });
        CompletableFuture<String> next = gate.inTurn("a", () -> CompletableFuture.completedFuture("next"));

        assertTrue(failing.isCompletedExceptionally());
        assertEquals("next", next.join());
        assertEquals(0, gate.size());
    }
}
