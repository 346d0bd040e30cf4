package dev.camelveeam.veeamem.internal;

import java.time.Duration;
import java.time.Instant;

import dev.camelveeam.veeamem.model.BackupJobSession;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionCursorTest {

    private static final Instant START = Instant.parse("2026-11-28T12:00:00Z");
    private static final Duration LOOKBACK = Duration.ofHours(1);

    private static BackupJobSession session(String id, Instant end) {
        BackupJobSession session = new BackupJobSession();
        session.setUid("urn:veeam:BackupJobSession:" + id);
        session.setEndTimeUtc(end.toString());
        return session;
    }

    @Test
    void aFreshCursorNeverLooksBeforeItsStart() {
        SessionCursor cursor = SessionCursor.startingAt(START, LOOKBACK);

        assertEquals(START, cursor.since());
        assertTrue(cursor.isEmitted(session("a", START.minusSeconds(1))), "ended before the start: left out");
        assertFalse(cursor.isEmitted(session("b", START.plusSeconds(1))));
    }

    @Test
    void afterEmittingItLooksBackFromTheWatermarkAndRemembersTheWindow() {
        SessionCursor cursor = SessionCursor.startingAt(START, LOOKBACK);
        BackupJobSession latest = session("late", START.plus(Duration.ofHours(3)));

        cursor.markEmitted(latest);

        assertEquals(START.plus(Duration.ofHours(2)), cursor.since());
        assertTrue(cursor.isEmitted(latest));
        assertFalse(cursor.isEmitted(session("seen-late", START.plus(Duration.ofMinutes(150)))),
                "a session that ended inside the window but was not emitted yet");
    }

    @Test
    void theStateRoundTripsWithoutTheStartFloor() {
        SessionCursor cursor = SessionCursor.startingAt(START, LOOKBACK);
        cursor.markEmitted(session("x", START.plusSeconds(10)));

        SessionCursor restored = SessionCursor.fromState(cursor.toState(), LOOKBACK);

        assertTrue(restored.isEmitted(session("x", START.plusSeconds(10))));
        assertEquals(START.plusSeconds(10).minus(LOOKBACK), restored.since(),
                "a restored cursor looks back a full window from its watermark");
    }

    @Test
    void emittedSessionsOlderThanTheWindowAreForgotten() {
        SessionCursor cursor = SessionCursor.startingAt(START, LOOKBACK);
        cursor.markEmitted(session("old", START.plusSeconds(1)));
        cursor.markEmitted(session("new", START.plus(Duration.ofHours(5))));

        assertFalse(cursor.toState().contains("old"));
        assertTrue(cursor.toState().contains("new"));
    }
}
