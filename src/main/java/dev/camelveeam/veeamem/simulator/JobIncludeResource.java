package dev.camelveeam.veeamem.simulator;

import java.util.Map;

/** The objects a job processes: {@code /api/jobs/{jobId}/includes[/{includeId}]}. */
final class JobIncludeResource {

    private final Map<String, SimJob> jobs;
    private final TaskRunner taskRunner;
    private final EmDocuments documents;

    JobIncludeResource(Map<String, SimJob> jobs, TaskRunner taskRunner, EmDocuments documents) {
        this.jobs = jobs;
        this.taskRunner = taskRunner;
        this.documents = documents;
    }

    void addRoutes(Router router) {
        router.add("GET", "/api/jobs/([^/]+)/includes", Router.Access.SESSION, this::list)
                .add("GET", "/api/jobs/([^/]+)/includes/([^/]+)", Router.Access.SESSION, this::get)
                .add("DELETE", "/api/jobs/([^/]+)/includes/([^/]+)", Router.Access.SESSION, this::delete);
    }

    private EmResponse list(EmRequest request) {
        return EmResponse.of(200, documents.objectsInJob(job(request.pathParam(0))));
    }

    private EmResponse get(EmRequest request) {
        SimJob job = job(request.pathParam(0));
        return EmResponse.of(200, documents.objectInJob(job, include(job, request.pathParam(1))));
    }

    /** Answers at once with a running {@code UpdateJob} task; the object leaves the job when the task finishes. */
    private EmResponse delete(EmRequest request) {
        SimJob job = job(request.pathParam(0));
        SimInclude include = include(job, request.pathParam(1));
        SimTask task = taskRunner.start(request.session(), "UpdateJob", () -> switch (job.removeIncludeUnlessLast(include.getId())) {
            case REMOVED -> new SimTask.Result(true, "Ok");
            case LAST_OBJECT -> new SimTask.Result(false, "Cannot remove the last object \"" + include.getName() + "\" from job \""
                    + job.getName() + "\": a job must process at least one object.");
            case NOT_FOUND -> new SimTask.Result(false, "Object \"" + include.getName() + "\" (" + include.getId()
                    + ") was not found in job \"" + job.getName() + "\".");
        });
        return EmResponse.of(202, documents.task(task));
    }

    private SimJob job(String pathId) {
        String jobId = Ids.jobGuid(pathId).orElseThrow(
                () -> new EmError(400, "Invalid job id [" + pathId + "]: expected a GUID or urn:veeam:Job:<GUID>."));
        SimJob job = jobs.get(jobId);
        if (job == null) {
            throw new EmError(404, "Job [" + jobId + "] was not found.");
        }
        return job;
    }

    private static SimInclude include(SimJob job, String pathId) {
        String includeId = Ids.guid(pathId).orElseThrow(
                () -> new EmError(400, "Invalid object in job id [" + pathId + "]: expected a GUID."));
        return job.findInclude(includeId).orElseThrow(
                () -> new EmError(404, "Object [" + includeId + "] was not found in job \"" + job.getName() + "\"."));
    }
}
