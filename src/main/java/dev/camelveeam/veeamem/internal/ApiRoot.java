package dev.camelveeam.veeamem.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The root of EM's REST API, {@code scheme://host:port/api}, parsed from the {@code baseUrl} option which users write
 * with or without the trailing {@code /api}.
 */
public final class ApiRoot {

    private static final String API_SEGMENT = "/api";
    private static final int MAX_PORT = 65_535;
    private static final String EXAMPLE = "https://em.example.com:9398/api";

    private final String url;

    private ApiRoot(String url) {
        this.url = url;
    }

    public static ApiRoot parse(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException(
                    "The option baseUrl is required: the URL of the EM REST API, for example " + EXAMPLE);
        }
        URI uri;
        try {
            uri = new URI(baseUrl.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "The option baseUrl is not a valid URL (" + e.getReason()
                                               + (e.getIndex() >= 0 ? " at index " + e.getIndex() : "") + "): "
                                               + shown(baseUrl));
        }
        String scheme = uri.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "The option baseUrl must be an http or https URL with a host, for example " + EXAMPLE + ", but was: "
                                               + shown(baseUrl));
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    "The option baseUrl must not carry user info, a query or a fragment; set username and password as options");
        }
        if (uri.getPort() == 0 || uri.getPort() > MAX_PORT) {
            throw new IllegalArgumentException(
                    "The option baseUrl has port " + uri.getPort() + ", which is not a TCP port (1 to 65535)");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        int api = apiSegment(path);
        if (api >= 0 && api + API_SEGMENT.length() < path.length()) {
            throw new IllegalArgumentException(
                    "The option baseUrl must be the API root such as " + EXAMPLE + ", not a resource path ("
                                               + Echo.quote(path.substring(api)) + "): end it at " + API_SEGMENT);
        }
        if (api < 0) {
            path = path + API_SEGMENT;
        }
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        return new ApiRoot(scheme.toLowerCase() + "://" + uri.getHost() + port + path);
    }

    /** Where the segment {@code /api} (any letter case) starts in the path, or -1. */
    private static int apiSegment(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        for (int at = lower.indexOf(API_SEGMENT); at >= 0; at = lower.indexOf(API_SEGMENT, at + 1)) {
            int end = at + API_SEGMENT.length();
            if (end == lower.length() || lower.charAt(end) == '/') {
                return at;
            }
        }
        return -1;
    }

    /**
     * The baseUrl as a refusal may show it: without anything up to its last {@code @} after the scheme (user info,
     * which may hold a password, however malformed), and cut to a readable length.
     */
    static String shown(String baseUrl) {
        String shown = baseUrl.trim();
        int at = shown.lastIndexOf('@');
        if (at >= 0) {
            int schemeEnd = shown.indexOf("://");
            String scheme = schemeEnd >= 0 && schemeEnd < at ? shown.substring(0, schemeEnd + 3) : "";
            shown = scheme + "(user info not shown)@" + shown.substring(at + 1);
        }
        return Echo.quote(shown);
    }

    /** The host and port of EM, such as {@code em.example.com:9398}. */
    public String authority() {
        return URI.create(url).getRawAuthority();
    }

    /** The absolute URL of a path below the API root; {@code pathAndQuery} starts with a slash. */
    public URI resolve(String pathAndQuery) {
        return URI.create(url + pathAndQuery);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiRoot && url.equals(((ApiRoot) other).url);
    }

    @Override
    public int hashCode() {
        return url.hashCode();
    }

    @Override
    public String toString() {
        return url;
    }
}
