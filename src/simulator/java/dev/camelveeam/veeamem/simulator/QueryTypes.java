package dev.camelveeam.veeamem.simulator;

import java.time.Instant;

/** The types {@code /api/query} serves, with EM's documented filter property names. */
final class QueryTypes {

    private QueryTypes() {
    }

    /** EM names the times {@code CreationTime}/{@code EndTime} in filters, not {@code …UTC} as in the entity. */
    static QueryType<SimBackupSession> backupJobSession(BackupSessionStore sessions, BackupSessionDocuments documents) {
        return QueryType.of("BackupJobSession", "BackupJobSessions", sessions::all,
                session -> documents.reference(session, "Ref"), documents::session,
                QueryProperty.text("UID", s -> Ids.uid("BackupJobSession", s.getId())),
                QueryProperty.text("Name", s -> EmTime.sessionName(s.getJobName(), s.getCreationTime())),
                QueryProperty.text("JobType", s -> "Backup"),
                QueryProperty.text("JobUid", s -> Ids.uid("Job", s.getJobId())),
                QueryProperty.text("JobName", SimBackupSession::getJobName),
                QueryProperty.time("CreationTime", SimBackupSession::getCreationTime),
                QueryProperty.time("EndTime", SimBackupSession::getEndTime),
                QueryProperty.enumeration("State", SimBackupSession.State.class, SimBackupSession::getState),
                QueryProperty.enumeration("Result", SimBackupSession.Result.class, SimBackupSession::getResult),
                QueryProperty.bool("IsRetry", SimBackupSession::isRetry),
                QueryProperty.text("BackupServerUid", s -> BACKUP_SERVER_UID),
                QueryProperty.text("BackupServerName", s -> EmLinks.BACKUP_SERVER_NAME));
    }

    private static final String BACKUP_SERVER_UID = Ids.uid("BackupServer", EmLinks.BACKUP_SERVER_ID);

    static QueryType<BackupCatalog.Repository> repository(BackupCatalog catalog, CatalogDocuments documents) {
        return QueryType.of("Repository", "Repositories", catalog::repositories, r -> documents.repositoryReference(r, "Ref"),
                documents::repository,
                QueryProperty.text("UID", r -> Ids.uid("Repository", r.id())),
                QueryProperty.text("Name", BackupCatalog.Repository::name),
                QueryProperty.number("FreeSpace", catalog::freeSpace),
                QueryProperty.number("Capacity", BackupCatalog.Repository::capacity),
                QueryProperty.text("BackupServerUid", r -> BACKUP_SERVER_UID),
                QueryProperty.text("BackupServerName", r -> EmLinks.BACKUP_SERVER_NAME));
    }

    static QueryType<String> backupServer(CatalogDocuments documents) {
        return QueryType.of("BackupServer", "BackupServers", () -> java.util.List.of(EmLinks.BACKUP_SERVER_ID),
                id -> documents.backupServerReference("Ref"), id -> documents.backupServer(),
                QueryProperty.text("UID", id -> BACKUP_SERVER_UID),
                QueryProperty.text("Name", id -> EmLinks.BACKUP_SERVER_NAME),
                QueryProperty.text("Description", id -> CatalogDocuments.BACKUP_SERVER_DESCRIPTION),
                QueryProperty.number("Port", id -> (long) CatalogDocuments.BACKUP_SERVER_PORT),
                QueryProperty.text("Version", id -> CatalogDocuments.BACKUP_SERVER_VERSION));
    }

    static QueryType<BackupCatalog.ReplicaSession> replicaJobSession(BackupCatalog catalog, SessionDetailDocuments documents) {
        return QueryType.of("ReplicaJobSession", "ReplicaJobSessions", catalog::replicaSessions,
                s -> documents.replicaSessionReference(s, "Ref"), documents::replicaSession,
                QueryProperty.text("UID", s -> Ids.uid("ReplicaJobSession", s.id())),
                QueryProperty.text("Name", BackupCatalog.ReplicaSession::name),
                QueryProperty.text("JobType", s -> "Replica"),
                QueryProperty.text("JobUid", s -> Ids.uid("Job", s.jobId())),
                QueryProperty.text("JobName", BackupCatalog.ReplicaSession::jobName),
                QueryProperty.time("CreationTime", BackupCatalog.ReplicaSession::creationTime),
                QueryProperty.time("EndTime", BackupCatalog.ReplicaSession::endTime),
                QueryProperty.enumeration("State", SimBackupSession.State.class, s -> SimBackupSession.State.Stopped),
                QueryProperty.enumeration("Result", SimBackupSession.Result.class, BackupCatalog.ReplicaSession::result),
                QueryProperty.bool("IsRetry", s -> false),
                QueryProperty.text("BackupServerUid", s -> BACKUP_SERVER_UID),
                QueryProperty.text("BackupServerName", s -> EmLinks.BACKUP_SERVER_NAME));
    }

    /**
     * {@code Type} is the point type ({@code Full}, {@code Increment}); {@code RestorePointId} the restore point's
     * GUID.
     */
    static QueryType<BackupCatalog.VmRestorePoint> vmRestorePoint(BackupCatalog catalog, CatalogDocuments documents) {
        return QueryType.of("VmRestorePoint", "VmRestorePoints", catalog::vmRestorePoints,
                p -> documents.vmRestorePointReference(p, "Ref"),
                documents::vmRestorePoint,
                QueryProperty.text("UID", p -> Ids.uid("VmRestorePoint", p.id())),
                QueryProperty.text("Name", BackupCatalog.VmRestorePoint::name),
                QueryProperty.time("CreationTime", p -> p.point().time()),
                QueryProperty.text("Type", p -> p.point().full() ? "Full" : "Increment"),
                QueryProperty.text("Algorithm", p -> p.point().full() ? "Full" : "Incremental"),
                QueryProperty.text("RestorePointId", p -> p.point().id()),
                QueryProperty.text("RestorePointName", p -> CatalogDocuments.restorePointName(p.point())),
                QueryProperty.text("VmDisplayName", p -> p.task().vm().name()),
                QueryProperty.text("BackupServerUid", p -> BACKUP_SERVER_UID),
                QueryProperty.text("BackupServerName", p -> EmLinks.BACKUP_SERVER_NAME));
    }

    static QueryType<BackupCatalog.TaskSession> backupTaskSession(BackupCatalog catalog, SessionDetailDocuments documents) {
        return QueryType.of("BackupTaskSession", "BackupTaskSessions", catalog::taskSessions,
                t -> documents.taskSessionReference(t, "Ref"),
                documents::taskSession,
                QueryProperty.text("UID", t -> Ids.uid("BackupTaskSession", t.id())),
                QueryProperty.text("Name", BackupCatalog.TaskSession::name),
                QueryProperty.time("CreationTime", t -> t.session().getCreationTime()),
                QueryProperty.time("EndTime", t -> t.session().getEndTime()),
                QueryProperty.text("State", t -> SessionDetailDocuments.TaskStatus.of(t).state()),
                QueryProperty.text("Result", t -> SessionDetailDocuments.TaskStatus.of(t).result()),
                QueryProperty.text("Reason", t -> SessionDetailDocuments.TaskStatus.of(t).reason()),
                QueryProperty.number("TotalSize", t -> SessionDetailDocuments.TaskStatus.of(t).totalSize()),
                QueryProperty.text("JobSessionUid", t -> Ids.uid("BackupJobSession", t.session().getId())),
                QueryProperty.text("JobUid", t -> Ids.uid("Job", t.session().getJobId())),
                QueryProperty.text("JobName", t -> t.session().getJobName()),
                QueryProperty.text("BackupServerUid", t -> BACKUP_SERVER_UID),
                QueryProperty.text("BackupServerName", t -> EmLinks.BACKUP_SERVER_NAME),
                QueryProperty.text("VmDisplayName", t -> t.vm().name()));
    }

    static QueryType<SimJob> job(JobStore jobs, JobDocuments documents) {
        return QueryType.of("Job", "Jobs", jobs::all, job -> documents.reference(job, "Ref"), documents::job,
                QueryProperty.text("UID", job -> Ids.uid("Job", job.getId())),
                QueryProperty.text("Name", SimJob::getName),
                QueryProperty.text("JobType", job -> "Backup"),
                QueryProperty.text("Platform", job -> "VMware"),
                QueryProperty.text("Description", SimJob::getDescription),
                QueryProperty.bool("ScheduleConfigured", job -> true),
                QueryProperty.bool("ScheduleEnabled", SimJob::isScheduleEnabled),
                QueryProperty.time("NextRun", job -> job.nextRun(Instant.now()).orElse(null)));
    }
}
