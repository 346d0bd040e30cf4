package dev.camelveeam.veeamem.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a veeam-em component has done since it started, for its dev console.
 */
public final class EmStatistics {

    private final LongAdder operations = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final LongAdder polls = new LongAdder();
    private final LongAdder logons = new LongAdder();

    public void operation() {
        operations.increment();
    }

    public void failure() {
        failures.increment();
    }

    public void poll() {
        polls.increment();
    }

    public void logon() {
        logons.increment();
    }

    public Map<String, Long> snapshot() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("operations", operations.sum());
        counts.put("failures", failures.sum());
        counts.put("polls", polls.sum());
        counts.put("logons", logons.sum());
        return counts;
    }
}
