package dev.camelveeam.veeamem.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One EM logon session, as the stand-ins of its id and token (see {@link Secrets}): whoever holds the real values can
 * act as the logged-on user until the session expires, so this side never holds them.
 */
public final class EmSession {

    private static final int MAX_CLAIMED = 100_000;

    private final String sessionId;
    private final String token;
    private final Set<String> claimedTasks = ConcurrentHashMap.newKeySet();

    EmSession(String sessionId, String token) {
        this.sessionId = sessionId;
        this.token = token;
    }

    String sessionId() {
        return sessionId;
    }

    String token() {
        return token;
    }

    /** Notes a task whose {@code 202} this component received: it belongs to an exchange that knows it. */
    void claim(String taskId) {
        if (claimedTasks.size() < MAX_CLAIMED) {
            claimedTasks.add(taskId);
        }
    }

    /** Whether the task's {@code 202} came back to this component. */
    boolean isClaimed(String taskId) {
        return claimedTasks.contains(taskId);
    }

    /** Whether the claims are complete: past the bound, an unclaimed task may be one whose claim was not kept. */
    boolean claimsComplete() {
        return claimedTasks.size() < MAX_CLAIMED;
    }

    @Override
    public String toString() {
        return "EmSession[hidden]";
    }
}
