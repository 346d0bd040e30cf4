package dev.camelveeam.veeamem.simulator;

import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.Headers;

/**
 * A routed request as a resource sees it.
 *
 * @param pathParams the route's capture groups, decoded
 * @param query      decoded query parameters in request order (first value wins)
 * @param session    the caller's session, {@code null} on routes that need none
 */
record SimRequest(List<String> pathParams, Map<String, String> query, Headers headers, String body, SimSession session) {

    String pathParam(int index) {
        return pathParams.get(index);
    }

    /** A query parameter whose name matches in any letter case (EM's are not case-sensitive), or {@code null}. */
    String queryParam(String name) {
        return query.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst()
                .orElse(null);
    }

    /**
     * Whether {@code format} asks for entities rather than references; values match in any letter case.
     *
     * @throws SimError 400 for a value that is neither
     */
    boolean wantsEntities(String entityFormat, String referenceFormat) {
        String format = queryParam("format");
        if (format == null || format.equalsIgnoreCase(referenceFormat)) {
            return false;
        }
        if (format.equalsIgnoreCase(entityFormat)) {
            return true;
        }
        throw new SimError(400, "Unknown format [" + format + "]: expected " + entityFormat + " or " + referenceFormat + ".");
    }
}
