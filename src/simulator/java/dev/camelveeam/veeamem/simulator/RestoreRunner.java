package dev.camelveeam.veeamem.simulator;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs full-VM restores: a new restore session is {@code Starting}, turns {@code Working} after a quarter of the
 * restore run time and {@code Stopped} at its end, {@code Success} unless a failure was asked for with
 * {@link EmSimulator#withNextRestoreFailure(String)}.
 */
final class RestoreRunner {

    private final BackupCatalog catalog;
    private final ScheduledExecutorService scheduler;
    private final SimConfig config;

    RestoreRunner(BackupCatalog catalog, ScheduledExecutorService scheduler, SimConfig config) {
        this.catalog = catalog;
        this.scheduler = scheduler;
        this.config = config;
    }

    SimRestoreSession start(BackupCatalog.VmRestorePoint point) {
        SimRestoreSession session = new SimRestoreSession(
                UUID.randomUUID().toString(), point.id(), point.task().vm().name(),
                point.task().vm().ref(), Instant.now());
        String failure = config.nextRestoreFailure.getAndSet(null);
        long runNanos = config.restoreRunTime.toNanos();
        catalog.addRestoreSession(session);
        scheduler.schedule(session::work, runNanos / 4, TimeUnit.NANOSECONDS);
        scheduler.schedule(() -> session.stop(failure, Instant.now()), runNanos, TimeUnit.NANOSECONDS);
        return session;
    }
}
