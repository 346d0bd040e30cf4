package dev.camelveeam.veeamem;

import dev.camelveeam.veeamem.model.EmEntity;

/**
 * A session EM started for an operation (the restore session of restoreVm, the backup session of quickBackup with
 * waitForSession) did not end within its timeout (restoreTimeout, sessionTimeout). It goes on in EM.
 */
public class VeeamEmSessionTimeoutException extends VeeamEmException {

    private final transient EmEntity lastSeen;

    public VeeamEmSessionTimeoutException(String what, EmEntity lastSeen, String state, long timeoutMillis,
                                          String option) {
        super(what + " did not end within " + timeoutMillis + " ms (option " + option + "); last state: "
              + (state == null ? "never read" : state) + "; it goes on in EM");
        this.lastSeen = lastSeen;
    }

    /** The session as last read from EM (a RestoreSession or a BackupJobSession), or null when it was never read. */
    public EmEntity getLastSeen() {
        return lastSeen;
    }
}
