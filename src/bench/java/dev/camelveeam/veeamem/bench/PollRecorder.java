package dev.camelveeam.veeamem.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.camelveeam.veeamem.simulator.RecordedRequest;

/**
 * When the simulator received each in-flight task's DELETE and polls, kept in arrays allocated before any heap baseline
 * (so that keeping them costs no heap per task during the measurement), and from them how far behind its schedule each
 * poll arrived.
 */
final class PollRecorder {

    /** A stretch of time (epoch µs) in which the harness itself stalled the process (a full GC for a heap count). */
    record Window(long fromMicros, long toMicros) {
    }

    /** Lateness of all polls, and per poll number; polls due inside an excluded window are left out. */
    record Lateness(Stats all, Map<Integer, Stats> byPoll, Map<Integer, Stats> offsetByPoll, int excluded,
            int tasks, int tasksWithoutTaskId) {
    }

    private final String userAgent;
    private final Map<String, Integer> indexOfInclude;
    final long[] deleteMicros;
    private final int[] pollTask;
    private final long[] pollMicros;
    private int polls;
    private int deletes;
    private int overflow;

    PollRecorder(String userAgent, Map<String, Integer> indexOfInclude, int tasks, int pollCapacity) {
        this.userAgent = userAgent;
        this.indexOfInclude = indexOfInclude;
        this.deleteMicros = new long[tasks];
        this.pollTask = new int[pollCapacity];
        this.pollMicros = new long[pollCapacity];
    }

    /** Keeps the times of this client's DELETEs of the tracked includes and of its polls. */
    void keep(List<RecordedRequest> log) {
        for (RecordedRequest request : log) {
            if (!userAgent.equals(request.header("User-Agent"))) {
                continue;
            }
            String path = request.path();
            String last = path.substring(path.lastIndexOf('/') + 1);
            if (request.method().equals("DELETE")) {
                Integer index = indexOfInclude.get(last);
                if (index != null) {
                    deleteMicros[index] = micros(request);
                    deletes++;
                }
            } else if (request.method().equals("GET") && path.startsWith("/api/tasks/task-")) {
                if (polls < pollTask.length) {
                    pollTask[polls] = Integer.parseInt(last.substring("task-".length()));
                    pollMicros[polls] = micros(request);
                    polls++;
                } else {
                    overflow++;
                }
            }
        }
    }

    int deletes() {
        return deletes;
    }

    int polls() {
        return polls + overflow;
    }

    private static long micros(RecordedRequest request) {
        return request.receivedAt().getEpochSecond() * 1_000_000L + request.receivedAt().getNano() / 1000;
    }

    /**
     * Lateness of each poll = when the simulator received it − when it was due: the previous request of the same task
     * (its DELETE or the previous poll) as received by the simulator, plus the schedule's delay before this poll. The
     * client counts its delay from the previous answer, so the simulator's time to answer the previous request is part
     * of the lateness (it overstates it slightly).
     *
     * @param taskNumberOfIndex task-N of each tracked include (0: unknown)
     */
    Lateness lateness(int[] taskNumberOfIndex, Backoff backoff, List<Window> excluded) {
        Map<Integer, Integer> indexOfTask = new HashMap<>();
        int unknown = 0;
        for (int i = 0; i < taskNumberOfIndex.length; i++) {
            if (taskNumberOfIndex[i] > 0) {
                indexOfTask.put(taskNumberOfIndex[i], i);
            } else {
                unknown++;
            }
        }
        Map<Integer, List<Long>> pollsOfIndex = new HashMap<>();
        for (int p = 0; p < polls; p++) {
            Integer index = indexOfTask.get(pollTask[p]);
            if (index != null && deleteMicros[index] > 0) {
                pollsOfIndex.computeIfAbsent(index, k -> new ArrayList<>()).add(pollMicros[p]);
            }
        }
        List<Double> all = new ArrayList<>();
        Map<Integer, List<Double>> byPoll = new TreeMap<>();
        Map<Integer, List<Double>> offsetByPoll = new TreeMap<>();
        int skipped = 0;
        for (Map.Entry<Integer, List<Long>> entry : pollsOfIndex.entrySet()) {
            List<Long> times = entry.getValue();
            times.sort(null);
            long delete = deleteMicros[entry.getKey()];
            long previous = delete;
            for (int j = 0; j < times.size(); j++) {
                long due = previous + backoff.delayBefore(j + 1) * 1000;
                long at = times.get(j);
                previous = at;
                offsetByPoll.computeIfAbsent(j + 1, k -> new ArrayList<>()).add((at - delete) / 1000.0);
                if (inside(due, excluded)) {
                    skipped++;
                    continue;
                }
                double late = (at - due) / 1000.0;
                all.add(late);
                byPoll.computeIfAbsent(j + 1, k -> new ArrayList<>()).add(late);
            }
        }
        Map<Integer, Stats> byPollStats = new TreeMap<>();
        byPoll.forEach((poll, values) -> byPollStats.put(poll, Stats.of(values)));
        Map<Integer, Stats> offsets = new TreeMap<>();
        offsetByPoll.forEach((poll, values) -> offsets.put(poll, Stats.of(values)));
        return new Lateness(Stats.of(all), byPollStats, offsets, skipped, pollsOfIndex.size(), unknown);
    }

    private static boolean inside(long micros, List<Window> windows) {
        for (Window w : windows) {
            if (micros >= w.fromMicros() && micros <= w.toMicros()) {
                return true;
            }
        }
        return false;
    }
}
