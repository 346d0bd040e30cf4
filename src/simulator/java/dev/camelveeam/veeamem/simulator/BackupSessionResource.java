package dev.camelveeam.veeamem.simulator;

import java.time.Instant;
import java.util.Locale;

/**
 * Backup sessions: {@code GET /api/backupSessions[/{id}]} and {@code GET /api/jobs/{jobId}/backupSessions}, references
 * or ({@code ?format=Entity}) entities. Lists are in id order, which is unrelated to time, as EM's are. And {@code POST
 * /api/backupSessions/{id}?action=stop}, which stops one session when its task finishes.
 */
final class BackupSessionResource {

    private final BackupSessionStore sessions;
    private final JobStore jobs;
    private final BackupSessionDocuments documents;
    private final TaskRunner tasks;
    private final EmDocuments emDocuments;

    BackupSessionResource(BackupSessionStore sessions, JobStore jobs, BackupSessionDocuments documents, TaskRunner tasks,
                          EmDocuments emDocuments) {
        this.sessions = sessions;
        this.jobs = jobs;
        this.documents = documents;
        this.tasks = tasks;
        this.emDocuments = emDocuments;
    }

    void addRoutes(Router router) {
        router.add("GET", "/api/backupSessions", Router.Access.SESSION, this::list)
                .add("GET", "/api/backupSessions/([^/]+)", Router.Access.SESSION, this::get)
                .add("GET", "/api/jobs/([^/]+)/backupSessions", Router.Access.SESSION, this::ofJob)
                .add("POST", "/api/backupSessions/([^/]+)", Router.Access.SESSION, this::act);
    }

    /**
     * {@code ?action=stop} (any letter case): a {@code StopJobSession} task; when it finishes, an active session is
     * {@code Stopped}/{@code Failed} as {@code ?action=stop} on its job leaves it, and the task says
     * {@code Job Session "<name>" triggered to stop.}; a session that already ended makes the task fail.
     */
    private SimResponse act(SimRequest request) {
        SimBackupSession session = require(request.pathParam(0));
        String action = request.queryParam("action");
        if (action == null || !action.toLowerCase(Locale.ROOT).equals("stop")) {
            throw new SimError(
                    400, (action == null ? "Action is not specified" : "Unknown action [" + action + "]")
                         + ": expected ?action=stop.");
        }
        SimTask task = tasks.start(request.session(), "StopJobSession", () -> {
            String name = EmTime.sessionName(session.getJobName(), session.getCreationTime());
            return sessions.stopSession(session, BackupSessionRunner.STOPPED_BY_USER, Instant.now())
                    ? new SimTask.Result(true, "Job Session \"" + name + "\" triggered to stop.")
                    : new SimTask.Result(false, "Job Session \"" + name + "\" is not running.");
        });
        return SimResponse.of(202, emDocuments.task(task));
    }

    private SimResponse list(SimRequest request) {
        boolean entities = request.wantsEntities("Entity", "Ref");
        return SimResponse.of(200, entities ? documents.sessions(sessions.all()) : documents.references(sessions.all()));
    }

    private SimResponse ofJob(SimRequest request) {
        SimJob job = jobs.require(request.pathParam(0));
        boolean entities = request.wantsEntities("Entity", "Ref");
        return SimResponse.of(200,
                entities ? documents.sessions(sessions.ofJob(job.getId())) : documents.references(sessions.ofJob(job.getId())));
    }

    private SimResponse get(SimRequest request) {
        SimBackupSession session = require(request.pathParam(0));
        return SimResponse.of(200, request.wantsEntities("Entity", "Ref")
                ? documents.session(session) : documents.reference(session, "EntityRef"));
    }

    private SimBackupSession require(String pathId) {
        String sessionId = Ids.entityGuid(pathId, "BackupJobSession").orElseThrow(() -> new SimError(
                400,
                "Invalid backup session id [" + pathId + "]: expected a GUID or urn:veeam:BackupJobSession:<GUID>."));
        return sessions.find(sessionId)
                .orElseThrow(() -> new SimError(404, "Backup session [" + sessionId + "] was not found."));
    }
}
