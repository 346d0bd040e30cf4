package dev.camelveeam.veeamem.simulator;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The live logon sessions, keyed by token. Idle sessions are dropped when next looked at. */
final class SessionStore {

    private final SimConfig config;
    private final Map<String, SimSession> byToken = new ConcurrentHashMap<>();
    private final AtomicInteger logons = new AtomicInteger();

    SessionStore(SimConfig config) {
        this.config = config;
    }

    SimSession logon(String userName) {
        SimSession session
                = new SimSession(UUID.randomUUID().toString(), userName, logons.incrementAndGet(), System.nanoTime());
        byToken.put(session.token(), session);
        return session;
    }

    /** The live session owning this token, with its idle timer restarted. */
    Optional<SimSession> authenticate(String token) {
        Optional<SimSession> session = live(token == null ? null : byToken.get(token));
        session.ifPresent(s -> s.touch(System.nanoTime()));
        return session;
    }

    Optional<SimSession> findById(String sessionId) {
        return live(byToken.get(SimSession.tokenOf(sessionId)));
    }

    /** Live sessions of one user, oldest logon first. */
    List<SimSession> liveSessionsOf(String userName) {
        return byToken.values().stream()
                .filter(s -> s.userName().equals(userName))
                .filter(s -> live(s).isPresent())
                .sorted(Comparator.comparingInt(SimSession::logonNumber))
                .toList();
    }

    void logoff(SimSession session) {
        byToken.remove(session.token(), session);
    }

    void expireAll() {
        byToken.clear();
    }

    int logonCount() {
        return logons.get();
    }

    int activeCount() {
        return (int) byToken.values().stream().filter(s -> live(s).isPresent()).count();
    }

    private Optional<SimSession> live(SimSession session) {
        if (session == null) {
            return Optional.empty();
        }
        if (session.idleLongerThan(config.sessionIdleTimeout, System.nanoTime())) {
            byToken.remove(session.token(), session);
            return Optional.empty();
        }
        return Optional.of(session);
    }
}
