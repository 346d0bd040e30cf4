package dev.camelveeam.veeamem;

import dev.camelveeam.veeamem.model.Task;

/**
 * EM no longer knows a task the component was waiting for, typically because the logon session that created it ended
 * (EM restarted, or the session expired). Whether the operation was carried out is unknown.
 */
public class VeeamEmTaskLostException extends VeeamEmException {

    private final transient Task lastSeen;

    public VeeamEmTaskLostException(Task lastSeen, String reason, Throwable cause) {
        super("EM task " + lastSeen.getTaskId() + " (" + lastSeen.getOperation() + ") was lost while it was "
              + lastSeen.getState() + ": " + reason + ". Whether EM carried out the operation is unknown", cause);
        this.lastSeen = lastSeen;
    }

    /** The task as last read from EM. */
    public Task getLastSeen() {
        return lastSeen;
    }
}
