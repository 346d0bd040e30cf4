package dev.camelveeam.veeamem.internal;

/**
 * How to wait for a task: the first poll after {@code initialDelayMillis}, each later one after twice the previous
 * delay up to {@code maxDelayMillis}, and no longer than {@code timeoutMillis} in all.
 */
public record PollSettings(long initialDelayMillis, long maxDelayMillis, long timeoutMillis) {

    public long nextDelay(long previousDelayMillis) {
        return Math.min(previousDelayMillis * 2, maxDelayMillis);
    }
}
