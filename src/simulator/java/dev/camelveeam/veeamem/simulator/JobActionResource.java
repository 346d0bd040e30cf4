package dev.camelveeam.veeamem.simulator;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Job actions, {@code POST /api/jobs/{jobId}?action=start|stop|retry|toggleScheduleEnabled|clone}: each answers at once
 * with a running task and takes effect when the task finishes.
 */
final class JobActionResource {

    static final int MAX_JOB_NAME_LENGTH = 50;
    private static final Pattern UID = Pattern.compile("urn:veeam:[a-zA-Z_0-9\\-]+:[a-zA-Z_0-9\\-]+");
    private static final SpecBody.Member JOB_CLONE_SPEC = SpecBody.Member.container("JobCloneSpec",
            SpecBody.Member.container("BackupJobCloneInfo", SpecBody.Member.leaf("JobName"), SpecBody.Member.leaf("FolderName"),
                    SpecBody.Member.leaf("RepositoryUid"), SpecBody.Member.leaf("Description")),
            SpecBody.Member.container("ReplicaJobCloneInfo", SpecBody.Member.leaf("JobName"),
                    SpecBody.Member.leaf("VmSuffix")));

    /** What a clone request asks for; folder and repository are checked but not modelled. */
    private record CloneSpec(String jobName, String description) {
    }

    private final JobStore jobs;
    private final TaskRunner tasks;
    private final BackupSessionRunner runs;
    private final EmDocuments documents;

    JobActionResource(JobStore jobs, TaskRunner tasks, BackupSessionRunner runs, EmDocuments documents) {
        this.jobs = jobs;
        this.tasks = tasks;
        this.runs = runs;
        this.documents = documents;
    }

    void addRoutes(Router router) {
        router.add("POST", "/api/jobs/([^/]+)", Router.Access.SESSION, this::act);
    }

    private SimResponse act(SimRequest request) {
        SimJob job = jobs.require(request.pathParam(0));
        String action = request.queryParam("action");
        if (action == null) {
            throw new SimError(
                    400, "Action is not specified: expected ?action=start, stop, retry, toggleScheduleEnabled or clone.");
        }
        SimTask task = switch (action.toLowerCase(Locale.ROOT)) {
            case "start" -> run(request, "StartJob", () -> triggered(job, "start", runs.start(job)));
            case "stop" -> run(request, "StopJob", () -> triggered(job, "stop", runs.stop(job)
                    ? null : "Job \"" + job.getName()
                             + "\" is not running."));
            case "retry" -> run(request, "RetryJob", () -> triggered(job, "retry", runs.retry(job)));
            case "togglescheduleenabled" -> run(request, "UpdateJob", () -> {
                job.toggleScheduleEnabled();
                return new SimTask.Result(true, "Ok");
            });
            case "clone" -> {
                CloneSpec spec = cloneSpec(request);
                yield run(request, "CloneJob", () -> cloned(job, spec));
            }
            default -> throw new SimError(
                    400, "Unknown action [" + action
                         + "]: expected start, stop, retry, toggleScheduleEnabled or clone.");
        };
        return SimResponse.of(202, documents.task(task));
    }

    private SimTask run(SimRequest request, String operation, Supplier<SimTask.Result> change) {
        return tasks.start(request.session(), operation, change);
    }

    /** @param refusal why the action cannot take effect, {@code null} if it did */
    private static SimTask.Result triggered(SimJob job, String verb, String refusal) {
        return refusal == null
                ? new SimTask.Result(true, "Job \"" + job.getName() + "\" triggered to " + verb + ".")
                : new SimTask.Result(false, refusal);
    }

    private SimTask.Result cloned(SimJob source, CloneSpec spec) {
        return jobs.cloneUnlessNameTaken(source, spec.jobName(), spec.description())
                .map(clone -> new SimTask.Result(
                        true, "Ok",
                        List.of(new SimTask.Related("Job", "/jobs/" + clone.getId() + "?format=Entity", clone.getName()))))
                .orElseGet(() -> new SimTask.Result(
                        false, "Cannot clone job \"" + source.getName() + "\": a job named \""
                               + spec.jobName() + "\" already exists."));
    }

    /** @throws SimError 400 unless the body is a {@code JobCloneSpec} with a complete {@code BackupJobCloneInfo} */
    private static CloneSpec cloneSpec(SimRequest request) {
        SpecBody info = SpecBody.read(request, JOB_CLONE_SPEC).requiredContainer("BackupJobCloneInfo");
        String jobName = info.requiredText("JobName").strip();
        if (jobName.length() > MAX_JOB_NAME_LENGTH) {
            throw new SimError(
                    400, "JobName must not be longer than " + MAX_JOB_NAME_LENGTH + " characters: [" + jobName + "] has "
                         + jobName.length() + ".");
        }
        info.requiredText("FolderName");
        String repository = info.requiredText("RepositoryUid").strip();
        if (!UID.matcher(repository).matches()) {
            throw new SimError(400, "RepositoryUid [" + repository + "] is not a UID: expected urn:veeam:Repository:<id>.");
        }
        return new CloneSpec(jobName, info.text("Description").orElse(null));
    }
}
