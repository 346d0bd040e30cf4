package dev.camelveeam.veeamem.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelveeam.veeamem.VeeamEmException;
import dev.camelveeam.veeamem.model.BackupJobSession;

/**
 * Where the backup-session consumer stands, small enough to be saved after every session.
 * <p>
 * The position is a <em>floor</em> F and the ids of the sessions emitted with an end time at or after F, grouped by end
 * time (the latest of them is the watermark W). Invariant: <b>every session emitted with EndTime &ge; F is in the
 * position</b>. So a poll asks EM for the sessions with EndTime &ge; F and emits each one that is not in the position,
 * which makes it exact: a session with EndTime &lt; F is never emitted (again), one with EndTime &ge; F exactly once.
 * <p>
 * F follows W: it is {@code W - lookback}, raised so that at most {@code maxSessions} ids are kept, never splitting the
 * group of sessions that share an end time (the group at F is kept whole, so a session ending at F that is not in it
 * was not emitted). With {@code maxSessions = 0} only the group at W is kept and F = W. On a first start F = W = the
 * start instant.
 * <p>
 * What out-of-order arrival this covers: a session that EM lists only after a session with a later end time was emitted
 * (EM records it late) is still emitted, once, as long as its end time is not before F when EM first lists it, that is,
 * it ended at most {@code lookback} before the watermark and the consumer has not emitted {@code maxSessions} sessions
 * with a later end time since. Later than that, it is not emitted.
 */
public final class SessionCursor {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FORMAT = 2;

    private final Duration lookback;
    private final int maxSessions;
    /** End time → ids of the sessions emitted with it, for every end time at or after {@link #floor}. */
    private final NavigableMap<Instant, Set<String>> emitted = new TreeMap<>();
    private Instant floor;
    private Instant watermark;

    private SessionCursor(Duration lookback, int maxSessions, Instant watermark, Instant floor) {
        this.lookback = lookback;
        this.maxSessions = Math.max(0, maxSessions);
        this.watermark = watermark;
        this.floor = floor;
    }

    /** A cursor that starts at {@code start}: sessions that ended before it are never emitted. */
    public static SessionCursor startingAt(Instant start, Duration lookback, int maxSessions) {
        return new SessionCursor(lookback, maxSessions, start, start);
    }

    /**
     * Reads a saved position. A position saved by an earlier version (every id of the lookback window, no floor) is
     * read too: its floor is its earliest end time.
     */
    public static SessionCursor fromState(String state, Duration lookback, int maxSessions) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(state);
            Instant watermark = Instant.parse(node.get("watermark").asText());
            SessionCursor cursor;
            if (node.has("floor")) {
                cursor = new SessionCursor(lookback, maxSessions, watermark, Instant.parse(node.get("floor").asText()));
                node.get("emitted").properties().forEach(entry -> {
                    Set<String> ids = cursor.emitted.computeIfAbsent(Instant.parse(entry.getKey()), end -> new HashSet<>());
                    ((ArrayNode) entry.getValue()).forEach(id -> ids.add(id.asText()));
                });
            } else {
                cursor = new SessionCursor(lookback, maxSessions, watermark, watermark);
                node.get("emitted").properties().forEach(entry -> cursor.emitted
                        .computeIfAbsent(Instant.parse(entry.getValue().asText()), end -> new HashSet<>())
                        .add(entry.getKey()));
                if (!cursor.emitted.isEmpty()) {
                    cursor.floor = cursor.emitted.firstKey();
                }
            }
            cursor.trim();
            return cursor;
        } catch (JsonProcessingException | RuntimeException e) {
            throw new VeeamEmException("The saved position of the backupSessions consumer is not readable: " + state, e);
        }
    }

    /** The end time from which to ask EM for sessions (inclusive). */
    public Instant since() {
        return floor;
    }

    public Instant watermark() {
        return watermark;
    }

    /** Whether the session was emitted already, or ended before the floor and so is not to be emitted. */
    public boolean isEmitted(BackupJobSession session) {
        Instant end = session.getEndTime();
        if (end.isBefore(floor)) {
            return true;
        }
        Set<String> ids = emitted.get(end);
        return ids != null && ids.contains(session.getId());
    }

    public void markEmitted(BackupJobSession session) {
        Instant end = session.getEndTime();
        if (end.isBefore(floor)) {
            return;
        }
        emitted.computeIfAbsent(end, key -> new HashSet<>()).add(session.getId());
        if (end.isAfter(watermark)) {
            watermark = end;
        }
        trim();
    }

    /** Raises the floor to {@code watermark - lookback}, then further until at most maxSessions ids are kept. */
    private void trim() {
        Instant byTime = watermark.minus(lookback);
        if (byTime.isAfter(floor)) {
            floor = byTime;
        }
        emitted.headMap(floor, false).clear();
        int count = emitted.values().stream().mapToInt(Set::size).sum();
        // the group at the watermark is always kept whole, whatever its size
        while (count > maxSessions && emitted.size() > 1) {
            Map.Entry<Instant, Set<String>> oldest = emitted.pollFirstEntry();
            count -= oldest.getValue().size();
            floor = emitted.firstKey();
        }
    }

    /** How many session ids the position holds. */
    public int size() {
        return emitted.values().stream().mapToInt(Set::size).sum();
    }

    public String toState() {
        ObjectNode node = JSON.createObjectNode();
        node.put("format", FORMAT);
        node.put("watermark", watermark.toString());
        node.put("floor", floor.toString());
        ObjectNode groups = node.putObject("emitted");
        emitted.forEach((end, ids) -> {
            ArrayNode array = groups.putArray(end.toString());
            List<String> sorted = new ArrayList<>(ids);
            sorted.sort(null);
            sorted.forEach(array::add);
        });
        return node.toString();
    }

    @Override
    public String toString() {
        return "watermark " + watermark + ", floor " + floor + ", " + size() + " session ids";
    }
}
