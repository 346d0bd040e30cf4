package dev.camelveeam.veeamem.simulator;

/**
 * Everything a simulated EM knows: jobs, backup sessions, inventory, catalog and logon sessions, and the routes that
 * serve them. {@link EmSimulator#reset()} swaps in a new one; work still running on the old one (a task, a delayed
 * answer) finishes there, out of sight.
 */
final class SimWorld {

    final JobStore jobs = new JobStore();
    final BackupSessionStore backupSessions = new BackupSessionStore();
    final Inventory inventory = new Inventory();
    final BackupCatalog catalog = new BackupCatalog(jobs, backupSessions);
    final SessionStore sessions;
    /** Set once by the simulator when it serves this world. */
    volatile Router router;

    SimWorld(SimConfig config) {
        sessions = new SessionStore(config);
    }
}
