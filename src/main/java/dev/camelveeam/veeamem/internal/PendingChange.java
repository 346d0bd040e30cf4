package dev.camelveeam.veeamem.internal;

/**
 * A change an exchange asked EM for, kept on the exchange (property {@code CamelVeeamEmPendingChange}) until the
 * exchange completes, so that a redelivery of the exchange settles it instead of sending it again: what was sent, in
 * which logon session, and the task EM answered with, if that answer came.
 */
public final class PendingChange {

    private final String key;
    private final String emOperation;
    private volatile EmSession session;
    private volatile EmRequest request;
    private volatile EmTaskHandle task;
    private volatile String uncheckable;

    /**
     * @param key         what the change is about (operation and target), the same for a redelivery of the exchange
     * @param emOperation the {@code Operation} EM gives the change's task, such as {@code UpdateJob}
     */
    public PendingChange(String key, String emOperation) {
        this.key = key;
        this.emOperation = emOperation;
    }

    public String key() {
        return key;
    }

    String emOperation() {
        return emOperation;
    }

    /** The request is about to go out in the session. */
    void sending(EmSession session, EmRequest request) {
        this.session = session;
        this.request = request;
        this.task = null;
    }

    void accepted(EmTaskHandle task) {
        this.task = task;
    }

    /** Whether the request may have reached EM. */
    public boolean wasSent() {
        return session != null;
    }

    EmSession session() {
        return session;
    }

    EmRequest request() {
        return request;
    }

    /** The task EM answered the change with, or null when that answer never came. */
    public EmTaskHandle task() {
        return task;
    }

    /** Why what EM did with the change cannot be found out, or null. */
    public String uncheckable() {
        return uncheckable;
    }

    void markUncheckable(String reason) {
        this.uncheckable = reason;
    }

    @Override
    public String toString() {
        return "PendingChange[" + key + (request == null ? "" : ", " + request) + (task == null
                ? "" : ", task "
                       + task.lastSeen().getTaskId())
               + "]";
    }
}
