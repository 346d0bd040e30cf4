package dev.camelveeam.veeamem.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import dev.camelveeam.veeamem.VeeamEmException;

/** Values that go into a request path as one segment, checked and encoded so that they cannot change the path. */
public final class PathSegments {

    private static final int MAX_LENGTH = 256;

    private PathSegments() {
    }

    /** A segment taken from an EM answer, such as a TaskId; one that could not be a single segment is refused. */
    public static String fromEm(String value, String what) {
        if (value == null || value.isBlank() || value.equals(".") || value.equals("..") || value.length() > MAX_LENGTH) {
            throw new VeeamEmException("EM answered with a " + what + " that cannot be used in a request path: "
                                       + (value == null ? "none" : "'" + abbreviate(value) + "'"));
        }
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
