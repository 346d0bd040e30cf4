package dev.camelveeam.veeamem.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.camelveeam.veeamem.model.BackupJobSession;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionCursorTest {

    private static final Instant START = Instant.parse("2026-11-28T12:00:00Z");
    private static final Duration LOOKBACK = Duration.ofHours(1);
    private static final int MAX = 200;

    private static BackupJobSession session(String id, Instant end) {
        BackupJobSession session = new BackupJobSession();
        session.setUid("urn:veeam:BackupJobSession:" + id);
        session.setEndTimeUtc(end.toString());
        return session;
    }

    @Test
    void aFreshCursorNeverLooksBeforeItsStart() {
        SessionCursor cursor = SessionCursor.startingAt(START, LOOKBACK, MAX);

        assertEquals(START, cursor.since());
        assertTrue(cursor.isEmitted(session("a", START.minusSeconds(1))), "ended before the start: left out");
        assertFalse(cursor.isEmitted(session("b", START)), "ended at the start: emitted");
        assertFalse(cursor.isEmitted(session("c", START.plusSeconds(1))));
    }

    @Test
    void afterEmittingItLooksBackFromTheWatermarkAndRemembersTheWindow() {
        SessionCursor cursor = SessionCursor.startingAt(START, LOOKBACK, MAX);
        BackupJobSession latest = session("late", START.plus(Duration.ofHours(3)));

        cursor.markEmitted(latest);

        assertEquals(START.plus(Duration.ofHours(2)), cursor.since());
        assertTrue(cursor.isEmitted(latest));
        assertFalse(cursor.isEmitted(session("seen-late", START.plus(Duration.ofMinutes(150)))),
                "a session that ended inside the window but was not emitted yet");
    }

    @Test
    void theStateRoundTripsWithItsFloorWatermarkAndIds() {
        SessionCursor cursor = SessionCursor.startingAt(START, LOOKBACK, MAX);
        cursor.markEmitted(session("x", START.plusSeconds(10)));
        cursor.markEmitted(session("y", START.plusSeconds(5)));

        SessionCursor restored = SessionCursor.fromState(cursor.toState(), LOOKBACK, MAX);

        assertEquals(START, restored.since(), "the floor is saved: the first start's floor stays");
        assertEquals(START.plusSeconds(10), restored.watermark());
        assertTrue(restored.isEmitted(session("x", START.plusSeconds(10))));
        assertTrue(restored.isEmitted(session("y", START.plusSeconds(5))));
        assertFalse(restored.isEmitted(session("z", START.plusSeconds(7))), "late, within the window: still to emit");
        assertEquals(cursor.toState(), restored.toState());
    }

    @Test
    void emittedSessionsOlderThanTheWindowAreForgotten() {
        SessionCursor cursor = SessionCursor.startingAt(START, LOOKBACK, MAX);
        cursor.markEmitted(session("old", START.plusSeconds(1)));
        cursor.markEmitted(session("new", START.plus(Duration.ofHours(5))));

        assertFalse(cursor.toState().contains("old"));
        assertTrue(cursor.toState().contains("new"));
        assertTrue(cursor.isEmitted(session("old", START.plusSeconds(1))), "below the floor: never again");
    }

    @Test
    void pastMaxSessionsTheFloorRisesToTheOldestRememberedSession() {
        SessionCursor cursor = SessionCursor.startingAt(START, LOOKBACK, 3);
        for (int i = 1; i <= 5; i++) {
            cursor.markEmitted(session("s" + i, START.plusSeconds(i)));
        }

        assertEquals(3, cursor.size());
        assertEquals(START.plusSeconds(3), cursor.since());
        assertTrue(cursor.isEmitted(session("s2", START.plusSeconds(2))), "below the floor");
        assertTrue(cursor.isEmitted(session("s3", START.plusSeconds(3))));
        assertFalse(cursor.isEmitted(session("late", START.plusSeconds(3))), "late, at the floor: still to emit");
        assertFalse(cursor.isEmitted(session("late", START.plusSeconds(4))), "late, above the floor: still to emit");
        assertTrue(cursor.isEmitted(session("too-late", START.plusSeconds(2))),
                "ended before the floor: not emitted (the documented limit)");
    }

    @Test
    void sessionsSharingAnEndTimeAreKeptTogether() {
        SessionCursor cursor = SessionCursor.startingAt(START, LOOKBACK, 0);
        Instant end = START.plusSeconds(30);
        cursor.markEmitted(session("a", START.plusSeconds(20)));
        cursor.markEmitted(session("b", end));
        cursor.markEmitted(session("c", end));

        assertEquals(end, cursor.since(), "with maxSessions 0 the floor is the watermark");
        assertEquals(2, cursor.size(), "the whole group at the watermark, whatever maxSessions");
        assertTrue(cursor.isEmitted(session("b", end)));
        assertTrue(cursor.isEmitted(session("c", end)));
        assertFalse(cursor.isEmitted(session("d", end)), "a third session with the same end time, listed late");
        assertTrue(cursor.isEmitted(session("a", START.plusSeconds(20))));

        SessionCursor capped = SessionCursor.startingAt(START, LOOKBACK, 2);
        capped.markEmitted(session("x", START.plusSeconds(1)));
        capped.markEmitted(session("y", end));
        capped.markEmitted(session("z", end));
        assertEquals(end, capped.since(), "the older group goes whole, never half of a group");
        assertEquals(2, capped.size());
    }

    @Test
    void thePositionStaysSmallWhateverTheRate() {
        SessionCursor cursor = SessionCursor.startingAt(START, LOOKBACK, MAX);
        for (int i = 0; i < 10_800; i++) {  // three sessions a second for an hour
            cursor.markEmitted(session(UUID.randomUUID().toString(), START.plusMillis(333L * i)));
        }

        assertEquals(MAX, cursor.size());
        assertTrue(cursor.toState().length() < 16_000, "bytes: " + cursor.toState().length());
    }

    @Test
    void readsThePositionOfTheEarlierFormat() {
        String earlier = "{\"watermark\":\"2026-11-28T12:00:10Z\",\"emitted\":{\"x\":\"2026-11-28T12:00:10Z\","
                         + "\"y\":\"2026-11-28T11:30:00Z\"}}";

        SessionCursor cursor = SessionCursor.fromState(earlier, LOOKBACK, MAX);

        assertEquals(Instant.parse("2026-11-28T11:30:00Z"), cursor.since(), "its earliest id's end time");
        assertTrue(cursor.isEmitted(session("x", START.plusSeconds(10))));
        assertTrue(cursor.isEmitted(session("y", Instant.parse("2026-11-28T11:30:00Z"))));
        assertFalse(cursor.isEmitted(session("z", START)));
    }
}
