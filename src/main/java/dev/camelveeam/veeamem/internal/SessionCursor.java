package dev.camelveeam.veeamem.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelveeam.veeamem.VeeamEmException;
import dev.camelveeam.veeamem.model.BackupJobSession;

/**
 * Where the backup-session consumer stands: the latest end time it emitted (the watermark) and the sessions it
 * emitted within the lookback window before it. Polls ask for sessions that ended since {@link #since()}; the ones
 * remembered here are not emitted again. The state is a small JSON document, to keep in a Camel StateRepository.
 */
public final class SessionCursor {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Duration lookback;
    private final Instant floor;
    private final Map<String, Instant> emittedInWindow = new HashMap<>();
    private Instant watermark;

    private SessionCursor(Duration lookback, Instant watermark, Instant floor) {
        this.lookback = lookback;
        this.watermark = watermark;
        this.floor = floor;
    }

    /** A cursor that starts at {@code start}: sessions that ended before it are never emitted. */
    public static SessionCursor startingAt(Instant start, Duration lookback) {
        return new SessionCursor(lookback, start, start);
    }

    public static SessionCursor fromState(String state, Duration lookback) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(state);
            SessionCursor cursor = new SessionCursor(lookback, Instant.parse(node.get("watermark").asText()), Instant.EPOCH);
            node.get("emitted").properties()
                    .forEach(entry -> cursor.emittedInWindow.put(entry.getKey(), Instant.parse(entry.getValue().asText())));
            return cursor;
        } catch (JsonProcessingException | RuntimeException e) {
            throw new VeeamEmException("The saved position of the backupSessions consumer is not readable: " + state, e);
        }
    }

    /** The end time from which to ask EM for sessions. */
    public Instant since() {
        Instant windowStart = watermark.minus(lookback);
        return windowStart.isBefore(floor) ? floor : windowStart;
    }

    public boolean isEmitted(BackupJobSession session) {
        return emittedInWindow.containsKey(session.getId()) || session.getEndTime().isBefore(since());
    }

    public void markEmitted(BackupJobSession session) {
        Instant end = session.getEndTime();
        if (end.isAfter(watermark)) {
            watermark = end;
        }
        emittedInWindow.put(session.getId(), end);
        emittedInWindow.values().removeIf(emittedEnd -> emittedEnd.isBefore(since()));
    }

    public String toState() {
        ObjectNode node = JSON.createObjectNode();
        node.put("watermark", watermark.toString());
        ObjectNode emitted = node.putObject("emitted");
        emittedInWindow.forEach((id, end) -> emitted.put(id, end.toString()));
        return node.toString();
    }
}
