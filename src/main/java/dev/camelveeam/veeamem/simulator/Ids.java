package dev.camelveeam.veeamem.simulator;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Parsing of the GUIDs and URNs EM uses as identifiers. */
final class Ids {

    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final String JOB_URN_PREFIX = "urn:veeam:Job:";

    private Ids() {
    }

    /** The canonical (lower-case) form of a GUID, or empty if the text is not one. */
    static Optional<String> guid(String text) {
        return text != null && GUID.matcher(text).matches() ? Optional.of(text.toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /** A job id as found in a path: a bare GUID or {@code urn:veeam:Job:<guid>}. */
    static Optional<String> jobGuid(String text) {
        if (text != null && text.regionMatches(true, 0, JOB_URN_PREFIX, 0, JOB_URN_PREFIX.length())) {
            return guid(text.substring(JOB_URN_PREFIX.length()));
        }
        return guid(text);
    }

    static String requireGuid(String text, String what) {
        return guid(text).orElseThrow(() -> new IllegalArgumentException(what + " must be a GUID: " + text));
    }
}
