package dev.camelveeam.veeamem.internal;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Runs changes with the same key one after the other, without holding a thread: a change waits (as a chained future)
 * for the previous one with its key to end, whatever its outcome. Used for {@code idempotent} changes, so that a
 * duplicate message looks at EM only once the first change is done.
 */
public final class ChangeGate {

    private final Map<String, CompletableFuture<?>> latest = new ConcurrentHashMap<>();

    public <T> CompletableFuture<T> inTurn(String key, Supplier<CompletableFuture<T>> change) {
        CompletableFuture<T> mine = new CompletableFuture<>();
        CompletableFuture<?> previous = latest.put(key, mine);
        CompletableFuture<?> turn = previous == null ? CompletableFuture.completedFuture(null) : previous;
        turn.handle((ignored, failure) -> null)
                .thenCompose(ignored -> change.get())
                .whenComplete((value, failure) -> {
                    latest.remove(key, mine);
                    if (failure == null) {
                        mine.complete(value);
                    } else {
                        mine.completeExceptionally(Futures.unwrap(failure));
                    }
                });
        return mine;
    }

    /** The number of keys with a change running or waiting. */
    public int size() {
        return latest.size();
    }
}
