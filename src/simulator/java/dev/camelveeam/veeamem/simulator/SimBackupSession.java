package dev.camelveeam.veeamem.simulator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One run of a simulated backup job (an EM {@code BackupJobSession}). Thread-safe: a running session changes state when
 * it ends or is stopped; readers get consistent values.
 */
public final class SimBackupSession {

    /** Constant names are the wire values of {@code State}; the declaration order is the query filter's order. */
    public enum State {
        Starting,
        Stopping,
        Working,
        Pausing,
        Resuming,
        Stopped
    }

    /** Constant names are the wire values of {@code Result}; the query filter compares by this declaration order. */
    public enum Result {
        None,
        Success,
        Warning,
        Failed
    }

    /** State and outcome read together, so a document never shows a half-ended session. */
    record Status(State state, Result result, Instant endTime, String failureMessage, int progress) {
    }

    private final String id;
    private final String jobId;
    private final String jobName;
    private final Instant creationTime;
    private final boolean retry;
    private State state;
    private Result result;
    private Instant endTime;
    private String failureMessage;

    SimBackupSession(String id, SimJob job, boolean retry, State state, Result result, Instant creationTime, Instant endTime) {
        this.id = Ids.requireGuid(id, "session id");
        this.jobId = job.getId();
        this.jobName = job.getName();
        this.retry = retry;
        this.state = Objects.requireNonNull(state, "state");
        this.result = Objects.requireNonNull(result, "result");
        this.creationTime = toMillis(Objects.requireNonNull(creationTime, "creationTime"));
        this.endTime = endTime == null ? null : toMillis(endTime);
        this.failureMessage = failureMessageOf(result);
    }

    /** The session id, a lower-case GUID (the part after {@code urn:veeam:BackupJobSession:}). */
    public String getId() {
        return id;
    }

    public String getJobId() {
        return jobId;
    }

    public String getJobName() {
        return jobName;
    }

    public boolean isRetry() {
        return retry;
    }

    /** Truncated to milliseconds, the precision EM 12 writes. */
    public Instant getCreationTime() {
        return creationTime;
    }

    public synchronized State getState() {
        return state;
    }

    public synchronized Result getResult() {
        return result;
    }

    /** {@code null} while the session has not ended. */
    public synchronized Instant getEndTime() {
        return endTime;
    }

    /** {@code null} unless the session ended with a warning, a failure or was stopped. */
    public synchronized String getFailureMessage() {
        return failureMessage;
    }

    /** Any state but {@code Stopped}: the job is running. */
    synchronized boolean isActive() {
        return state != State.Stopped;
    }

    /** Progress is 100 once stopped, 0 before. */
    synchronized Status status() {
        return new Status(state, result, endTime, failureMessage, state == State.Stopped ? 100 : 0);
    }

    /**
     * Ends a running session with this result; a session that already ended (e.g. stopped by the user) stays as it is.
     */
    synchronized void end(Result endResult, Instant now) {
        if (isActive()) {
            stop(endResult, failureMessageOf(endResult), now);
        }
    }

    synchronized void stop(Result endResult, String message, Instant now) {
        state = State.Stopped;
        result = endResult;
        failureMessage = message;
        endTime = toMillis(now);
    }

    private static String failureMessageOf(Result result) {
        return switch (result) {
            case Warning -> "Simulated warning.";
            case Failed -> "Simulated failure.";
            case None, Success -> null;
        };
    }

    private static Instant toMillis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public synchronized String toString() {
        return "SimBackupSession[" + id + ", " + jobName + ", " + state + ", " + result + ", " + creationTime + "]";
    }
}
