package dev.camelveeam.veeamem.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Small helpers for the futures every EM call returns. */
public final class Futures {

    private Futures() {
    }

    /** The failure itself, out of the CompletionException a dependent stage wraps it in. */
    public static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /**
     * Waits for the future on the calling thread, for the callers that Camel runs synchronously (a scheduled consumer's
     * poll, a health check, a transacted exchange). Every EM future completes within the transport's deadlines.
     */
    public static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = unwrap(e);
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
