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
 * The schedule, once {@value #MIN_SAMPLES} run times are known: a dense run of polls from the low quantile (q10) of the
 * recent run times to 1.5 × the high one (q95). Its polls are points of a fixed ladder, the same whatever was learnt so
 * that the schedule does not shift under a waiting task each time a run time is added: the gap below a point at t ms is
 * 15 % of t + 40 ms, at least the floor of 100 ms and at most pollMaxDelay (only the floor below 400 ms; for run times
 * too close together for it, the ladder is instead laid at the floor from q95). The dense run starts at the last point
 * at or below q10 + 100 ms, so that a task shorter than q10 is still seen within about a quarter of its time; before
 * it, polls evenly spaced at most pollMaxDelay apart; past 1.5 × q95, doubling from the last gap, capped at
 * pollMaxDelay. A point less than half a gap after the earliest possible next poll is skipped, so that a schedule
 * learnt anew while a task waits does not add a poll. While fewer than {@value #SAMPLES} run times are known the run is
 * widened on both sides (by e^(1 / √n − 1 / √32) below, e^(0.7 (1 / √n − 1 / √32)) above, for n run times). When the
 * run times are too close together for the floor, the first poll is kept where about 80 % of tasks are Finished. Every
 * gap is between the floor and pollMaxDelay, so a task much shorter or much longer than its history is still seen
 * within the back-off bounds. Nothing here is per task: a wait asks for its next delay with the time since the task was
 * accepted and its last delay.
 * <p>
 * A run time is observed when a poll sees the task Finished: it ended between the sending of the previous poll and of
 * this one, and the midpoint is recorded (times of sending, not of the answers, which come late on a loaded machine).
 * When the first poll already sees it Finished, the task ended somewhere before it, and three quarters of that time is
 * recorded: the upper bound would never let the estimate go down, the midpoint would pull the low quantile far below
 * the tasks it stands for.
 * <p>
 * A change of the typical run time is followed within a few tasks: when the last {@value #SHIFT_RUN} run times all fall
 * below the 20th percentile of the older ones, or all above their 95th, the older ones are dropped (the schedule is
 * then the widened one of those {@value #SHIFT_RUN}).
 */
public final class RunTimeEstimates {

    /** Run times kept per operation. */
    public static final int SAMPLES = 32;
    /** Run times needed before the schedule is learnt; until then, plain back-off. */
    public static final int MIN_SAMPLES = 2;
    /** Operations kept per connection; the one unused longest makes way for a new one. */
    public static final int MAX_OPERATIONS = 64;
    /**
     * A change of the typical run time is taken when this many latest run times all fall outside the older ones'
     * {@link #SHIFT_LOW} to {@link #SHIFT_HIGH} quantiles, on the same side.
     */
    public static final int SHIFT_RUN = 3;

    static final double LOW_QUANTILE = 0.10;
    static final double HIGH_QUANTILE = 0.95;
    /** The gap below a point of the ladder at t ms: {@code GAP * t + GAP_MILLIS}, within the floor and the cap. */
    static final double GAP = 0.15;
    static final double GAP_MILLIS = 40;
    /** How much the dense run is widened below and above while fewer than {@value #SAMPLES} run times are known. */
    static final double WIDEN_LOW = 1.0;
    static final double WIDEN_HIGH = 0.7;
    /** The dense run goes on to this multiple of (the widened) q95, then doubles from its last gap. */
    static final double TAIL = 1.5;
    static final double SHIFT_LOW = 0.20;
    static final double SHIFT_HIGH = 0.95;
    /** Older run times needed before a change is looked for. */
    static final int SHIFT_MIN_OLDER = 6;
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
         * The next poll time (ms since the task was accepted) after {@code elapsed}; {@code -1} past the dense run. A
         * point less than half a gap after the earliest next poll ({@code elapsed + floor}) gives way to the one after
         * it, so that a schedule learnt anew while a task waits does not add a poll.
         */
        long nextPoint(long elapsed, long floor, long cap) {
            long point = point(elapsed, floor, cap);
            if (point < 0) {
                return point;
            }
            long at = Math.max(point, elapsed + floor);
            long after = point(at + 1, floor, cap);
            return after >= 0 && at - elapsed < (after - at) / 2 ? after : point;
        }

        private long point(long elapsed, long floor, long cap) {
            double margin = 1 / Math.sqrt(Math.max(1, samples)) - 1 / Math.sqrt(SAMPLES);
            double from = low * Math.exp(-WIDEN_LOW * margin);
            double top = Math.max(from, high * Math.exp(WIDEN_HIGH * margin));
            if (elapsed >= top * TAIL) {
                return -1;
            }
            Ladder ladder = new Ladder(top, floor, cap);
            double first = ladder.atOrBelow(from + floor);
            if (elapsed >= first) {
                return (long) Math.ceil(ladder.after(elapsed));
            }
            long firstPoint = (long) Math.ceil(first);
            long intervals = Math.max(1, (firstPoint + cap - 1) / cap);
            double spacing = (double) firstPoint / intervals;
            long next = Math.round((Math.floor(elapsed / spacing) + 1) * spacing);
            return Math.min(firstPoint, next);
        }
    }

    /**
     * The poll times a dense run is made of (ms since the task was accepted): the floor apart up to the origin, where
     * {@code GAP * t + GAP_MILLIS} reaches the floor; from there the gap below a point t is that, so that the points
     * grow geometrically in t + GAP_MILLIS / GAP; from where that gap reaches the cap, the cap apart. When the whole
     * run lies below the origin, the ladder is the floor apart from its top instead.
     */
    private static final class Ladder {

        private static final double RATIO = 1 / (1 - GAP);
        private static final double SHIFT = GAP_MILLIS / GAP;

        private final double floor;
        private final double cap;
        /** The floor-apart points count from here: the origin, or the top of a run that lies below it. */
        private final double anchor;
        private final boolean geometric;
        /** The first geometric point whose gap reaches the cap. */
        private final double capped;

        Ladder(double top, long floor, long cap) {
            this.floor = floor;
            this.cap = cap;
            double origin = Math.max(1, (floor - GAP_MILLIS) / GAP);
            this.geometric = top >= origin;
            this.anchor = geometric ? origin : top;
            double steps = Math.ceil(Math.log(((cap - GAP_MILLIS) / GAP + SHIFT) / (anchor + SHIFT)) / Math.log(RATIO));
            this.capped = geometric ? (anchor + SHIFT) * Math.pow(RATIO, Math.max(0, steps)) - SHIFT : Double.MAX_VALUE;
        }

        /** The first point after {@code t}. */
        double after(double t) {
            if (t < anchor) {
                double point = anchor - Math.floor((anchor - t) / floor) * floor;
                return point > t ? point : point + floor;
            }
            if (!geometric) {
                return anchor + (Math.floor((t - anchor) / floor) + 1) * floor;
            }
            if (t < capped) {
                double steps = Math.floor(Math.log((t + SHIFT) / (anchor + SHIFT)) / Math.log(RATIO)) + 1;
                double point = (anchor + SHIFT) * Math.pow(RATIO, steps) - SHIFT;
                if (point <= t) {
                    point = (point + SHIFT) * RATIO - SHIFT;
                }
                return Math.min(point, capped);
            }
            return capped + (Math.floor((t - capped) / cap) + 1) * cap;
        }

        /** The point before {@code point} (a point of this ladder), at most 0 when there is none. */
        private double before(double point) {
            if (point <= anchor || !geometric) {
                return point - floor;
            }
            if (point <= capped) {
                return Math.max(anchor, (point + SHIFT) / RATIO - SHIFT);
            }
            return point - cap;
        }

        /** The last point at or below {@code t}, or the first point when none is. */
        double atOrBelow(double t) {
            double after = after(t);
            double before = before(after);
            return before > 0 ? before : after;
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
         * Records a task seen Finished by the poll sent {@code seenMillis} after it was accepted; the previous poll,
         * sent at {@code runningMillis}, saw it running ({@code -1}: this was the first poll).
         */
        void finished(long seenMillis, long runningMillis) {
            boolean firstPoll = runningMillis < 0;
            synchronized (this) {
                if (firstPoll) {
                    firstPollLimit
                            = Math.max(MIN_FIRST_POLL, (long) (Math.min(firstPollLimit, seenMillis) * FIRST_POLL_SOONER));
                } else if (firstPollLimit != Long.MAX_VALUE) {
                    Quantiles learnt = quantiles;
                    long later = (long) Math.ceil(firstPollLimit * FIRST_POLL_LATER);
                    firstPollLimit = learnt == null || later < learnt.high() ? later : Long.MAX_VALUE;
                }
            }
            record(firstPoll ? (long) (seenMillis * BEFORE_FIRST_POLL) : (seenMillis + runningMillis) / 2);
        }

        synchronized void record(long runMillis) {
            ring[next] = Math.max(0, runMillis);
            next = (next + 1) % SAMPLES;
            count = Math.min(count + 1, SAMPLES);
            long[] recent = shift();
            boolean shifted = recent != null;
            if (shifted) {
                Arrays.fill(ring, 0);
                System.arraycopy(recent, 0, ring, 0, recent.length);
                next = recent.length;
                count = recent.length;
            }
            if (count >= MIN_SAMPLES || shifted) {
                long[] sorted = Arrays.copyOf(ring, count);
                Arrays.sort(sorted);
                quantiles = new Quantiles(
                        count, quantile(sorted, LOW_QUANTILE), quantile(sorted, 0.5),
                        quantile(sorted, HIGH_QUANTILE));
            }
        }

        /**
         * The last {@value #SHIFT_RUN} run times when they all fall below the older ones' {@link #SHIFT_LOW} quantile,
         * or all above their {@link #SHIFT_HIGH} one: the typical time changed. Null when they do not.
         */
        private long[] shift() {
            int older = count - SHIFT_RUN;
            if (older < SHIFT_MIN_OLDER) {
                return null;
            }
            long[] sorted = new long[older];
            for (int i = 0; i < older; i++) {
                sorted[i] = ring[Math.floorMod(next - count + i, SAMPLES)];
            }
            Arrays.sort(sorted);
            long low = quantile(sorted, SHIFT_LOW);
            long high = quantile(sorted, SHIFT_HIGH);
            long[] latest = new long[SHIFT_RUN];
            boolean allBelow = true;
            boolean allAbove = true;
            for (int i = 0; i < SHIFT_RUN; i++) {
                latest[i] = ring[Math.floorMod(next - SHIFT_RUN + i, SAMPLES)];
                allBelow &= latest[i] < low;
                allAbove &= latest[i] > high;
            }
            return allBelow || allAbove ? latest : null;
        }

        private static long quantile(long[] sorted, double q) {
            double position = q * (sorted.length - 1);
            int lower = (int) Math.floor(position);
            int upper = (int) Math.ceil(position);
            return Math.round(sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower));
        }
    }
}
