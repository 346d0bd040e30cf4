package dev.camelveeam.veeamem.simulator;

import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Starts, retries and stops job runs; a started session ends on the scheduler after the configured run time. */
final class BackupSessionRunner {

    static final String STOPPED_BY_USER = "Job has been stopped by user.";

    private final BackupSessionStore sessions;
    private final ScheduledExecutorService scheduler;
    private final SimConfig config;

    BackupSessionRunner(BackupSessionStore sessions, ScheduledExecutorService scheduler, SimConfig config) {
        this.sessions = sessions;
        this.scheduler = scheduler;
        this.config = config;
    }

    /** @return why the job cannot start, or {@code null} once its session runs */
    String start(SimJob job) {
        return run(sessions.startUnlessRunning(job, Instant.now()));
    }

    /** Like {@link #start(SimJob)}, returning the new session (a quick backup links its task to it). */
    BackupSessionStore.Start startRun(SimJob job) {
        BackupSessionStore.Start start = sessions.startUnlessRunning(job, Instant.now());
        run(start);
        return start;
    }

    /** @return why the job cannot be retried, or {@code null} once its retry session runs */
    String retry(SimJob job) {
        return run(sessions.retryIfLastFailed(job, Instant.now()));
    }

    /** @return false if the job was not running */
    boolean stop(SimJob job) {
        return sessions.stopActive(job, STOPPED_BY_USER, Instant.now());
    }

    private String run(BackupSessionStore.Start start) {
        if (start.session() != null) {
            SimBackupSession.Result result = config.nextBackupSessionResult;
            scheduler.schedule(() -> start.session().end(result, Instant.now()), config.backupSessionRunTime.toNanos(),
                    TimeUnit.NANOSECONDS);
        }
        return start.refusal();
    }
}
