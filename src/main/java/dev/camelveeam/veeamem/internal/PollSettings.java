package dev.camelveeam.veeamem.internal;

/**
 * How to wait for a task: the first poll after {@code initialDelayMillis} (0: at once), each later one after twice
 * the previous delay, never less than {@link #FLOOR_MILLIS} nor more than {@code maxDelayMillis}; no longer than
 * {@code timeoutMillis} in all; up to {@code retries} failed polls in a row (no answer, or a 5xx) tried again on the
 * same schedule.
 */
public record PollSettings(
        long initialDelayMillis, long maxDelayMillis, long timeoutMillis, int retries, boolean cancelOnTimeout) {

    /** The shortest time between two polls of one task, whatever the options say: at most ten polls a second. */
    public static final long FLOOR_MILLIS = 100;

    public long nextDelay(long previousDelayMillis) {
        return Math.min(Math.max(previousDelayMillis * 2, FLOOR_MILLIS), maxDelayMillis);
    }
}
