package dev.camelveeam.veeamem.simulator;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The backup sessions of all jobs. Starting, stopping and retrying check the job's sessions and change them in one
 * atomic step, so two concurrent starts of a job cannot both succeed.
 */
final class BackupSessionStore {

    /** Outcome of {@link #startUnlessRunning} and {@link #retryIfLastFailed}: the new session, or why there is none. */
    record Start(SimBackupSession session, String refusal) {
    }

    /** Ordered by id: unrelated to time, as EM's collections are. */
    private static final Comparator<SimBackupSession> BY_ID = Comparator.comparing(SimBackupSession::getId);

    private final Map<String, SimBackupSession> sessions = new ConcurrentHashMap<>();

    /** @throws IllegalArgumentException if a session with this id exists */
    synchronized SimBackupSession add(SimBackupSession session) {
        if (sessions.putIfAbsent(session.getId(), session) != null) {
            throw new IllegalArgumentException("Backup session " + session.getId() + " already exists");
        }
        return session;
    }

    Optional<SimBackupSession> find(String sessionId) {
        return Optional.ofNullable(sessions.get(sessionId));
    }

    /** Every session, by id. */
    List<SimBackupSession> all() {
        return sessions.values().stream().sorted(BY_ID).toList();
    }

    /** The job's sessions, by id. */
    List<SimBackupSession> ofJob(String jobId) {
        return sessions.values().stream().filter(s -> s.getJobId().equals(jobId)).sorted(BY_ID).toList();
    }

    synchronized void clear() {
        sessions.clear();
    }

    /** A new {@code Working} session unless one of the job's sessions is still active. */
    synchronized Start startUnlessRunning(SimJob job, Instant now) {
        if (ofJob(job.getId()).stream().anyMatch(SimBackupSession::isActive)) {
            return new Start(null, "Job \"" + job.getName() + "\" is already running.");
        }
        return new Start(add(working(job, false, now)), null);
    }

    /** A new retry session if the job's latest session ended {@code Failed} (EM retries only failed jobs). */
    synchronized Start retryIfLastFailed(SimJob job, Instant now) {
        Optional<SimBackupSession> last
                = ofJob(job.getId()).stream().max(Comparator.comparing(SimBackupSession::getCreationTime));
        if (last.isEmpty() || last.get().isActive() || last.get().getResult() != SimBackupSession.Result.Failed) {
            String lastRun = last.map(s -> "its last session is " + s.getState() + " with result " + s.getResult())
                    .orElse("it has never run");
            return new Start(
                    null, "Job \"" + job.getName() + "\" cannot be retried: only a job whose last session ended Failed can be"
                          + " retried, and " + lastRun + ".");
        }
        return new Start(add(working(job, true, now)), null);
    }

    /** Stops the job's active sessions; false if there was none. */
    synchronized boolean stopActive(SimJob job, String failureMessage, Instant now) {
        List<SimBackupSession> active = ofJob(job.getId()).stream().filter(SimBackupSession::isActive).toList();
        active.forEach(session -> session.stop(SimBackupSession.Result.Failed, failureMessage, now));
        return !active.isEmpty();
    }

    /** Stops the session if it is active; false if it had already ended. */
    synchronized boolean stopSession(SimBackupSession session, String failureMessage, Instant now) {
        if (!session.isActive()) {
            return false;
        }
        session.stop(SimBackupSession.Result.Failed, failureMessage, now);
        return true;
    }

    private static SimBackupSession working(SimJob job, boolean retry, Instant now) {
        return new SimBackupSession(
                UUID.randomUUID().toString(), job, retry, SimBackupSession.State.Working,
                SimBackupSession.Result.None, now, null);
    }
}
