package dev.camelveeam.veeamem.simulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;

/**
 * Faults to inject into the next requests and tasks, programmed from tests through {@link EmSimulator#faults()}.
 * <p>
 * A request meets at most one fault: the earliest added that matches it and has uses left (each use counts down one).
 * Faulted requests are recorded like any other; {@link RecordedRequest#status()} is the status sent, {@code -1} for a
 * dropped connection. Thread-safe; may be used before {@link EmSimulator#start()}. See {@code docs/simulator.md}.
 */
public final class SimFaults {

    private final List<PendingFault> pending = new ArrayList<>();
    private final Queue<TaskFault> taskFaults = new ArrayDeque<>();

    /**
     * The next {@code count} matching requests get {@code status} with an EM {@code Error} body carrying
     * {@code emMessage} (XML or JSON per {@code Accept}), before routing and the session check: the resource never sees
     * them.
     *
     * @param status 400 to 599
     */
    public void answerNext(int count, RequestMatcher matcher, int status, String emMessage) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("An EM error status is 400 to 599, not " + status);
        }
        Objects.requireNonNull(emMessage, "emMessage");
        add(count, matcher, exchange -> exchange.answer(SimResponse.error(new SimError(status, emMessage))));
    }

    /**
     * The next {@code count} matching requests are handled at once (their effect applies now) but answered only after
     * {@code delay}; no simulator thread waits meanwhile.
     */
    public void delayNext(int count, RequestMatcher matcher, Duration delay) {
        if (Objects.requireNonNull(delay, "delay").isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        add(count, matcher, exchange -> exchange.answerLater(exchange.handle(), delay));
    }

    /**
     * The next {@code count} matching requests get no answer at all: the TCP connection is closed, before or after
     * handling.
     */
    public void dropNext(int count, RequestMatcher matcher, Drop when) {
        add(count, matcher, switch (Objects.requireNonNull(when, "when")) {
            case BEFORE_HANDLING -> SimExchange::drop;
            case AFTER_HANDLING -> exchange -> {
                exchange.handle();
                exchange.drop();
            };
        });
    }

    /**
     * The next {@code count} matching requests are handled normally and answered with their status and headers, but
     * with only the first half of the body's bytes: neither well-formed XML nor valid JSON. A body-less answer
     * ({@code 204}) has nothing to break and goes out unchanged.
     */
    public void malformedNext(int count, RequestMatcher matcher) {
        AnswerBody firstHalf = AnswerBody.altered(body -> Arrays.copyOf(body, body.length / 2));
        add(count, matcher, exchange -> exchange.answer(exchange.handle(), firstHalf));
    }

    /**
     * The next {@code count} matching requests are handled normally and get their status and headers, with the real
     * {@code Content-Length}, at once; the body follows at about {@code bytesPerSecond}, in small chunks timed by the
     * simulator's scheduler (no thread waits between chunks). Closing the simulator cuts such answers short.
     *
     * @param bytesPerSecond at least 1
     */
    public void trickleNext(int count, RequestMatcher matcher, int bytesPerSecond) {
        if (bytesPerSecond < 1) {
            throw new IllegalArgumentException("bytesPerSecond must be at least 1: " + bytesPerSecond);
        }
        AnswerBody trickled = new TrickledBody(bytesPerSecond);
        add(count, matcher, exchange -> exchange.answer(exchange.handle(), trickled));
    }

    /**
     * The next {@code count} matching requests are handled normally and get their status and headers, but a body of
     * {@code bytes} in all ({@code Content-Length}): spaces, then the real document (XML: after its declaration; JSON:
     * after its byte order mark, if any), so it stays well-formed. Streamed, never held in memory. A body that is
     * already that large, or empty ({@code 204}), goes out unchanged, though it uses up the fault.
     *
     * @param bytes at least 1
     */
    public void oversizeNext(int count, RequestMatcher matcher, long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("bytes must be at least 1: " + bytes);
        }
        AnswerBody padded = new PaddedBody(bytes);
        add(count, matcher, exchange -> exchange.answer(exchange.handle(), padded));
    }

    /**
     * Applies to the next task created (in any session); several calls queue faults for the tasks after it, in order.
     */
    public synchronized void nextTask(TaskFault fault) {
        taskFaults.add(Objects.requireNonNull(fault, "fault"));
    }

    /** Forgets every pending request and task fault; answers already delayed and tasks already faulted go on. */
    public synchronized void clear() {
        pending.clear();
        taskFaults.clear();
    }

    /** Uses up one use of the first matching fault, if any. */
    synchronized Optional<RequestFault> take(String method, String rawPath) {
        for (Iterator<PendingFault> it = pending.iterator(); it.hasNext();) {
            PendingFault candidate = it.next();
            if (candidate.matcher.matches(method, rawPath)) {
                if (--candidate.usesLeft == 0) {
                    it.remove();
                }
                return Optional.of(candidate.fault);
            }
        }
        return Optional.empty();
    }

    synchronized TaskFault takeTaskFault() {
        return Objects.requireNonNullElse(taskFaults.poll(), TaskFault.NONE);
    }

    private synchronized void add(int count, RequestMatcher matcher, RequestFault fault) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1: " + count);
        }
        pending.add(new PendingFault(Objects.requireNonNull(matcher, "matcher"), count, fault));
    }

    private static final class PendingFault {

        private final RequestMatcher matcher;
        private final RequestFault fault;
        private int usesLeft;

        PendingFault(RequestMatcher matcher, int usesLeft, RequestFault fault) {
            this.matcher = matcher;
            this.usesLeft = usesLeft;
            this.fault = fault;
        }
    }
}
