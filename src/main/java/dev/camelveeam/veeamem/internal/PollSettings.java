package dev.camelveeam.veeamem.internal;

/**
 * How to wait for a task: the first poll after {@code initialDelayMillis} (0: at once), each later one after twice the
 * previous delay, never less than {@link #FLOOR_MILLIS} nor more than {@code maxDelayMillis}; no longer than
 * {@code timeoutMillis} in all; up to {@code retries} failed polls in a row (no answer, or a 5xx) tried again on the
 * same schedule. With {@code estimates} (the adaptive strategy), the polls follow what those learnt of the operation's
 * run times instead, within the same floor and cap (see {@link RunTimeEstimates}); null: plain back-off.
 */
public record PollSettings(
        long initialDelayMillis, long maxDelayMillis, long timeoutMillis, int retries, boolean cancelOnTimeout,
        RunTimeEstimates estimates) {

    /** The shortest time between two polls of one task, whatever the options say: at most ten polls a second. */
    public static final long FLOOR_MILLIS = 100;

    /** Plain back-off. */
    public PollSettings(long initialDelayMillis, long maxDelayMillis, long timeoutMillis, int retries,
                        boolean cancelOnTimeout) {
        this(initialDelayMillis, maxDelayMillis, timeoutMillis, retries, cancelOnTimeout, null);
    }

    public long nextDelay(long previousDelayMillis) {
        return Math.min(Math.max(previousDelayMillis * 2, FLOOR_MILLIS), maxDelayMillis);
    }

    /** Whether the polls adapt to the learnt run times. */
    public boolean isAdaptive() {
        return estimates != null;
    }
}
