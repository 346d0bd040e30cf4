package dev.camelveeam.veeamem.internal;

/**
 * One EM logon session, as the stand-ins of its id and token (see {@link Secrets}): whoever holds the real values can
 * act as the logged-on user until the session expires, so this side never holds them.
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
