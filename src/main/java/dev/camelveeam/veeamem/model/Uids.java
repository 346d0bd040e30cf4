package dev.camelveeam.veeamem.model;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Small conversions of EM's identifiers and timestamps.
 */
final class Uids {

    private Uids() {
    }

    /** The last segment of an EM UID ({@code urn:veeam:<Type>:<id>}); the value itself when it is no URN. */
    static String idOf(String uid) {
        if (uid == null) {
            return null;
        }
        int colon = uid.lastIndexOf(':');
        return uid.startsWith("urn:") && colon >= 0 ? uid.substring(colon + 1) : uid;
    }

    /**
     * An EM timestamp: ISO-8601 in UTC, with 0 to 7 fraction digits depending on the EM version; a timestamp without a
     * zone is UTC.
     */
    static Instant instantOf(String timestamp) {
        if (timestamp == null || timestamp.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(timestamp).toInstant(ZoneOffset.UTC);
        }
    }
}
