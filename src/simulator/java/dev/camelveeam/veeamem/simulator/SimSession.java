package dev.camelveeam.veeamem.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** One EM logon session: identity, idle clock and the tasks created through it (numbered per session). */
final class SimSession {

    private final String sessionId;
    private final String token;
    private final String userName;
    private final int logonNumber;
    private final AtomicInteger taskNumbers = new AtomicInteger();
    private final Map<String, SimTask> tasks = new ConcurrentHashMap<>();
    private volatile long lastUsedNanos;

    SimSession(String sessionId, String userName, int logonNumber, long nowNanos) {
        this.sessionId = sessionId;
        this.token = tokenOf(sessionId);
        this.userName = userName;
        this.logonNumber = logonNumber;
        this.lastUsedNanos = nowNanos;
    }

    /** EM's token is the Base64 of the ASCII session GUID. */
    static String tokenOf(String sessionId) {
        return Base64.getEncoder().encodeToString(sessionId.getBytes(StandardCharsets.US_ASCII));
    }

    String sessionId() {
        return sessionId;
    }

    String token() {
        return token;
    }

    String userName() {
        return userName;
    }

    int logonNumber() {
        return logonNumber;
    }

    void touch(long nowNanos) {
        lastUsedNanos = nowNanos;
    }

    boolean idleLongerThan(Duration timeout, long nowNanos) {
        return nowNanos - lastUsedNanos > timeout.toNanos();
    }

    int nextTaskNumber() {
        return taskNumbers.incrementAndGet();
    }

    void addTask(SimTask task) {
        tasks.put(task.id(), task);
    }

    Optional<SimTask> task(String taskId) {
        return Optional.ofNullable(tasks.get(taskId));
    }

    Optional<SimTask> removeTask(String taskId) {
        return Optional.ofNullable(tasks.remove(taskId));
    }

    List<SimTask> tasks() {
        return tasks.values().stream().sorted(Comparator.comparingInt(SimTask::number)).toList();
    }
}
