package dev.camelveeam.veeamem.simulator;

import java.time.Instant;

/**
 * One run of a simulated backup job (an EM {@code BackupJobSession}). Thread-safe: a running session changes state when
 * it ends or is stopped; readers get consistent values.
 */
public final class SimBackupSession extends SimJobSession<SimBackupSession.State, SimBackupSession.Result> {

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

    private final String jobId;
    private final String jobName;
    private final boolean retry;

    SimBackupSession(String id, SimJob job, boolean retry, State state, Result result, Instant creationTime, Instant endTime) {
        super(Ids.requireGuid(id, "session id"), State.Stopped, state, result, creationTime, endTime,
              result == null ? null : failureMessageOf(result));
        this.jobId = job.getId();
        this.jobName = job.getName();
        this.retry = retry;
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

    /** Progress is 100 once stopped, 0 before. */
    @Override
    int progress(State state) {
        return state == State.Stopped ? 100 : 0;
    }

    /**
     * Ends a running session with this result; a session that already ended (e.g. stopped by the user) stays as it is.
     */
    synchronized void end(Result endResult, Instant now) {
        if (isActive()) {
            stop(endResult, failureMessageOf(endResult), now);
        }
    }

    /** The {@code FailureMessage} of a session that ended with this result. */
    static String failureMessageOf(Result result) {
        return switch (result) {
            case Warning -> "Simulated warning.";
            case Failed -> "Simulated failure.";
            case None, Success -> null;
        };
    }

    @Override
    public String toString() {
        return describe(jobName);
    }
}
