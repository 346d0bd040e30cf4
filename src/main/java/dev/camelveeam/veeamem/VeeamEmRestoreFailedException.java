package dev.camelveeam.veeamem;

import dev.camelveeam.veeamem.model.RestoreSession;

/**
 * A restore (restoreVm) started in EM but its restore session ended with the result Failed. The session, with its
 * FailureMessage, is kept.
 */
public class VeeamEmRestoreFailedException extends VeeamEmException {

    private final transient RestoreSession session;

    public VeeamEmRestoreFailedException(RestoreSession session) {
        super("EM restore session " + session.getId() + " (" + session.getName() + ") ended " + session.getResult()
              + (session.getFailureMessage() == null || session.getFailureMessage().isBlank()
                      ? "" : ": " + session.getFailureMessage()));
        this.session = session;
    }

    /** The restore session as it ended. */
    public RestoreSession getSession() {
        return session;
    }
}
