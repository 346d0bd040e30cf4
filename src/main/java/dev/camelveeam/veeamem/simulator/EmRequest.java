package dev.camelveeam.veeamem.simulator;

import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.Headers;

/**
 * A routed request as a resource sees it.
 *
 * @param pathParams the route's capture groups, decoded
 * @param query      decoded query parameters (first value wins)
 * @param session    the caller's session, {@code null} on routes that need none
 */
record EmRequest(List<String> pathParams, Map<String, String> query, Headers headers, String body, SimSession session) {

    String pathParam(int index) {
        return pathParams.get(index);
    }
}
