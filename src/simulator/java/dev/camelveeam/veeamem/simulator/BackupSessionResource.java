package dev.camelveeam.veeamem.simulator;

/**
 * Backup sessions: {@code GET /api/backupSessions[/{id}]} and {@code GET /api/jobs/{jobId}/backupSessions}, references
 * or ({@code ?format=Entity}) entities. Lists are in id order, which is unrelated to time, as EM's are.
 */
final class BackupSessionResource {

    private final BackupSessionStore sessions;
    private final JobStore jobs;
    private final BackupSessionDocuments documents;

    BackupSessionResource(BackupSessionStore sessions, JobStore jobs, BackupSessionDocuments documents) {
        this.sessions = sessions;
        this.jobs = jobs;
        this.documents = documents;
    }

    void addRoutes(Router router) {
        router.add("GET", "/api/backupSessions", Router.Access.SESSION, this::list)
                .add("GET", "/api/backupSessions/([^/]+)", Router.Access.SESSION, this::get)
                .add("GET", "/api/jobs/([^/]+)/backupSessions", Router.Access.SESSION, this::ofJob);
    }

    private SimResponse list(SimRequest request) {
        boolean entities = request.wantsEntities("Entity", "Ref");
        return SimResponse.of(200, entities ? documents.sessions(sessions.all()) : documents.references(sessions.all()));
    }

    private SimResponse ofJob(SimRequest request) {
        SimJob job = jobs.require(request.pathParam(0));
        boolean entities = request.wantsEntities("Entity", "Ref");
        return SimResponse.of(200, entities ? documents.sessions(sessions.ofJob(job.getId())) : documents.references(sessions.ofJob(job.getId())));
    }

    private SimResponse get(SimRequest request) {
        String pathId = request.pathParam(0);
        String sessionId = Ids.entityGuid(pathId, "BackupJobSession").orElseThrow(() -> new SimError(400,
                "Invalid backup session id [" + pathId + "]: expected a GUID or urn:veeam:BackupJobSession:<GUID>."));
        SimBackupSession session = sessions.find(sessionId)
                .orElseThrow(() -> new SimError(404, "Backup session [" + sessionId + "] was not found."));
        return SimResponse.of(200, request.wantsEntities("Entity", "Ref") ? documents.session(session) : documents.reference(session, "EntityRef"));
    }
}
