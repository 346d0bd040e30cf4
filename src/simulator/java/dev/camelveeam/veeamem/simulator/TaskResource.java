package dev.camelveeam.veeamem.simulator;

/** The caller's session tasks: {@code /api/tasks[/{taskId}]}. */
final class TaskResource {

    private final EmDocuments documents;

    TaskResource(EmDocuments documents) {
        this.documents = documents;
    }

    void addRoutes(Router router) {
        router.add("GET", "/api/tasks", Router.Access.SESSION, this::list)
                .add("GET", "/api/tasks/([^/]+)", Router.Access.SESSION, this::get)
                .add("DELETE", "/api/tasks/([^/]+)", Router.Access.SESSION, this::delete);
    }

    private SimResponse list(SimRequest request) {
        return SimResponse.of(200, documents.tasks(request.session().tasks()));
    }

    private SimResponse get(SimRequest request) {
        String taskId = request.pathParam(0);
        return SimResponse.of(200, documents.task(request.session().task(taskId).orElseThrow(() -> noSuchTask(taskId))));
    }

    /** Stops the task where it is (its change is never applied) and forgets it. */
    private SimResponse delete(SimRequest request) {
        String taskId = request.pathParam(0);
        request.session().removeTask(taskId).orElseThrow(() -> noSuchTask(taskId)).cancel();
        return SimResponse.noContent();
    }

    /** EM answers 500, not 404, for a task outside the caller's session. */
    private static SimError noSuchTask(String taskId) {
        return new SimError(500, "There is no backup task with id [" + taskId + "] in current rest session");
    }
}
