package dev.camelveeam.veeamem.simulator;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Parsing of the GUIDs and URNs EM uses as identifiers. */
final class Ids {

    private static final Pattern GUID
            = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Ids() {
    }

    /** The canonical (lower-case) form of a GUID, or empty if the text is not one. */
    static Optional<String> guid(String text) {
        return text != null && GUID.matcher(text).matches() ? Optional.of(text.toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /**
     * An id as found in a path or parameter: a bare GUID or {@code urn:veeam:<urnType>:<guid>} (prefix in any letter
     * case).
     */
    static Optional<String> entityGuid(String text, String urnType) {
        String prefix = "urn:veeam:" + urnType + ":";
        if (text != null && text.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return guid(text.substring(prefix.length()));
        }
        return guid(text);
    }

    /** {@code urn:veeam:<urnType>:<guid>}, EM's UID form. */
    static String uid(String urnType, String guid) {
        return "urn:veeam:" + urnType + ":" + guid;
    }

    static String requireGuid(String text, String what) {
        return guid(text).orElseThrow(() -> new IllegalArgumentException(what + " must be a GUID: " + text));
    }
}
