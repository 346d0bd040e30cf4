package dev.camelveeam.veeamem.internal;

import java.util.concurrent.RejectedExecutionException;

/**
 * The clock and timer of waits on EM: polls, answer deadlines. One interface so that tests can drive time by hand.
 */
public interface EmScheduler {

    /**
     * Runs the task once after the delay.
     *
     * @throws RejectedExecutionException when the scheduler has stopped
     */
    Scheduled schedule(Runnable task, long delayMillis);

    /** The current time of this scheduler's clock, for deadlines. */
    long nanoTime();

    /** A task scheduled to run later. */
    interface Scheduled {

        /** Makes sure the task will not run; harmless when it already ran. */
        void cancel();
    }
}
