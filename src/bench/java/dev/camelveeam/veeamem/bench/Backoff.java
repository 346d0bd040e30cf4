package dev.camelveeam.veeamem.bench;

/**
 * The poll schedule every client in the benchmark follows (and the one the component is specified to follow): the first
 * {@code GET /tasks/{id}} {@code initialDelay} after the 202 (at once when it is 0), then each delay twice the previous
 * one, but never less than {@code floor} and never more than {@code max}. Poll lateness is measured against it: a poll
 * is due {@link #delayBefore(int) the delay before it} after the previous request of the same task (its DELETE or
 * previous poll) reached the simulator.
 */
record Backoff(long initialDelay, long floor, long max) {

    long next(long previousDelay) {
        return Math.min(Math.max(previousDelay * 2, floor), max);
    }

    /** The delay before poll number {@code poll} (1-based), counted from the previous request of the task. */
    long delayBefore(int poll) {
        long delay = initialDelay;
        for (int j = 1; j < poll; j++) {
            delay = next(delay);
        }
        return delay;
    }

    /** The nominal time of poll number {@code poll} (1-based) after the 202, round trips taken as 0. */
    long nominalTime(int poll) {
        long at = 0;
        long delay = initialDelay;
        for (int j = 1; j <= poll; j++) {
            at += delay;
            delay = next(delay);
        }
        return at;
    }

    /** How many polls it takes, on the nominal schedule, to see a task of this run time Finished. */
    int pollsFor(long runMillis) {
        int poll = 1;
        while (nominalTime(poll) < runMillis) {
            poll++;
        }
        return poll;
    }

    /** When, after the 202, the poll that first sees a task of this run time Finished is due. */
    long dueFor(long runMillis) {
        return nominalTime(pollsFor(runMillis));
    }
}
