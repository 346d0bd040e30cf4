package dev.camelveeam.veeamem.simulator;

/** Reading jobs: {@code GET /api/jobs[?format=Entity]} and {@code GET /api/jobs/{jobId}[?format=Entity]}. */
final class JobResource {

    private final JobStore jobs;
    private final JobDocuments documents;

    JobResource(JobStore jobs, JobDocuments documents) {
        this.jobs = jobs;
        this.documents = documents;
    }

    void addRoutes(Router router) {
        router.add("GET", "/api/jobs", Router.Access.SESSION, this::list)
                .add("GET", "/api/jobs/([^/]+)", Router.Access.SESSION, this::get);
    }

    private SimResponse list(SimRequest request) {
        boolean entities = request.wantsEntities("Entity", "Ref");
        return SimResponse.of(200, entities ? documents.jobs(jobs.all()) : documents.references(jobs.all()));
    }

    private SimResponse get(SimRequest request) {
        SimJob job = jobs.require(request.pathParam(0));
        return SimResponse.of(200,
                request.wantsEntities("Entity", "Ref") ? documents.job(job) : documents.reference(job, "EntityRef"));
    }
}
