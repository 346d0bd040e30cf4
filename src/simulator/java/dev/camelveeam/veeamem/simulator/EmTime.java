package dev.camelveeam.veeamem.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/** EM's text forms of instants: EM 12 timestamps, session names, and the datetimes of query filters. */
final class EmTime {

    private static final DateTimeFormatter SECONDS
            = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter NAME_STAMP
            = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private EmTime() {
    }

    /** EM 12's form: UTC, up to 3 fraction digits without trailing zeros ({@code 2026-06-15T05:47:39.7Z}). */
    static String format(Instant instant) {
        int millis = instant.get(ChronoField.MILLI_OF_SECOND);
        String fraction = millis == 0 ? "" : ("." + String.format("%03d", millis)).replaceAll("0+$", "");
        return SECONDS.format(instant) + fraction + "Z";
    }

    /** A session's {@code Name}: {@code <job>@yyyy-MM-dd HH:mm:ss} (UTC). */
    static String sessionName(String jobName, Instant creationTime) {
        return jobName + "@" + NAME_STAMP.format(creationTime);
    }

    /**
     * A filter datetime: ISO-8601 with offset ({@code 2025-08-15T06:00:00Z}), without offset (taken as UTC) or a bare
     * date (its midnight UTC).
     *
     * @throws DateTimeParseException if it is none of these
     */
    static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException noOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException noTime) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
        }
    }
}
