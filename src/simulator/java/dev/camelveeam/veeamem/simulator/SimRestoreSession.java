package dev.camelveeam.veeamem.simulator;

import java.time.Instant;
import java.util.Objects;

/**
 * One full-VM restore (an EM {@code RestoreSession}, {@code JobType} {@code RestoreVm}): {@code Starting}, then
 * {@code Working}, then {@code Stopped} with {@code Success} or {@code Failed}. Thread-safe.
 */
public final class SimRestoreSession extends SimJobSession<SimRestoreSession.State, SimRestoreSession.Result> {

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

    private final String vmRestorePointId;
    private final String vmName;
    private final String vmRef;

    SimRestoreSession(String id, String vmRestorePointId, String vmName, String vmRef, Instant creationTime) {
        super(Ids.requireGuid(id, "restore session id"), State.Stopped, State.Starting, Result.None, creationTime, null,
              null);
        this.vmRestorePointId = vmRestorePointId;
        this.vmName = Objects.requireNonNull(vmName, "vmName");
        this.vmRef = Objects.requireNonNull(vmRef, "vmRef");
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

    /** Progress: 0 while starting, 50 while working, 100 once stopped. */
    @Override
    int progress(State state) {
        return switch (state) {
            case Starting -> 0;
            case Working -> 50;
            case Stopped -> 100;
        };
    }

    void work() {
        advance(State.Starting, State.Working);
    }

    /** @param message {@code null} for a success, else the failure message */
    synchronized void stop(String message, Instant now) {
        if (isActive()) {
            stop(message == null ? Result.Success : Result.Failed, message, now);
        }
    }

    @Override
    public String toString() {
        return describe(vmName);
    }
}
