package dev.camelveeam.veeamem.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The targets of the benchmark and what the run found for each: every target starts as "not run" and only a phase that
 * measured it can make it "met" or "not met".
 */
final class Verdicts {

    enum Status {
        MET("met"),
        NOT_MET("**not met**"),
        NOT_RUN("not run");

        final String text;

        Status(String text) {
            this.text = text;
        }
    }

    record Verdict(String target, String figure, Status status) {
    }

    private final Map<String, Verdict> byKey = new LinkedHashMap<>();

    /** Declares a target (in report order), not run until {@link #set} says otherwise. */
    void declare(String key, String target) {
        byKey.put(key, new Verdict(target, "", Status.NOT_RUN));
    }

    void set(String key, String figure, boolean met) {
        Verdict was = require(key);
        byKey.put(key, new Verdict(was.target(), figure, met ? Status.MET : Status.NOT_MET));
    }

    void notRun(String key, String why) {
        Verdict was = require(key);
        byKey.put(key, new Verdict(was.target(), why, Status.NOT_RUN));
    }

    /** Replaces the target's wording (e.g. with the figures of the run's settings) and keeps its state. */
    void retarget(String key, String target) {
        Verdict was = require(key);
        byKey.put(key, new Verdict(target, was.figure(), was.status()));
    }

    private Verdict require(String key) {
        Verdict verdict = byKey.get(key);
        if (verdict == null) {
            throw new IllegalArgumentException("undeclared target " + key);
        }
        return verdict;
    }

    String table() {
        StringBuilder table = new StringBuilder("| Target | Figure | Verdict |\n|---|---|---|\n");
        byKey.values().forEach(v -> table.append("| ").append(v.target()).append(" | ").append(v.figure().isEmpty()
                ? "–"
                : v.figure()).append(" | ").append(v.status().text).append(" |\n"));
        return table.toString();
    }
}
