package dev.camelveeam.veeamem.simulator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One full-VM restore (an EM {@code RestoreSession}, {@code JobType} {@code RestoreVm}): {@code Starting}, then
 * {@code Working}, then {@code Stopped} with {@code Success} or {@code Failed}. Thread-safe.
 */
public final class SimRestoreSession {

    /** Constant names are the wire values of {@code State}. */
    public enum State {
        Starting,
        Working,
        Stopped
    }

    /** Constant names are the wire values of {@code Result}; {@code None} while the restore runs. */
    public enum Result {
        None,
        Success,
        Warning,
        Failed
    }

    record Status(State state, Result result, Instant endTime, String failureMessage, int progress) {
    }

    private final String id;
    private final String vmRestorePointId;
    private final String vmName;
    private final String vmRef;
    private final Instant creationTime;
    private State state;
    private Result result = Result.None;
    private Instant endTime;
    private String failureMessage;

    SimRestoreSession(String id, String vmRestorePointId, String vmName, String vmRef, Instant creationTime) {
        this.id = Ids.requireGuid(id, "restore session id");
        this.vmRestorePointId = vmRestorePointId;
        this.vmName = Objects.requireNonNull(vmName, "vmName");
        this.vmRef = Objects.requireNonNull(vmRef, "vmRef");
        this.creationTime = creationTime.truncatedTo(ChronoUnit.MILLIS);
        this.state = State.Starting;
    }

    /** The session id, a lower-case GUID (the part after {@code urn:veeam:RestoreSession:}). */
    public String getId() {
        return id;
    }

    /** The GUID of the VM restore point restored. */
    public String getVmRestorePointId() {
        return vmRestorePointId;
    }

    public String getVmName() {
        return vmName;
    }

    /** The restored VM's {@code HierarchyObjRef} ({@code RestoredObjRef}). */
    public String getVmRef() {
        return vmRef;
    }

    public Instant getCreationTime() {
        return creationTime;
    }

    public synchronized State getState() {
        return state;
    }

    public synchronized Result getResult() {
        return result;
    }

    /** {@code null} until the session has stopped. */
    public synchronized Instant getEndTime() {
        return endTime;
    }

    /** {@code null} unless the restore failed. */
    public synchronized String getFailureMessage() {
        return failureMessage;
    }

    /** Progress: 0 while starting, 50 while working, 100 once stopped. */
    synchronized Status status() {
        int progress = switch (state) {
            case Starting -> 0;
            case Working -> 50;
            case Stopped -> 100;
        };
        return new Status(state, result, endTime, failureMessage, progress);
    }

    synchronized void work() {
        if (state == State.Starting) {
            state = State.Working;
        }
    }

    /** @param message {@code null} for a success, else the failure message */
    synchronized void stop(String message, Instant now) {
        if (state != State.Stopped) {
            state = State.Stopped;
            result = message == null ? Result.Success : Result.Failed;
            failureMessage = message;
            endTime = now.truncatedTo(ChronoUnit.MILLIS);
        }
    }

    @Override
    public synchronized String toString() {
        return "SimRestoreSession[" + id + ", " + vmName + ", " + state + ", " + result + ", " + creationTime + "]";
    }
}
