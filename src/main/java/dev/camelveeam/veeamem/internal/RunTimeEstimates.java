package dev.camelveeam.veeamem.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the adaptive poll strategy has learnt on one EM connection: per operation (the component's operation and the EM
 * task's Operation), the run times of the last {@value #SAMPLES} tasks that finished successfully, and from them a poll
 * schedule.
 * <p>
 * The schedule, once {@value #MIN_SAMPLES} run times are known: a dense run of polls from the low quantile (q10) to the
 * high one (q95) of the recent run times, laid out backwards from q95 with gaps of 18 % of the time (at least the floor
 * of 100 ms, at most pollMaxDelay), going on in the same way to 1.5 × q95; before the first of them, polls evenly
 * spaced at most pollMaxDelay apart; after 1.5 × q95, doubling from the last gap, capped at pollMaxDelay. When the run
 * times are too close together for the floor, the first poll is kept where about 80 % of tasks are Finished. Every gap
 * is between the floor and pollMaxDelay, so a task much shorter or much longer than its history is still seen within
 * the back-off bounds. Nothing here is per task: a wait asks for its next delay with the time since the task was
 * accepted and its last delay.
 * <p>
 * A run time is observed when a poll sees the task Finished: it ended between the previous poll and this one, and the
 * midpoint is recorded. When the first poll already sees it Finished, the task ended somewhere before it, and three
 * quarters of that time is recorded: the upper bound would never let the estimate go down, the midpoint would pull the
 * low quantile far below the tasks it stands for.
 */
public final class RunTimeEstimates {

    /** Run times kept per operation: the estimate follows a change of the typical time within about half of this. */
    public static final int SAMPLES = 32;
    /** Run times needed before the schedule is learnt; until then, plain back-off. */
    public static final int MIN_SAMPLES = 6;
    /** Operations kept per connection; the one unused longest makes way for a new one. */
    public static final int MAX_OPERATIONS = 64;

    static final double LOW_QUANTILE = 0.10;
    static final double HIGH_QUANTILE = 0.95;
    /** Gap between two polls of the dense run, as a share of the time since the task was accepted. */
    static final double GAP = 0.18;
    /** Past q95 the dense run goes on to this multiple of q95, then doubles from its last gap. */
    static final double TAIL = 1.5;
    /** Share of the first poll's time recorded when the first poll sees the task Finished. */
    static final double BEFORE_FIRST_POLL = 0.75;
    /**
     * The first poll is brought forward by this factor each time it already sees the task Finished, and put back by
     * {@link #FIRST_POLL_LATER} each time it does not: it settles where about 80 % of tasks are seen by their first
     * poll, which matters only when the run times are too close together for two polls 100 ms apart.
     */
    static final double FIRST_POLL_SOONER = 0.95;
    static final double FIRST_POLL_LATER = 1.23;
    /** The first poll is never brought forward below this (ms). */
    static final long MIN_FIRST_POLL = 10;
    /** The most dense polls walked back from q95; below, the lead-in spacing applies. Bounds the work per poll. */
    private static final int MAX_DENSE_POINTS = 128;

    private final Map<String, Estimate> byOperation = new ConcurrentHashMap<>();

    /** The estimate of the given operation, made when missing (the least recently used one goes when full). */
    public Estimate estimate(String operation, String taskOperation) {
        String key = operation + "/" + taskOperation;
        Estimate estimate = byOperation.get(key);
        if (estimate != null) {
            return estimate;
        }
        synchronized (byOperation) {
            if (byOperation.size() >= MAX_OPERATIONS && !byOperation.containsKey(key)) {
                byOperation.entrySet().stream().min(Comparator.comparingLong(e -> e.getValue().lastUsedNanos))
                        .ifPresent(oldest -> byOperation.remove(oldest.getKey()));
            }
            return byOperation.computeIfAbsent(key, k -> new Estimate());
        }
    }

    /** The learnt schedules by operation ({@code operation/TaskOperation}), sorted; none while fewer than needed. */
    public Map<String, Quantiles> snapshot() {
        Map<String, Quantiles> snapshot = new TreeMap<>();
        byOperation.forEach((key, estimate) -> {
            Quantiles quantiles = estimate.quantiles();
            snapshot.put(key, quantiles != null ? quantiles : new Quantiles(estimate.count(), -1, -1, -1));
        });
        return snapshot;
    }

    /** The number of operations with an estimate. */
    public int size() {
        return byOperation.size();
    }

    /** The quantiles of an operation's recent run times, in ms ({@code -1} while fewer than needed). */
    public record Quantiles(int samples, long low, long median, long high) {

        /**
         * The next poll time (ms since the task was accepted) after {@code elapsed}; {@code -1} from q95 on. Walks the
         * dense run back from q95; below it, the lead-in points are evenly spaced from 0 at most {@code cap} apart.
         */
        long nextPoint(long elapsed, long floor, long cap) {
            if (elapsed >= high) {
                if (elapsed >= (long) (high * TAIL)) {
                    return -1;
                }
                return elapsed + Math.min(Math.max((long) (GAP * elapsed), floor), cap);
            }
            long point = high;
            for (int i = 0; i < MAX_DENSE_POINTS; i++) {
                long below = point - Math.min(Math.max((long) (GAP * point), floor), cap);
                if (below <= elapsed) {
                    return point;
                }
                if (below < low) {
                    break;
                }
                point = below;
            }
            long intervals = Math.max(1, (point + cap - 1) / cap);
            double spacing = (double) point / intervals;
            long next = Math.round((Math.floor(elapsed / spacing) + 1) * spacing);
            return Math.min(point, next);
        }
    }

    /** The recent run times of one operation; thread-safe, a fixed ring. */
    public static final class Estimate {

        private final long[] ring = new long[SAMPLES];
        private int count;
        private int next;
        private volatile Quantiles quantiles;
        /** The latest first poll (ms), kept near the run time 80 % of tasks are within; unbounded at first. */
        private volatile long firstPollLimit = Long.MAX_VALUE;
        private volatile long lastUsedNanos = System.nanoTime();

        /** The quantiles learnt, or null while fewer than {@value #MIN_SAMPLES} run times are known. */
        public Quantiles quantiles() {
            return quantiles;
        }

        synchronized int count() {
            return count;
        }

        /** The delay before the first poll: the learnt schedule's first point, else the settings' initial delay. */
        long firstDelay(PollSettings settings) {
            lastUsedNanos = System.nanoTime();
            Quantiles learnt = quantiles;
            long point = learnt == null ? -1 : learnt.nextPoint(0, PollSettings.FLOOR_MILLIS, settings.maxDelayMillis());
            return point < 0
                    ? settings.initialDelayMillis() : Math.min(Math.min(point, firstPollLimit),
                            settings.maxDelayMillis());
        }

        /**
         * The delay before the next poll, {@code elapsedMillis} after the task was accepted and {@code previousDelay}
         * after the last poll was scheduled: to the next point of the learnt schedule, else doubling; always between
         * the floor and the cap.
         */
        long nextDelay(long elapsedMillis, long previousDelay, PollSettings settings) {
            Quantiles learnt = quantiles;
            long point = learnt == null
                    ? -1
                    : learnt.nextPoint(elapsedMillis, PollSettings.FLOOR_MILLIS, settings.maxDelayMillis());
            return point < 0
                    ? settings.nextDelay(previousDelay)
                    : Math.min(Math.max(point - elapsedMillis, PollSettings.FLOOR_MILLIS), settings.maxDelayMillis());
        }

        /**
         * Records a task seen Finished {@code elapsedMillis} after it was accepted, by a poll scheduled
         * {@code lastDelay} after the previous one (or, for the first poll, after the task was accepted).
         */
        void finished(long elapsedMillis, long lastDelay, boolean firstPoll) {
            synchronized (this) {
                if (firstPoll) {
                    firstPollLimit = Math.max(MIN_FIRST_POLL, (long) (Math.min(firstPollLimit, lastDelay) * FIRST_POLL_SOONER));
                } else if (firstPollLimit != Long.MAX_VALUE) {
                    Quantiles learnt = quantiles;
                    long later = (long) Math.ceil(firstPollLimit * FIRST_POLL_LATER);
                    firstPollLimit = learnt == null || later < learnt.high() ? later : Long.MAX_VALUE;
                }
            }
            record(firstPoll ? (long) (elapsedMillis * BEFORE_FIRST_POLL) : elapsedMillis - lastDelay / 2);
        }

        synchronized void record(long runMillis) {
            ring[next] = Math.max(0, runMillis);
            next = (next + 1) % SAMPLES;
            count = Math.min(count + 1, SAMPLES);
            if (count >= MIN_SAMPLES) {
                long[] sorted = Arrays.copyOf(ring, count);
                Arrays.sort(sorted);
                quantiles = new Quantiles(
                        count, quantile(sorted, LOW_QUANTILE), quantile(sorted, 0.5),
                        quantile(sorted, HIGH_QUANTILE));
            }
        }

        private static long quantile(long[] sorted, double q) {
            double position = q * (sorted.length - 1);
            int lower = (int) Math.floor(position);
            int upper = (int) Math.ceil(position);
            return Math.round(sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower));
        }
    }
}
