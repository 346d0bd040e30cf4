package dev.camelveeam.veeamem.simulator;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The simulator's settings. Fields are volatile: every setting except the port may change while it runs. */
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
    final java.util.concurrent.atomic.AtomicReference<String> nextRestoreFailure = new java.util.concurrent.atomic.AtomicReference<>();

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
