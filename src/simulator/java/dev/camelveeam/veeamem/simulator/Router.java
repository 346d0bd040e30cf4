package dev.camelveeam.veeamem.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/** Maps method + normalised path to a resource handler; answers 404 for unknown paths and 405 for unknown methods. */
final class Router {

    @FunctionalInterface
    interface Handler {
        SimResponse handle(SimRequest request);
    }

    enum Access {
        PUBLIC,
        SESSION
    }

    record Route(String method, Pattern path, Access access, Handler handler) {
    }

    record Match(Route route, List<String> pathParams) {
    }

    private final List<Route> routes = new ArrayList<>();

    /** @param pathRegex matched against the whole normalised path; capture groups become path parameters */
    Router add(String method, String pathRegex, Access access, Handler handler) {
        routes.add(new Route(method, Pattern.compile(pathRegex), access, handler));
        return this;
    }

    /** EM accepts doubled slashes ({@code /api//jobs}); a trailing slash is optional. */
    static String normalise(String path) {
        String collapsed = path.replaceAll("/{2,}", "/");
        return collapsed.length() > 1 && collapsed.endsWith("/") ? collapsed.substring(0, collapsed.length() - 1) : collapsed;
    }

    /**
     * Whether a route that needs no session serves this path (with any method): only there do 404/405 precede the 401.
     */
    boolean isPublicPath(String path) {
        return routes.stream().anyMatch(route -> route.access() == Access.PUBLIC && route.path().matcher(path).matches());
    }

    Match resolve(String method, String path) {
        TreeSet<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            Matcher matcher = route.path().matcher(path);
            if (!matcher.matches()) {
                continue;
            }
            if (route.method().equals(method)) {
                return new Match(route, IntStream.rangeClosed(1, matcher.groupCount()).mapToObj(matcher::group).toList());
            }
            allowed.add(route.method());
        }
        if (allowed.isEmpty()) {
            throw new SimError(404, "Resource [" + path + "] was not found.");
        }
        throw new SimError(
                405, "Method [" + method + "] is not allowed on [" + path + "].",
                Map.of("Allow", String.join(", ", allowed)));
    }
}
