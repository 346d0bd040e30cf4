package dev.camelveeam.veeamem;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import dev.camelveeam.veeamem.ExchangeParameters.JobReference;
import dev.camelveeam.veeamem.internal.BackupSessionQuery;
import dev.camelveeam.veeamem.internal.EmApi;
import dev.camelveeam.veeamem.internal.EmApi.AcceptedTask;
import dev.camelveeam.veeamem.internal.EmRequest;
import dev.camelveeam.veeamem.model.BackupJobSession;
import dev.camelveeam.veeamem.model.CreateObjectInJobSpec;
import dev.camelveeam.veeamem.model.EntityRef;
import dev.camelveeam.veeamem.model.HierarchyItem;
import dev.camelveeam.veeamem.model.Job;
import dev.camelveeam.veeamem.model.JobCloneSpec;
import dev.camelveeam.veeamem.model.ObjectInJob;
import dev.camelveeam.veeamem.model.Task;

/**
 * What each operation sends to EM. An operation either answers at once ({@link Answer}) or starts an EM task that
 * the producer then waits for ({@link Started}). Requests that look something up first (a job by name, a VM by name)
 * go out on the calling thread before the operation's own request.
 */
final class EmOperations {

    sealed interface Outcome permits Answer, Started, AlreadyDone {
    }

    /** The operation is complete; {@code body} is the message body (null for none). */
    record Answer(Object body) implements Outcome {
    }

    /** EM accepted the operation as a task. */
    record Started(AcceptedTask accepted) implements Outcome {
    }

    /** With the idempotent option: EM is already as the operation would make it, so nothing was sent. */
    record AlreadyDone() implements Outcome {
    }

    private static final int NOT_FOUND = 404;

    private final EmApi api;

    EmOperations(EmApi api) {
        this.api = api;
    }

    Outcome perform(VeeamEmOperation operation, ExchangeParameters parameters, VeeamEmConfiguration config) {
        return switch (operation) {
            case listIncludes -> new Answer(api.getList(includesPath(parameters), ObjectInJob.class));
            case getInclude -> new Answer(api.get(includesPath(parameters) + "/" + parameters.includeIdSegment(),
                    ObjectInJob.class));
            case addInclude -> addInclude(parameters, config.isIdempotent());
            case removeInclude -> removeInclude(parameters, config.isIdempotent());
            case listJobs -> new Answer(api.getList("/jobs?format=Entity", Job.class));
            case getJob -> new Answer(api.get(jobPath(parameters) + "?format=Entity", Job.class));
            case startJob -> jobAction(parameters, "start", null);
            case stopJob -> jobAction(parameters, "stop", null);
            case retryJob -> jobAction(parameters, "retry", null);
            case toggleScheduleEnabled -> jobAction(parameters, "toggleScheduleEnabled", null);
            case cloneJob -> cloneJob(parameters);
            case getTask -> new Answer(api.get("/tasks/" + parameters.taskIdSegment(), Task.class));
            case cancelTask -> cancelTask(parameters);
            case listHierarchyRoots -> new Answer(api.getList("/hierarchyRoots", EntityRef.class));
            case lookup -> new Answer(lookup(parameters));
            case listBackupSessions -> new Answer(new BackupSessionQuery()
                    .jobName(parameters.jobName())
                    .results(parameters.sessionResult())
                    .condition("CreationTime", ">=", parameters.createdAfter())
                    .condition("CreationTime", "<", parameters.createdBefore())
                    .readAll(api, config.getPageSize()));
            case getBackupSession -> new Answer(api.get(
                    "/backupSessions/" + parameters.backupSessionIdSegment() + "?format=Entity", BackupJobSession.class));
            case backupSessions -> throw new IllegalArgumentException(
                    "backupSessions is the consumer of the veeam-em component (from(\"veeam-em:backupSessions\"));"
                                                                       + " to read sessions in a route use listBackupSessions");
        };
    }

    private Outcome addInclude(ExchangeParameters parameters, boolean idempotent) {
        String includesPath = includesPath(parameters);
        CreateObjectInJobSpec spec = parameters.hasHierarchyObjRef()
                ? new CreateObjectInJobSpec(parameters.hierarchyObjRef(), parameters.objectName())
                : specFromLookup(parameters);
        if (idempotent && api.getList(includesPath, ObjectInJob.class).stream()
                .anyMatch(include -> spec.getHierarchyObjRef().equalsIgnoreCase(include.getHierarchyObjRef()))) {
            return new AlreadyDone();
        }
        return start(EmRequest.post(includesPath, spec));
    }

    /** With idempotent, a 404 for an include the job (which exists) no longer lists means it was removed before. */
    private Outcome removeInclude(ExchangeParameters parameters, boolean idempotent) {
        String includesPath = includesPath(parameters);
        String includeId = parameters.includeIdSegment();
        try {
            return start(EmRequest.delete(includesPath + "/" + includeId));
        } catch (VeeamEmApiException e) {
            if (!idempotent || e.getStatusCode() != NOT_FOUND) {
                throw e;
            }
            try {
                if (api.getList(includesPath, ObjectInJob.class).stream()
                        .noneMatch(include -> includeId.equalsIgnoreCase(include.getObjectInJobId()))) {
                    return new AlreadyDone();
                }
            } catch (VeeamEmException jobAlsoMissing) {
                e.addSuppressed(jobAlsoMissing);
            }
            throw e;
        }
    }

    /** Finds the one object of the given type and name in the hierarchy root; none or several is an error. */
    private CreateObjectInJobSpec specFromLookup(ExchangeParameters parameters) {
        String name = parameters.objectName();
        String root = parameters.hierarchyRootUid();
        List<HierarchyItem> found = lookup(parameters);
        if (found.size() != 1) {
            throw new IllegalArgumentException(
                    (found.isEmpty() ? "No " : found.size() + " ") + parameters.objectType() + " objects named '" + name
                                               + "' in " + root
                                               + (found.isEmpty() ? "" : ": " + found.stream().map(HierarchyItem::getObjectRef)
                                                       .collect(Collectors.joining(", "))
                                                                         + "; give the one to add in hierarchyObjRef"));
        }
        return new CreateObjectInJobSpec(found.get(0).getObjectRef(), found.get(0).getObjectName());
    }

    private List<HierarchyItem> lookup(ExchangeParameters parameters) {
        return api.getList("/lookup?host=" + encode(parameters.hierarchyRootUid()) + "&name="
                           + encode(parameters.objectName()) + "&type=" + encode(parameters.objectType()),
                HierarchyItem.class);
    }

    private Outcome cloneJob(ExchangeParameters parameters) {
        JobCloneSpec spec = new JobCloneSpec(
                parameters.cloneJobName(), parameters.cloneFolderName(), parameters.cloneRepositoryUid());
        return jobAction(parameters, "clone", spec);
    }

    private Outcome jobAction(ExchangeParameters parameters, String action, Object body) {
        return start(EmRequest.post(jobPath(parameters) + "?action=" + action, body));
    }

    private Outcome cancelTask(ExchangeParameters parameters) {
        api.execute(EmRequest.delete("/tasks/" + parameters.taskIdSegment()));
        return new Answer(null);
    }

    private Outcome start(EmRequest request) {
        return new Started(api.submit(request));
    }

    private String includesPath(ExchangeParameters parameters) {
        return jobPath(parameters) + "/includes";
    }

    private String jobPath(ExchangeParameters parameters) {
        return "/jobs/" + encode(jobId(parameters.job()));
    }

    /** A job given by name is looked up among EM's jobs; it must match exactly one, ignoring case. */
    private String jobId(JobReference job) {
        if (!job.isName()) {
            return job.guid();
        }
        List<EntityRef> matches = api.getList("/jobs", EntityRef.class).stream()
                .filter(ref -> job.name().equalsIgnoreCase(ref.getName()))
                .toList();
        if (matches.size() != 1) {
            throw new IllegalArgumentException(
                    (matches.isEmpty() ? "No job" : matches.size() + " jobs") + " named '" + job.name()
                                               + "' (header " + VeeamEmConstants.JOB_ID + " or option jobId)"
                                               + (matches.isEmpty() ? "" : ": " + matches.stream().map(EntityRef::getUid)
                                                       .collect(Collectors.joining(", ")) + "; give the job's id"));
        }
        return matches.get(0).getId();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
