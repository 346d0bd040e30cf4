package dev.camelveeam.veeamem.simulator;

/**
 * Task, replica and restore sessions: {@code GET /api/backupSessions/{id}/taskSessions},
 * {@code /api/backupTaskSessions[/{id}]}, {@code /api/replicaSessions[/{id}]}, {@code /api/restoreSessions[/{id}]}
 * (references, or entities with {@code ?format=Entity}); lists in id order.
 */
final class SessionDetailResource {

    private final BackupCatalog catalog;
    private final BackupSessionStore backupSessions;
    private final SessionDetailDocuments documents;

    SessionDetailResource(BackupCatalog catalog, BackupSessionStore backupSessions, SessionDetailDocuments documents) {
        this.catalog = catalog;
        this.backupSessions = backupSessions;
        this.documents = documents;
    }

    void addRoutes(Router router) {
        router.add("GET", "/api/backupSessions/([^/]+)/taskSessions", Router.Access.SESSION, this::taskSessionsOf)
                .add("GET", "/api/backupTaskSessions", Router.Access.SESSION, this::taskSessions)
                .add("GET", "/api/backupTaskSessions/([^/]+)", Router.Access.SESSION, this::taskSession)
                .add("GET", "/api/replicaSessions", Router.Access.SESSION, this::replicaSessions)
                .add("GET", "/api/replicaSessions/([^/]+)", Router.Access.SESSION, this::replicaSession)
                .add("GET", "/api/restoreSessions", Router.Access.SESSION, this::restoreSessions)
                .add("GET", "/api/restoreSessions/([^/]+)", Router.Access.SESSION, this::restoreSession);
    }

    private SimResponse taskSessionsOf(SimRequest request) {
        SimBackupSession session
                = CatalogResource.require(request.pathParam(0), "BackupJobSession", "backup session", backupSessions::find);
        return CatalogResource.listOrEntities(request, catalog.taskSessions(session),
                t -> documents.taskSessionReference(t, "Ref"),
                documents::taskSessions);
    }

    private SimResponse taskSessions(SimRequest request) {
        return CatalogResource.listOrEntities(request, catalog.taskSessions(), t -> documents.taskSessionReference(t, "Ref"),
                documents::taskSessions);
    }

    private SimResponse taskSession(SimRequest request) {
        BackupCatalog.TaskSession task
                = CatalogResource.require(request.pathParam(0), "BackupTaskSession", "backup task session",
                        catalog::taskSession);
        return CatalogResource.oneOrEntity(request, task, t -> documents.taskSessionReference(t, "EntityRef"),
                documents::taskSession);
    }

    private SimResponse replicaSessions(SimRequest request) {
        return CatalogResource.listOrEntities(request, catalog.replicaSessions(),
                s -> documents.replicaSessionReference(s, "Ref"),
                documents::replicaSessions);
    }

    private SimResponse replicaSession(SimRequest request) {
        BackupCatalog.ReplicaSession session
                = CatalogResource.require(request.pathParam(0), "ReplicaJobSession", "replica session",
                        catalog::replicaSession);
        return CatalogResource.oneOrEntity(request, session, s -> documents.replicaSessionReference(s, "EntityRef"),
                documents::replicaSession);
    }

    private SimResponse restoreSessions(SimRequest request) {
        return CatalogResource.listOrEntities(request, catalog.restoreSessions(),
                s -> documents.restoreSessionReference(s, "Ref"),
                documents::restoreSessions);
    }

    private SimResponse restoreSession(SimRequest request) {
        SimRestoreSession session = CatalogResource.require(request.pathParam(0), "RestoreSession", "restore session",
                catalog::restoreSession);
        return CatalogResource.oneOrEntity(request, session, s -> documents.restoreSessionReference(s, "EntityRef"),
                documents::restoreSession);
    }
}
