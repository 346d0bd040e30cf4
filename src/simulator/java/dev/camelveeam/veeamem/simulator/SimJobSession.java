package dev.camelveeam.veeamem.simulator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What a simulated job session (an EM {@code JobSessionEntityType}: a backup job's run or a restore) keeps: its id and
 * creation time, then its state, result, end time and failure message, which change together under the session's lock.
 * Thread-safe: readers get consistent values.
 *
 * @param <S> the session's states, one of them the stopped state
 * @param <R> the session's results
 */
abstract class SimJobSession<S extends Enum<S>, R extends Enum<R>> {

    /** State and outcome read together, so a document never shows a half-ended session. */
    record Status<S extends Enum<S>, R extends Enum<R>>(S state, R result, Instant endTime, String failureMessage,
            int progress) {
    }

    private final String id;
    private final Instant creationTime;
    private final S stopped;
    private S state;
    private R result;
    private Instant endTime;
    private String failureMessage;

    /**
     * @param id      the validated session id
     * @param stopped the state of a session that has ended
     */
    SimJobSession(String id, S stopped, S state, R result, Instant creationTime, Instant endTime, String failureMessage) {
        this.id = id;
        this.stopped = stopped;
        this.state = Objects.requireNonNull(state, "state");
        this.result = Objects.requireNonNull(result, "result");
        this.creationTime = toMillis(Objects.requireNonNull(creationTime, "creationTime"));
        this.endTime = endTime == null ? null : toMillis(endTime);
        this.failureMessage = failureMessage;
    }

    /**
     * The session id, a lower-case GUID (the part after {@code urn:veeam:BackupJobSession:} or
     * {@code urn:veeam:RestoreSession:}).
     */
    public String getId() {
        return id;
    }

    /** Truncated to milliseconds, the precision EM 12 writes. */
    public Instant getCreationTime() {
        return creationTime;
    }

    public synchronized S getState() {
        return state;
    }

    public synchronized R getResult() {
        return result;
    }

    /** {@code null} until the session has stopped. */
    public synchronized Instant getEndTime() {
        return endTime;
    }

    /** {@code null} unless the session ended with a warning, a failure or was stopped. */
    public synchronized String getFailureMessage() {
        return failureMessage;
    }

    /** Any state but the stopped one: the session is running. */
    synchronized boolean isActive() {
        return state != stopped;
    }

    synchronized Status<S, R> status() {
        return new Status<>(state, result, endTime, failureMessage, progress(state));
    }

    /** The {@code Progress} a session in this state shows, 0 to 100. */
    abstract int progress(S state);

    /** Moves a session in state {@code from} on to {@code to}; a session in another state stays as it is. */
    synchronized void advance(S from, S to) {
        if (state == from) {
            state = to;
        }
    }

    /** Stops the session with this result and message, whatever its state. */
    synchronized void stop(R endResult, String message, Instant now) {
        state = stopped;
        result = endResult;
        failureMessage = message;
        endTime = toMillis(now);
    }

    private static Instant toMillis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    /** The session as its {@code toString()} shows it; {@code what} names what it ran: the job, the restored VM. */
    synchronized String describe(String what) {
        return getClass().getSimpleName() + "[" + id + ", " + what + ", " + state + ", " + result + ", " + creationTime
               + "]";
    }
}
