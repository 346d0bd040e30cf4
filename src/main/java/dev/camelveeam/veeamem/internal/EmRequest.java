package dev.camelveeam.veeamem.internal;

/**
 * One request to EM, relative to the API root.
 *
 * @param method        the HTTP method
 * @param pathAndQuery  the path below the API root, starting with a slash, with its query if any; a secret segment
 *                      stands in it as {@link #SECRET_PLACEHOLDER}
 * @param body          the document to send (a model object written in the exchange's format), or null
 * @param secretSegment the value of the placeholder (a session id), put in only on the wire; or null
 */
public record EmRequest(String method, String pathAndQuery, Object body, String secretSegment) {

    public static final String SECRET_PLACEHOLDER = "hidden-session-id";

    public static EmRequest get(String pathAndQuery) {
        return new EmRequest("GET", pathAndQuery, null, null);
    }

    public static EmRequest delete(String pathAndQuery) {
        return new EmRequest("DELETE", pathAndQuery, null, null);
    }

    public static EmRequest post(String pathAndQuery, Object body) {
        return new EmRequest("POST", pathAndQuery, body, null);
    }

    /** A request to {@code pathPrefix + sessionId} whose session id never shows in logs or messages. */
    static EmRequest onSession(String method, String pathPrefix, String sessionId) {
        return new EmRequest(method, pathPrefix + SECRET_PLACEHOLDER, null, sessionId);
    }

    /** Whether sending the request twice could do something twice on EM. */
    public boolean changesState() {
        return !"GET".equals(method);
    }

    @Override
    public String toString() {
        return method + " " + pathAndQuery;
    }
}
