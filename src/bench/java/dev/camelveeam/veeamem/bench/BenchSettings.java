package dev.camelveeam.veeamem.bench;

import java.util.Arrays;
import java.util.List;

/** The knobs of a run, from {@code -Dbench.*} system properties (the Maven profile passes its properties on). */
record BenchSettings(
        int rounds,
        int warmupRounds,
        int roundMillis,
        int latencyMinOps,
        List<Long> pollInitialDelays,
        long throughputPollInitialDelay,
        List<Integer> concurrency,
        int throughputWarmupSeconds,
        int windowSeconds,
        int inFlight,
        int inFlightTaskSeconds,
        int senderThreads,
        int sweepStepMillis,
        int sweepMaxSeconds,
        long pollMaxDelay,
        long pollFloor,
        List<String> phases,
        int warmupOps,
        int throughputRounds,
        int submissions,
        int submitWarmup,
        int submitMaxSeconds,
        int answerDelayMillis,
        int slowExchanges,
        int slowStepMillis,
        int streamExchanges,
        int streamIntervalMillis,
        int streamTaskMillis,
        int longTaskMillis,
        Integer contextMaxQueueSize,
        int adaptiveTasks,
        int adaptiveSeconds) {

    /** Every phase, in the order they run. */
    static final List<String> ALL_PHASES = List.of("inflight", "submit", "latency", "slowstep", "polls", "throughput",
            "sweep", "breakdown", "adaptive");

    /** Initial poll delays from this value up count as slow: fewer decimals in the report. */
    static final long SLOW_DELAY = 50;

    boolean runs(String phase) {
        return phases.contains(phase);
    }

    /** The schedule of a client polling with this first-poll delay. */
    Backoff backoff(long initialDelay) {
        return new Backoff(initialDelay, pollFloor, pollMaxDelay);
    }

    static BenchSettings fromSystemProperties() {
        List<String> phases = Arrays.stream(text("bench.phases", String.join(",", ALL_PHASES)).split(","))
                .map(String::trim).filter(p -> !p.isEmpty()).toList();
        for (String phase : phases) {
            if (!ALL_PHASES.contains(phase)) {
                throw new IllegalArgumentException("unknown bench.phases entry '" + phase + "'; known: " + ALL_PHASES);
            }
        }
        return new BenchSettings(
                integer("bench.rounds", 15),
                integer("bench.warmupRounds", 2),
                integer("bench.roundMillis", 1000),
                integer("bench.latencyMinOps", 3000),
                Arrays.stream(text("bench.pollInitialDelays", "0,1,10").split(",")).map(String::trim).map(Long::valueOf)
                        .toList(),
                integer("bench.throughputPollInitialDelay", 1),
                Arrays.stream(text("bench.concurrency", "1,16,256").split(",")).map(String::trim).map(Integer::valueOf)
                        .toList(),
                integer("bench.throughputWarmupSeconds", 2),
                integer("bench.windowSeconds", 2),
                integer("bench.inFlight", 10000),
                integer("bench.inFlightTaskSeconds", 10),
                integer("bench.senderThreads", 16),
                integer("bench.sweepStepMillis", 250),
                integer("bench.sweepMaxSeconds", 12),
                5000,
                integer("bench.pollFloorMillis", 100),
                phases,
                integer("bench.warmupOps", 8000),
                integer("bench.throughputRounds", 5),
                integer("bench.submissions", 300),
                integer("bench.submitWarmup", 50),
                integer("bench.submitMaxSeconds", 15),
                integer("bench.answerDelayMillis", 200),
                integer("bench.slowExchanges", 6),
                integer("bench.slowStepMillis", 3000),
                integer("bench.streamExchanges", 45),
                integer("bench.streamIntervalMillis", 100),
                integer("bench.streamTaskMillis", 700),
                integer("bench.longTaskMillis", 3000),
                text("bench.contextMaxQueueSize", "").isEmpty() ? null : integer("bench.contextMaxQueueSize", 1000),
                integer("bench.adaptiveTasks", 150),
                integer("bench.adaptiveSeconds", 240));
    }

    private static String text(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() || value.startsWith("${") ? fallback : value.trim();
    }

    private static int integer(String name, int fallback) {
        return Integer.parseInt(text(name, Integer.toString(fallback)));
    }
}
