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
                QueryProperty.bool("IsRetry", SimBackupSession::isRetry));
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
