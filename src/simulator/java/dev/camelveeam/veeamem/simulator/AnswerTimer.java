package dev.camelveeam.veeamem.simulator;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs answer writing later on an HTTP thread, timed by the simulator's scheduler: no thread waits meanwhile, and the
 * scheduler thread never writes (a client that does not read could block it, and task state changes with it).
 */
final class AnswerTimer {

    /** A piece of answer writing; on failure it has closed its exchange. */
    @FunctionalInterface
    interface Write {

        void run() throws IOException;
    }

    private final ScheduledExecutorService scheduler;
    private final Executor httpExecutor;

    AnswerTimer(ScheduledExecutorService scheduler, Executor httpExecutor) {
        this.scheduler = scheduler;
        this.httpExecutor = httpExecutor;
    }

    /** Runs {@code write} on an HTTP thread after {@code delay}; dropped if the simulator closes first. */
    void after(Duration delay, Write write) {
        try {
            scheduler.schedule(() -> httpExecutor.execute(() -> {
                try {
                    write.run();
                } catch (IOException e) {
                    // the client gave up (its read timeout, say); write has closed the exchange, nobody is left to tell
                }
            }), delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // the simulator is closing and its server has cut every connection: nothing is left to write to
        }
    }
}
