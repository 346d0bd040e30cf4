package dev.camelveeam.veeamem.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import dev.camelveeam.veeamem.VeeamEmException;

/** Values that go into a request path as one segment, checked and encoded so that they cannot change the path. */
public final class PathSegments {

    private static final int MAX_LENGTH = 256;
    /** What a session id may be made of: URI-unreserved characters, nothing that needs encoding. */
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9._~-]{1,256}");

    private PathSegments() {
    }

    /** A segment taken from an EM answer, such as a TaskId; one that could not be a single segment is refused. */
    public static String fromEm(String value, String what) {
        return URLEncoder.encode(checkedFromEm(value, what), StandardCharsets.UTF_8);
    }

    /**
     * A value from an EM answer that is to become one path segment, such as a job's id, checked but not encoded: one
     * that could not be a single segment ({@code .}, {@code ..}, blank, too long) is refused.
     */
    public static String checkedFromEm(String value, String what) {
        if (value == null || value.isBlank() || value.equals(".") || value.equals("..") || value.length() > MAX_LENGTH) {
            throw new VeeamEmException(
                    "EM answered with a " + what + " that cannot be used in a request path: "
                                       + (value == null ? "none" : "'" + Echo.quote(value, 40) + "'"));
        }
        return value;
    }

    /**
     * A logon session id from EM, which goes into {@code /logonSessions/{id}}: a secret, so a refusal does not quote
     * it. It must be made of letters, digits and {@code . _ ~ -} only (EM's are GUIDs), and be neither {@code .} nor
     * {@code ..}.
     */
    public static String sessionIdFromEm(String value) {
        if (value == null || value.equals(".") || value.equals("..") || !SESSION_ID.matcher(value).matches()) {
            throw new VeeamEmException(
                    "EM answered with a SessionId that cannot be used in a request path"
                                       + (value == null ? " (none)" : " (" + value.length() + " characters, not quoted)")
                                       + ": expected a GUID");
        }
        return value;
    }
}
