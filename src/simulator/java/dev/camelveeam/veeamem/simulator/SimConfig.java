package dev.camelveeam.veeamem.simulator;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulator's settings. Fields are volatile: every setting except the port may change while it runs. A new setting
 * goes into {@link #restore(SimConfig)} too ({@link EmSimulator#reset()} relies on it).
 */
final class SimConfig {

    private final Map<String, String> users = new ConcurrentHashMap<>();
    volatile Duration sessionIdleTimeout = Duration.ofMinutes(15);
    volatile Duration taskRunTime = Duration.ofMillis(500);
    volatile Duration taskCollectTime = Duration.ofMillis(100);
    volatile EmSimulator.JsonCasing jsonCasing = EmSimulator.JsonCasing.EM12;
    volatile boolean jsonByteOrderMark;
    volatile int port;
    volatile boolean seedData = true;
    volatile Duration backupSessionRunTime = Duration.ofSeconds(1);
    volatile SimBackupSession.Result nextBackupSessionResult = SimBackupSession.Result.Success;
    volatile Duration answerDelay = Duration.ZERO;
    volatile Duration restoreRunTime = Duration.ofSeconds(1);
    /** The failure message of the next restore session to start; taken (once) when it starts. */
    final java.util.concurrent.atomic.AtomicReference<String> nextRestoreFailure
            = new java.util.concurrent.atomic.AtomicReference<>();

    /** A copy of every setting, for {@link #restore(SimConfig)}. */
    SimConfig copy() {
        SimConfig copy = new SimConfig();
        copy.restore(this);
        return copy;
    }

    /** Takes every setting of {@code from}: users, times, casing, port, seed flag, pending restore failure. */
    void restore(SimConfig from) {
        users.clear();
        users.putAll(from.users);
        sessionIdleTimeout = from.sessionIdleTimeout;
        taskRunTime = from.taskRunTime;
        taskCollectTime = from.taskCollectTime;
        jsonCasing = from.jsonCasing;
        jsonByteOrderMark = from.jsonByteOrderMark;
        port = from.port;
        seedData = from.seedData;
        backupSessionRunTime = from.backupSessionRunTime;
        nextBackupSessionResult = from.nextBackupSessionResult;
        answerDelay = from.answerDelay;
        restoreRunTime = from.restoreRunTime;
        nextRestoreFailure.set(from.nextRestoreFailure.get());
    }

    void addUser(String user, String password) {
        users.put(user, password);
    }

    /** With no user configured, only the default user logs on. */
    boolean acceptsCredentials(String user, String password) {
        if (users.isEmpty()) {
            return EmSimulator.DEFAULT_USERNAME.equals(user) && EmSimulator.DEFAULT_PASSWORD.equals(password);
        }
        return password.equals(users.get(user));
    }
}
