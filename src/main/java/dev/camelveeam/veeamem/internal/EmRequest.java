package dev.camelveeam.veeamem.internal;

/**
 * One request to EM, relative to the API root.
 *
 * @param method       the HTTP method
 * @param pathAndQuery the path below the API root, starting with a slash, with its query if any; a secret in it (a
 *                     session id) is its {@link Secrets} stand-in
 * @param body         the document to send (a model object written in the exchange's format), or null
 * @param aheadOfNew   whether the request goes to EM before requests that start new work, when requests wait for a
 *                     connection: it follows up work EM already accepted (a poll, a cancel), or opens or closes the
 *                     session the others need
 */
public record EmRequest(String method, String pathAndQuery, Object body, boolean aheadOfNew) {

    public static EmRequest get(String pathAndQuery) {
        return new EmRequest("GET", pathAndQuery, null, false);
    }

    public static EmRequest delete(String pathAndQuery) {
        return new EmRequest("DELETE", pathAndQuery, null, false);
    }

    public static EmRequest post(String pathAndQuery, Object body) {
        return new EmRequest("POST", pathAndQuery, body, false);
    }

    /** This request, going to EM before the requests that start new work. */
    public EmRequest aheadOfNewWork() {
        return new EmRequest(method, pathAndQuery, body, true);
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
