package dev.camelveeam.veeamem.simulator;

import java.util.Objects;
import java.util.regex.Pattern;

/** Which requests a fault applies to: an HTTP method and a path pattern, either of which may be left open. */
public final class RequestMatcher {

    private static final RequestMatcher ANY = new RequestMatcher(null, null);

    private final String method;
    private final Pattern path;

    private RequestMatcher(String method, Pattern path) {
        this.method = method;
        this.path = path;
    }

    /** Every request. */
    public static RequestMatcher any() {
        return ANY;
    }

    /**
     * @param method    the HTTP method (any letter case), {@code null} for any
     * @param pathRegex matched against the whole raw path, as {@link EmSimulator#getRequests(String, String)} does, or
     *                  against its normalised form (runs of {@code /} collapsed, no trailing slash); {@code null} for
     *                  any
     */
    public static RequestMatcher of(String method, String pathRegex) {
        return new RequestMatcher(method, pathRegex == null ? null : Pattern.compile(pathRegex));
    }

    boolean matches(String requestMethod, String rawPath) {
        return (method == null || method.equalsIgnoreCase(requestMethod))
                && (path == null || path.matcher(rawPath).matches() || path.matcher(Router.normalise(rawPath)).matches());
    }

    @Override
    public String toString() {
        return Objects.requireNonNullElse(method, "*") + " " + (path == null ? "*" : path.pattern());
    }
}
