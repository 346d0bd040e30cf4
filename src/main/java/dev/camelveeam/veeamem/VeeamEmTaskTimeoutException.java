package dev.camelveeam.veeamem;

import dev.camelveeam.veeamem.model.Task;

/**
 * An EM task did not reach the Finished state within the taskTimeout. Unless it was cancelled (cancelTaskOnTimeout), it
 * may still finish on EM.
 */
public class VeeamEmTaskTimeoutException extends VeeamEmException {

    private final transient Task lastSeen;

    public VeeamEmTaskTimeoutException(Task lastSeen, long timeoutMillis, String cancelOutcome) {
        super("EM task " + lastSeen.getTaskId() + " (" + lastSeen.getOperation() + ") did not finish within "
              + timeoutMillis + " ms; last state: " + lastSeen.getState()
              + (cancelOutcome == null ? "; it may still finish in EM" : "; " + cancelOutcome));
        this.lastSeen = lastSeen;
    }

    /** The task as last read from EM. */
    public Task getLastSeen() {
        return lastSeen;
    }
}
