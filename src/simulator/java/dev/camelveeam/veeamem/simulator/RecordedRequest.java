package dev.camelveeam.veeamem.simulator;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One request as the simulator received it, with the status it answered. */
public final class RecordedRequest {

    private final String method;
    private final String path;
    private final String query;
    private final Map<String, List<String>> headers;
    private final String body;
    private final Instant receivedAt = Instant.now();
    private volatile int status = -1;

    RecordedRequest(String method, String path, String query, Map<String, List<String>> headers, String body) {
        this.method = method;
        this.path = path;
        this.query = query;
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        this.headers = Collections.unmodifiableMap(copy);
        this.body = body;
    }

    public String method() {
        return method;
    }

    /** The raw (undecoded) path, e.g. {@code /api/jobs/<guid>/includes/<guid>}. */
    public String path() {
        return path;
    }

    /** The raw query string, or {@code null} if there is none. */
    public String query() {
        return query;
    }

    /** The first value of a header (name case-insensitive), or {@code null}. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** All headers; lookups in this map are case-insensitive. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The body as UTF-8 text, {@code ""} if there was none. */
    public String body() {
        return body;
    }

    /**
     * The status code the simulator answered; {@code -1} while not yet answered, or for ever if the connection was
     * dropped.
     */
    public int status() {
        return status;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    void answered(int statusCode) {
        status = statusCode;
    }

    @Override
    public String toString() {
        return method + " " + path + (query == null ? "" : "?" + query) + " -> " + status;
    }
}
