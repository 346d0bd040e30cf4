package dev.camelveeam.veeamem.internal;

/**
 * How to wait for a task: the first poll after {@code initialDelayMillis}, each later one after twice the previous
 * delay up to {@code maxDelayMillis}, no longer than {@code timeoutMillis} in all; up to {@code retries} failed polls
 * in a row (no answer, or a 5xx) are tried again on the same schedule.
 */
public record PollSettings(
        long initialDelayMillis, long maxDelayMillis, long timeoutMillis, int retries, boolean cancelOnTimeout) {

    public long nextDelay(long previousDelayMillis) {
        return Math.min(previousDelayMillis * 2, maxDelayMillis);
    }
}
