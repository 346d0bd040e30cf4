package dev.camelveeam.veeamem.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.camelveeam.veeamem.VeeamEmException;

/**
 * Finds the session id in a LogonSession answer that could not be read as a document (cut short, or broken), so that
 * the session it opened can still be logged off: the {@code SessionId} element or property, or the session's
 * {@code /logonSessions/{id}} address. Only complete values count (closed by their tag or quote), and only those fit to
 * be a path segment.
 */
final class SessionIds {

    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("<(?:[A-Za-z0-9_]+:)?SessionId\\s*>\\s*([^<\\s]+)\\s*</(?:[A-Za-z0-9_]+:)?SessionId\\s*>",
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile("\"SessionId\"\\s*:\\s*\"([^\"]+)\"", Pattern.CASE_INSENSITIVE),
            Pattern.compile("/logonSessions/([^\"'<>\\s/?#&]+)[\"'<]", Pattern.CASE_INSENSITIVE));

    private SessionIds() {
    }

    /** The session id, or null when none (fit for a path) is found. */
    static String find(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        String text = new String(body, StandardCharsets.ISO_8859_1);
        for (Pattern pattern : PATTERNS) {
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                try {
                    return PathSegments.sessionIdFromEm(matcher.group(1));
                } catch (VeeamEmException unfit) {
                    // try the next candidate
                }
            }
        }
        return null;
    }
}
