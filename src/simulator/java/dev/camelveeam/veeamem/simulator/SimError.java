package dev.camelveeam.veeamem.simulator;

import java.util.Map;

/** Thrown by a resource to answer with an EM {@code Error} body. */
final class SimError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final Map<String, String> headers;

    SimError(int statusCode, String message) {
        this(statusCode, message, Map.of());
    }

    SimError(int statusCode, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.statusCode = statusCode;
        this.headers = headers;
    }

    int statusCode() {
        return statusCode;
    }

    Map<String, String> headers() {
        return headers;
    }
}
