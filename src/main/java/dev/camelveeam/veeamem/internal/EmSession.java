package dev.camelveeam.veeamem.internal;

/**
 * One EM logon session. Both values are secrets: whoever holds either can act as the logged-on user until the session
 * expires, so neither appears in {@link #toString()}.
 */
public final class EmSession {

    private final String sessionId;
    private final String token;

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

    @Override
    public String toString() {
        return "EmSession[hidden]";
    }
}
