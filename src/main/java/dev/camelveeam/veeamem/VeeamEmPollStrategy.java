package dev.camelveeam.veeamem;

/**
 * How the producer times the polls of a task EM accepted.
 */
public enum VeeamEmPollStrategy {
    /**
     * Learns, per EM connection and operation, how long recent tasks took, and polls densely around the expected
     * finish; within the same bounds as back-off (at least 100 ms between polls, at most pollMaxDelay). Back-off until
     * 8 tasks of the operation have finished.
     */
    adaptive,
    /** The first poll after pollInitialDelay, then twice the previous wait each time, capped at pollMaxDelay. */
    backoff
}
