package dev.camelveeam.veeamem.bench;

import java.util.List;
import java.util.regex.Pattern;

import dev.camelveeam.veeamem.simulator.RecordedRequest;

/**
 * What one client sent, from the simulator's request log: logons, the operation's own requests ({@code DELETE
 * /api/jobs/{id}/includes/{id}}), task polls ({@code GET /api/tasks/{id}}) and anything else.
 */
record RequestCount(long logons, long operations, long polls, long other, long failed) {

    static final String COMPONENT_AGENT = "camel-veeam-em";
    private static final Pattern INCLUDE = Pattern.compile("/api/jobs/[^/]+/includes/[^/]+");
    private static final Pattern TASK = Pattern.compile("/api/tasks/[^/]+");

    static RequestCount of(List<RecordedRequest> requests, String userAgent) {
        long logons = 0;
        long operations = 0;
        long polls = 0;
        long other = 0;
        long failed = 0;
        for (RecordedRequest request : requests) {
            if (!userAgent.equals(request.header("User-Agent"))) {
                continue;
            }
            String method = request.method();
            String path = request.path();
            if (method.equals("POST") && path.startsWith("/api/sessionMngr")) {
                logons++;
            } else if (method.equals("DELETE") && INCLUDE.matcher(path).matches()) {
                operations++;
            } else if (method.equals("GET") && TASK.matcher(path).matches()) {
                polls++;
            } else {
                other++;
            }
            if (request.status() >= 400) {
                failed++;
            }
        }
        return new RequestCount(logons, operations, polls, other, failed);
    }

    RequestCount plus(RequestCount more) {
        return new RequestCount(
                logons + more.logons, operations + more.operations, polls + more.polls,
                other + more.other, failed + more.failed);
    }

    long total() {
        return logons + operations + polls + other;
    }
}
