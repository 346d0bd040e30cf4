package dev.camelveeam.veeamem.simulator;

import java.util.regex.Pattern;

/** The objects a job processes: {@code /api/jobs/{jobId}/includes[/{includeId}]}. */
final class JobIncludeResource {

    /** {@code urn:<Platform>:<Type>:<rootGuid>.<ref>}; the XSD's stricter pattern rejects EM's own references. */
    private static final Pattern HIERARCHY_OBJ_REF = Pattern.compile("urn:[^:\\s]+:[^:\\s]+:\\S+", Pattern.CASE_INSENSITIVE);
    private static final SpecBody.Member CREATE_OBJECT_IN_JOB_SPEC = SpecBody.Member.container("CreateObjectInJobSpec",
            SpecBody.Member.leaf("HierarchyObjRef"), SpecBody.Member.leaf("HierarchyObjName"), SpecBody.Member.leaf("Order"),
            SpecBody.Member.container("GuestProcessingOptions"));

    private final JobStore jobs;
    private final TaskRunner taskRunner;
    private final EmDocuments documents;

    JobIncludeResource(JobStore jobs, TaskRunner taskRunner, EmDocuments documents) {
        this.jobs = jobs;
        this.taskRunner = taskRunner;
        this.documents = documents;
    }

    void addRoutes(Router router) {
        router.add("GET", "/api/jobs/([^/]+)/includes", Router.Access.SESSION, this::list)
                .add("POST", "/api/jobs/([^/]+)/includes", Router.Access.SESSION, this::add)
                .add("GET", "/api/jobs/([^/]+)/includes/([^/]+)", Router.Access.SESSION, this::get)
                .add("DELETE", "/api/jobs/([^/]+)/includes/([^/]+)", Router.Access.SESSION, this::delete);
    }

    private SimResponse list(SimRequest request) {
        return SimResponse.of(200, documents.objectsInJob(jobs.require(request.pathParam(0))));
    }

    private SimResponse get(SimRequest request) {
        SimJob job = jobs.require(request.pathParam(0));
        return SimResponse.of(200, documents.objectInJob(job, include(job, request.pathParam(1))));
    }

    /** Answers at once with a running {@code UpdateJob} task; the object joins the job when the task finishes. */
    private SimResponse add(SimRequest request) {
        SimJob job = jobs.require(request.pathParam(0));
        SpecBody spec = SpecBody.read(request, CREATE_OBJECT_IN_JOB_SPEC);
        String ref = spec.requiredText("HierarchyObjRef").strip();
        if (!HIERARCHY_OBJ_REF.matcher(ref).matches()) {
            throw new SimError(
                    400,
                    "HierarchyObjRef [" + ref + "] is not a hierarchy object reference: expected urn:<Platform>:<Type>:<id>.");
        }
        String name = spec.requiredText("HierarchyObjName").strip();
        spec.text("Order").ifPresent(JobIncludeResource::requireInt);
        SimTask task = taskRunner.start(request.session(), "UpdateJob", () -> switch (job.addIncludeUnlessPresent(ref, name)) {
            case ADDED -> new SimTask.Result(true, "Ok");
            case ALREADY_INCLUDED -> new SimTask.Result(
                    false, "Object \"" + name + "\" (" + ref + ") is already included in job \""
                           + job.getName() + "\".");
        });
        return SimResponse.of(202, documents.task(task));
    }

    /** Answers at once with a running {@code UpdateJob} task; the object leaves the job when the task finishes. */
    private SimResponse delete(SimRequest request) {
        SimJob job = jobs.require(request.pathParam(0));
        SimInclude include = include(job, request.pathParam(1));
        SimTask task
                = taskRunner.start(request.session(), "UpdateJob", () -> switch (job.removeIncludeUnlessLast(include.getId())) {
                    case REMOVED -> new SimTask.Result(true, "Ok");
                    case LAST_OBJECT -> new SimTask.Result(
                            false, "Cannot remove the last object \"" + include.getName() + "\" from job \""
                                   + job.getName() + "\": a job must process at least one object.");
                    case NOT_FOUND -> new SimTask.Result(
                            false, "Object \"" + include.getName() + "\" (" + include.getId()
                                   + ") was not found in job \"" + job.getName() + "\".");
                });
        return SimResponse.of(202, documents.task(task));
    }

    private static SimInclude include(SimJob job, String pathId) {
        String includeId = Ids.guid(pathId).orElseThrow(
                () -> new SimError(400, "Invalid object in job id [" + pathId + "]: expected a GUID."));
        return job.findInclude(includeId).orElseThrow(
                () -> new SimError(404, "Object [" + includeId + "] was not found in job \"" + job.getName() + "\"."));
    }

    private static void requireInt(String order) {
        try {
            Integer.parseInt(order.strip());
        } catch (NumberFormatException e) {
            throw new SimError(400, "CreateObjectInJobSpec/Order [" + order + "] is not a whole number.");
        }
    }
}
