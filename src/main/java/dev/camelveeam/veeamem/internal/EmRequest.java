package dev.camelveeam.veeamem.internal;

/**
 * One request to EM, relative to the API root.
 *
 * @param method       the HTTP method
 * @param pathAndQuery the path below the API root, starting with a slash, with its query if any; a secret in it (a
 *                     session id) is its {@link Secrets} stand-in
 * @param body         the document to send (a model object written in the exchange's format), or null
 */
public record EmRequest(String method, String pathAndQuery, Object body) {

    public static EmRequest get(String pathAndQuery) {
        return new EmRequest("GET", pathAndQuery, null);
    }

    public static EmRequest delete(String pathAndQuery) {
        return new EmRequest("DELETE", pathAndQuery, null);
    }

    public static EmRequest post(String pathAndQuery, Object body) {
        return new EmRequest("POST", pathAndQuery, body);
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
