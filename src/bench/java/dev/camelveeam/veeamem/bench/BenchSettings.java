package dev.camelveeam.veeamem.bench;

import java.util.Arrays;
import java.util.List;

/** The knobs of a run, from {@code -Dbench.*} system properties (the Maven profile passes its properties on). */
record BenchSettings(
        int rounds,
        int warmupRounds,
        int roundMillis,
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
        List<String> phases,
        int warmupOps,
        int variantPollerPoolSize,
        int throughputRounds) {

    /** Initial poll delays from this value up count as slow: fewer operations per latency round. */
    static final long SLOW_DELAY = 50;

    boolean runs(String phase) {
        return phases.contains(phase);
    }

    static BenchSettings fromSystemProperties() {
        return new BenchSettings(
                integer("bench.rounds", 15),
                integer("bench.warmupRounds", 2),
                integer("bench.roundMillis", 1000),
                Arrays.stream(text("bench.pollInitialDelays", "0,1,10,200").split(",")).map(String::trim).map(Long::valueOf).toList(),
                integer("bench.throughputPollInitialDelay", 1),
                Arrays.stream(text("bench.concurrency", "1,16,256").split(",")).map(String::trim).map(Integer::valueOf).toList(),
                integer("bench.throughputWarmupSeconds", 2),
                integer("bench.windowSeconds", 2),
                integer("bench.inFlight", 1000),
                integer("bench.inFlightTaskSeconds", 10),
                integer("bench.senderThreads", 16),
                integer("bench.sweepStepMillis", 250),
                integer("bench.sweepMaxSeconds", 12),
                5000,
                Arrays.stream(text("bench.phases", "inflight,latency,throughput,sweep,breakdown").split(",")).map(String::trim).toList(),
                integer("bench.warmupOps", 8000),
                integer("bench.variantPollerPoolSize", 16),
                integer("bench.throughputRounds", 7));
    }

    private static String text(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static int integer(String name, int fallback) {
        return Integer.parseInt(text(name, Integer.toString(fallback)));
    }
}
