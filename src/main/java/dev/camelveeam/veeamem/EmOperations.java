package dev.camelveeam.veeamem;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import dev.camelveeam.veeamem.ExchangeParameters.JobReference;
import dev.camelveeam.veeamem.internal.BackupSessionQuery;
import dev.camelveeam.veeamem.internal.Echo;
import dev.camelveeam.veeamem.internal.EmApi;
import dev.camelveeam.veeamem.internal.EmRequest;
import dev.camelveeam.veeamem.internal.EmTaskHandle;
import dev.camelveeam.veeamem.internal.PendingChange;
import dev.camelveeam.veeamem.internal.Futures;
import dev.camelveeam.veeamem.internal.PathSegments;
import dev.camelveeam.veeamem.model.BackupJobSession;
import dev.camelveeam.veeamem.model.CreateObjectInJobSpec;
import dev.camelveeam.veeamem.model.EntityRef;
import dev.camelveeam.veeamem.model.HierarchyItem;
import dev.camelveeam.veeamem.model.Job;
import dev.camelveeam.veeamem.model.JobCloneSpec;
import dev.camelveeam.veeamem.model.ObjectInJob;
import dev.camelveeam.veeamem.model.Task;

/**
 * What each operation sends to EM. {@link #prepare} reads and checks every input of the exchange and sends nothing;
 * the {@link Call} it returns then sends the requests, without waiting: an operation either answers at once
 * ({@link Answer}) or starts an EM task that the producer then waits for ({@link Started}). Requests that look
 * something up first (a job by name, a VM by name) go out before the operation's own request.
 */
final class EmOperations {

    sealed interface Outcome permits Answer, Started, AlreadyDone {
    }

    /** The operation is complete; {@code body} is the message body (null for none). */
    record Answer(Object body) implements Outcome {
    }

    /** EM accepted the operation as a task. */
    record Started(EmTaskHandle task) implements Outcome {
    }

    /** With the idempotent option: EM is already as the operation would make it, so nothing was sent. */
    record AlreadyDone() implements Outcome {
    }

    /**
     * An operation whose inputs are checked, ready to be sent. A change (an operation EM answers with a task) has a
     * key naming what it changes, and the {@code Operation} EM gives its task; it is sent with the pending change that
     * records what went out.
     */
    static final class Call {

        private final String changeKey;
        private final String emOperation;
        private final Function<PendingChange, CompletableFuture<Outcome>> sender;

        private Call(String changeKey, String emOperation, Function<PendingChange, CompletableFuture<Outcome>> sender) {
            this.changeKey = changeKey;
            this.emOperation = emOperation;
            this.sender = sender;
        }

        static Call read(Supplier<CompletableFuture<Outcome>> sender) {
            return new Call(null, null, change -> sender.get());
        }

        static Call change(String key, String emOperation, Function<PendingChange, CompletableFuture<Outcome>> sender) {
            return new Call(key, emOperation, sender);
        }

        boolean isChange() {
            return changeKey != null;
        }

        PendingChange newPendingChange() {
            return new PendingChange(changeKey, emOperation);
        }

        CompletableFuture<Outcome> send(PendingChange change) {
            return sender.apply(change);
        }
    }

    private static final int NOT_FOUND = 404;
    private static final String UPDATE_JOB = "UpdateJob";

    private final EmApi api;

    EmOperations(EmApi api) {
        this.api = api;
    }

    /** Reads and checks the operation's inputs; bad input throws here, before any request. */
    Call prepare(VeeamEmOperation operation, ExchangeParameters parameters, VeeamEmConfiguration config) {
        return switch (operation) {
            case listIncludes -> read(parameters, job -> answer(api.getList(job + "/includes", ObjectInJob.class)));
            case getInclude -> {
                String includeId = parameters.includeIdSegment();
                yield read(parameters, job -> answer(api.get(job + "/includes/" + includeId, ObjectInJob.class)));
            }
            case addInclude -> addInclude(parameters, config.isIdempotent());
            case removeInclude -> removeInclude(parameters, config.isIdempotent());
            case listJobs -> Call.read(() -> answer(api.getList("/jobs?format=Entity", Job.class)));
            case getJob -> read(parameters, job -> answer(api.get(job + "?format=Entity", Job.class)));
            case startJob -> jobAction(parameters, "start", "StartJob", null, "");
            case stopJob -> jobAction(parameters, "stop", "StopJob", null, "");
            case retryJob -> jobAction(parameters, "retry", "RetryJob", null, "");
            case toggleScheduleEnabled -> jobAction(parameters, "toggleScheduleEnabled", UPDATE_JOB, null, "");
            case cloneJob -> {
                JobCloneSpec spec = new JobCloneSpec(
                        parameters.cloneJobName(), parameters.cloneFolderName(), parameters.cloneRepositoryUid());
                yield jobAction(parameters, "clone", "CloneJob", spec, spec.getBackupJobCloneInfo().getJobName());
            }
            case getTask -> {
                String taskId = parameters.taskIdSegment();
                yield Call.read(() -> answer(api.get("/tasks/" + taskId, Task.class)));
            }
            case cancelTask -> {
                String taskId = parameters.taskIdSegment();
                yield Call.read(() -> answer(api.execute(EmRequest.delete("/tasks/" + taskId))));
            }
            case listHierarchyRoots -> Call.read(() -> answer(api.getList("/hierarchyRoots", EntityRef.class)));
            case lookup -> {
                String lookupPath = lookupPath(parameters);
                yield Call.read(() -> answer(api.getList(lookupPath, HierarchyItem.class)));
            }
            case listBackupSessions -> {
                BackupSessionQuery query = new BackupSessionQuery()
                        .jobName(parameters.jobName())
                        .results(parameters.sessionResult())
                        .condition("CreationTime", ">=", parameters.createdAfter())
                        .condition("CreationTime", "<", parameters.createdBefore());
                yield Call.read(() -> answer(query.readAll(api, config.getPageSize(), config.getMaxPages())));
            }
            case getBackupSession -> {
                String sessionId = parameters.backupSessionIdSegment();
                yield Call.read(() -> answer(
                        api.get("/backupSessions/" + sessionId + "?format=Entity", BackupJobSession.class)));
            }
        };
    }

    private Call addInclude(ExchangeParameters parameters, boolean idempotent) {
        JobReference job = parameters.job();
        if (parameters.hasHierarchyObjRef()) {
            CreateObjectInJobSpec spec = new CreateObjectInJobSpec(parameters.hierarchyObjRef(), parameters.objectName());
            return Call.change(key("addInclude", job, spec.getHierarchyObjRef()), UPDATE_JOB,
                    change -> onJob(job, path -> addInclude(path, spec, idempotent, change)));
        }
        String lookupPath = lookupPath(parameters);
        String described = parameters.objectType() + " objects named '" + Echo.quote(parameters.objectName()) + "' in "
                           + parameters.hierarchyRootUid();
        return Call.change(key("addInclude", job, lookupPath), UPDATE_JOB,
                change -> onJob(job, path -> api.getList(lookupPath, HierarchyItem.class)
                        .thenCompose(found -> addInclude(path, specFromLookup(found, described), idempotent, change))));
    }

    private CompletableFuture<Outcome> addInclude(
            String jobPath, CreateObjectInJobSpec spec, boolean idempotent, PendingChange change) {
        String includesPath = jobPath + "/includes";
        if (!idempotent) {
            return start(EmRequest.post(includesPath, spec), change);
        }
        return api.getList(includesPath, ObjectInJob.class).thenCompose(includes -> includes.stream()
                .anyMatch(include -> spec.getHierarchyObjRef().equalsIgnoreCase(include.getHierarchyObjRef()))
                        ? CompletableFuture.completedFuture(new AlreadyDone())
                        : start(EmRequest.post(includesPath, spec), change));
    }

    /** With idempotent, a 404 for an include the job (which exists) no longer lists means it was removed before. */
    private Call removeInclude(ExchangeParameters parameters, boolean idempotent) {
        String includeId = parameters.includeIdSegment();
        JobReference job = parameters.job();
        return Call.change(key("removeInclude", job, includeId), UPDATE_JOB, change -> onJob(job, path -> {
            String includesPath = path + "/includes";
            return start(EmRequest.delete(includesPath + "/" + includeId), change).exceptionallyCompose(failure -> {
                Throwable cause = Futures.unwrap(failure);
                if (!idempotent || !(cause instanceof VeeamEmApiException api404) || api404.getStatusCode() != NOT_FOUND) {
                    return CompletableFuture.failedFuture(cause);
                }
                return api.getList(includesPath, ObjectInJob.class).handle((includes, listFailure) -> {
                    if (listFailure == null && includes.stream()
                            .noneMatch(include -> includeId.equalsIgnoreCase(include.getObjectInJobId()))) {
                        return new AlreadyDone();
                    }
                    if (listFailure != null) {
                        cause.addSuppressed(Futures.unwrap(listFailure));
                    }
                    throw api404;
                });
            });
        }));
    }

    /** The one object of the lookup; none or several is an error. */
    private static CreateObjectInJobSpec specFromLookup(List<HierarchyItem> found, String described) {
        if (found.size() != 1) {
            throw new IllegalArgumentException(
                    (found.isEmpty() ? "No " : found.size() + " ") + described
                                               + (found.isEmpty() ? "" : ": " + found.stream().map(HierarchyItem::getObjectRef)
                                                       .collect(Collectors.joining(", "))
                                                                         + "; give the one to add in hierarchyObjRef"));
        }
        return new CreateObjectInJobSpec(found.get(0).getObjectRef(), found.get(0).getObjectName());
    }

    private static String lookupPath(ExchangeParameters parameters) {
        return "/lookup?host=" + encode(parameters.hierarchyRootUid()) + "&name=" + encode(parameters.objectName())
               + "&type=" + encode(parameters.objectType());
    }

    private Call jobAction(ExchangeParameters parameters, String action, String emOperation, Object body, String target) {
        JobReference job = parameters.job();
        return Call.change(key(action, job, target), emOperation,
                change -> onJob(job, path -> start(EmRequest.post(path + "?action=" + action, body), change)));
    }

    /** Settles a change whose answer was lost: follows its task if EM made one, else sends it again. */
    CompletableFuture<Outcome> settle(Call call, PendingChange change) {
        return api.settle(change).thenCompose(task -> task != null
                ? CompletableFuture.completedFuture(new Started(task))
                : call.send(change));
    }

    private CompletableFuture<Outcome> start(EmRequest request, PendingChange change) {
        return api.submit(request, change).thenApply(Started::new);
    }

    private static String key(String action, JobReference job, String target) {
        return action + "|" + (job.isName() ? job.name().toLowerCase(Locale.ROOT) : job.guid()) + "|"
               + target.toLowerCase(Locale.ROOT);
    }

    private static CompletableFuture<Outcome> answer(CompletableFuture<?> body) {
        return body.thenApply(Answer::new);
    }

    /** A read on the job's path ({@code /jobs/{id}}). */
    private Call read(ExchangeParameters parameters, Function<String, CompletableFuture<Outcome>> call) {
        JobReference job = parameters.job();
        return Call.read(() -> onJob(job, call));
    }

    /** Sends the call on the job's path ({@code /jobs/{id}}), resolving a job given by name first. */
    private CompletableFuture<Outcome> onJob(JobReference job, Function<String, CompletableFuture<Outcome>> call) {
        return jobId(job).thenCompose(id -> call.apply("/jobs/" + encode(id)));
    }

    /** A job given by name is looked up among EM's jobs; it must match exactly one, ignoring case. */
    private CompletableFuture<String> jobId(JobReference job) {
        if (!job.isName()) {
            return CompletableFuture.completedFuture(job.guid());
        }
        return api.getList("/jobs", EntityRef.class).thenApply(jobs -> {
            List<EntityRef> matches = jobs.stream().filter(ref -> job.name().equalsIgnoreCase(ref.getName())).toList();
            if (matches.size() != 1) {
                throw new IllegalArgumentException(
                        (matches.isEmpty() ? "No job" : matches.size() + " jobs") + " named '" + Echo.quote(job.name())
                                                   + "' (header " + VeeamEmConstants.JOB_ID + " or option jobId)"
                                                   + (matches.isEmpty() ? "" : ": " + matches.stream()
                                                           .map(EntityRef::getUid).collect(Collectors.joining(", "))
                                                                             + "; give the job's id"));
            }
            return PathSegments.checkedFromEm(matches.get(0).getId(), "job Id");
        });
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
