package dev.camelveeam.veeamem.internal;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The root of EM's REST API, {@code scheme://host:port/api}, parsed from the {@code baseUrl} option which users write
 * with or without the trailing {@code /api}.
 */
public final class ApiRoot {

    private static final String API_SEGMENT = "/api";
    private static final int MAX_PORT = 65_535;

    private final String url;

    private ApiRoot(String url) {
        this.url = url;
    }

    public static ApiRoot parse(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException(
                    "The option baseUrl is required: the URL of the EM REST API, for example https://em.example.com:9398/api");
        }
        URI uri;
        try {
            uri = new URI(baseUrl.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The option baseUrl is not a valid URL: " + e.getMessage(), e);
        }
        String scheme = uri.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "The option baseUrl must be an http or https URL with a host, for example https://em.example.com:9398/api, but was: "
                                               + baseUrl);
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
        if (!path.endsWith(API_SEGMENT)) {
            path = path + API_SEGMENT;
        }
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        return new ApiRoot(scheme.toLowerCase() + "://" + uri.getHost() + port + path);
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
