package dev.camelveeam.veeamem.internal;

/**
 * One request to EM, relative to the API root.
 *
 * @param method       the HTTP method
 * @param pathAndQuery the path below the API root, starting with a slash, with its query if any
 */
public record EmRequest(String method, String pathAndQuery) {

    public static EmRequest get(String pathAndQuery) {
        return new EmRequest("GET", pathAndQuery);
    }

    public static EmRequest delete(String pathAndQuery) {
        return new EmRequest("DELETE", pathAndQuery);
    }

    @Override
    public String toString() {
        return method + " " + pathAndQuery;
    }
}
